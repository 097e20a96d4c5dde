export * from './common.ts';
export * from './auth.ts';
export * from './campaigns.ts';
export * from './forms.ts';
export * from './health.ts';
export * from './kiosks.ts';
export * from './results.ts';
export * from './enumerators.ts';
