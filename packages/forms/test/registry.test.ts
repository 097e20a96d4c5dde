import { describe, expect, it } from 'vitest';
import { FORM_CODES, findForm, formsOfKind, staffTemplate, standardForms } from '../src/index.ts';

describe('form registry', () => {
  it('finds the counter, online and quick forms by their codes', () => {
    expect(findForm(FORM_CODES.counter)?.kind).toBe('sipas_counter');
    expect(findForm(FORM_CODES.online)?.kind).toBe('sipas_online');
    expect(findForm(FORM_CODES.quick)?.kind).toBe('sipas_quick');
  });

  it('finds a form by code and version, and nothing for an unknown version or code', () => {
    expect(findForm('01/2021-TT', 2)?.version).toBe(2);
    expect(findForm('01/2021-TT', 3)).toBeUndefined();
    expect(findForm('99/2021-XX')).toBeUndefined();
  });

  it('returns the staff template of a respondent group', () => {
    expect(staffTemplate('T3')?.code).toBe('CBCCVC-T3/2021');
    expect(staffTemplate('T3')?.respondentGroup).toBe('T3');
    expect(staffTemplate('T1')?.code).toBe('CBCCVC-T1/2021');
  });

  it('lists forms by kind', () => {
    expect(formsOfKind('staff')).toHaveLength(6);
    expect(formsOfKind('sipas_counter').map((f) => f.code)).toEqual(['01/2021-TT', 'SIPAS/2024']);
  });

  it('has unique code + version pairs', () => {
    const keys = standardForms.map((f) => `${f.code}@${f.version}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
