export * from './definition.ts';
export * from './conditions.ts';
export * from './validator.ts';
export * from './registry.ts';
export * from './describe.ts';
