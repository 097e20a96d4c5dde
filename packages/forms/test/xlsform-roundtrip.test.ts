/**
 * Questionnaires as data: every shipped form written as an XLSForm-style workbook reads back as the
 * same definition, and so does any generated form (fast-check).
 */
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { formFromSheets, sheetsFromForm, standardForms, type FormDefinition } from '../src/index.ts';
import { formDefinitionArb } from './form-arbitraries.ts';

function roundTrip(form: FormDefinition) {
  const sheets = sheetsFromForm(form);
  return formFromSheets({ ...sheets });
}

describe('XLSForm workbook round trip', () => {
  it.each(standardForms.map((f) => [`${f.code}@${f.version}`, f] as const))('%s reads back as the same definition', (_, form) => {
    const res = roundTrip(form);
    if (!res.ok) expect(res.errors).toEqual([]);
    expect(res.ok && res.form).toEqual(form);
  });

  test.prop([formDefinitionArb], { numRuns: 150 })(
    'export → import gives the same definition',
    (form) => {
      const res = roundTrip(form);
      if (!res.ok) expect(res.errors).toEqual([]);
      expect(res.ok && res.form).toEqual(form);
    },
    60_000,
  );
});
