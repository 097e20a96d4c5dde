export * from './client.ts';
export * from './migrate.ts';
export * from './embedded.ts';
export * from './errors.ts';
export * from './seed.ts';
export * from './schema/index.ts';
export * from './retention.ts';
