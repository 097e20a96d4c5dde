/** The standard forms shipped with hailong, looked up by code (and version). */
import { standardForms } from './definitions/index.ts';
import type { FormDefinition, FormKind, RespondentGroup } from './definition.ts';

export { standardForms };

export const FORM_CODES = {
  counter: '01/2021-TT',
  online: '02/2021-DVCTT',
  quick: 'QUICK/2021',
} as const;

/** What each channel of a SIPAS campaign offers when the campaign chose nothing (docs/0022). */
export const DEFAULT_CHANNEL_FORMS = {
  kiosk: FORM_CODES.counter,
  online: FORM_CODES.online,
  field: [FORM_CODES.counter, FORM_CODES.online],
} as const;

/** The kinds a campaign may choose for a channel's full form (the quick kiosk form stays fixed). */
export const CHANNEL_FORM_KINDS: readonly FormKind[] = ['sipas_counter', 'sipas_online'];

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
