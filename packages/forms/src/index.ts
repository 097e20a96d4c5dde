export * from './definition.ts';
export * from './conditions.ts';
export * from './validator.ts';
export * from './registry.ts';
export * from './describe.ts';
export * from './xlsform-export.ts';
export * from './xlsform-import.ts';
export { columnLetter } from './xlsform-sheet.ts';
