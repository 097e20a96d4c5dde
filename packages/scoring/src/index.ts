/** Pure SIPAS and PAR Index computations (no I/O). See /docs and METHOD.md for the rules. */
export * from './round.ts';
export * from './errors.ts';
export * from './form-map.ts';
export * from './answers.ts';
export * from './likert.ts';
export * from './sipas.ts';
export * from './sipas-publish.ts';
export * from './perception.ts';
export * from './shares-publish.ts';
export * from './quick-rate.ts';
export * from './staff.ts';
export * from './par-settings.ts';
export * from './par-method.ts';
export * from './par-validate.ts';
export * from './par.ts';
export * from './par-publish.ts';
export * from './suppression.ts';
