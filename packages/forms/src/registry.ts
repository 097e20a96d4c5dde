/** The standard forms shipped with hailong, looked up by code (and version). */
import { standardForms } from './definitions/index.ts';
import type { FormDefinition, FormKind, RespondentGroup } from './definition.ts';

export { standardForms };

export const FORM_CODES = {
  counter: '01/2021-TT',
  online: '02/2021-DVCTT',
  quick: 'QUICK/2021',
} as const;

export function findForm(code: string, version?: number): FormDefinition | undefined {
  const matches = standardForms.filter((f) => f.code === code && (version === undefined || f.version === version));
  return matches.sort((a, b) => b.version - a.version)[0];
}

export function formsOfKind(kind: FormKind): FormDefinition[] {
  return standardForms.filter((f) => f.kind === kind);
}

export function staffTemplate(group: RespondentGroup): FormDefinition | undefined {
  return standardForms.find((f) => f.kind === 'staff' && f.respondentGroup === group);
}
