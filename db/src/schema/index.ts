export * from './units.ts';
export * from './users.ts';
export * from './campaigns.ts';
export * from './forms.ts';
export * from './staff.ts';
export * from './field.ts';
export * from './responses.ts';
export * from './tallies.ts';
