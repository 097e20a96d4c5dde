/**
 * Per-question breakdowns of a published SIPAS (issue 14): a criterion, perception item or form
 * answered by fewer than `minCell` people shows no rate, and the figure shown beside it (the
 * component, SIPAS, the pooled figure) never gives it away by subtraction.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { computeSipas, countAnswers, publishSipas, type ScoredForm } from '../src/index.ts';
import { responsesFromColumns, sipasForm, tally } from './helpers.ts';

const form = sipasForm({ TC: ['TC1', 'TC2', 'TC3'], TT: ['TT1'] }, 'OV');

/** 40 forms; TC3 is a conditional question answered by `tc3` of them. */
function unit(tc3: number, minCell = 5) {
  const responses = responsesFromColumns(
    {
      TC1: tally({ 5: 30, 2: 10 }),
      TC2: tally({ 4: 20, 3: 20 }),
      TC3: tally({ 5: tc3 }),
      TT1: tally({ 5: 36, 1: 4 }),
      OV: tally({ 4: 40 }),
    },
    40,
  );
  return publishSipas(computeSipas({ sources: [{ form, counts: countAnswers(responses) }], validForms: 40 }), { minCell });
}

describe('publishSipas with a minimum cell', () => {
  it('shows "< 5" for a criterion 3 people answered and withholds a second criterion of its component', () => {
    const tc = unit(3).components[0];
    expect(tc?.ratePercent).not.toBeNull();
    expect(tc?.criteria.map((c) => [c.code, c.valid, c.suppressed, c.ratePercent])).toEqual([
      ['TC1', 40, 'secondary', null],
      ['TC2', 40, null, 50],
      ['TC3', 3, 'small', null],
    ]);
  });

  it('withholds nothing at or above the minimum, and nothing without one', () => {
    const tc = unit(5).components[0];
    expect(tc?.criteria.map((c) => c.suppressed)).toEqual([null, null, null]);
    expect(tc?.criteria[2]?.ratePercent).toBe(100);
    const plain = publishSipas(
      computeSipas({
        sources: [{ form, counts: countAnswers(responsesFromColumns({ TC3: tally({ 5: 2 }) }, 40)) }],
        validForms: 40,
      }),
    );
    expect(plain.components[0]?.criteria[2]?.ratePercent).toBe(100);
  });

  it('withholds a perception share of fewer than 5 answers', () => {
    const perceiving: ScoredForm = {
      ...form,
      scoring: { ...form.scoring, perception: [{ code: 'LATE', questionId: 'P1', matches: ['late'] }] },
    };
    const responses = responsesFromColumns(
      { TC1: tally({ 5: 40 }), TT1: tally({ 5: 40 }), P1: tally({ late: 2, ontime: 2 }) },
      40,
    );
    const p = publishSipas(computeSipas({ sources: [{ form: perceiving, counts: countAnswers(responses) }], validForms: 40 }), {
      minCell: 5,
    });
    expect(p.perception).toEqual([{ code: 'LATE', answered: 4, percent: null, suppressed: 'small' }]);
  });

  it('withholds a component of 3 answers, a second component beside SIPAS, and all their criteria', () => {
    const threeComponents = sipasForm({ TC: ['TC1'], TT: ['TT1', 'TT2'], CC: ['CC1'] });
    const responses = responsesFromColumns(
      { TC1: tally({ 5: 3 }), TT1: tally({ 5: 20, 2: 20 }), TT2: tally({ 4: 40 }), CC1: tally({ 5: 35, 1: 5 }) },
      40,
    );
    const p = publishSipas(
      computeSipas({ sources: [{ form: threeComponents, counts: countAnswers(responses) }], validForms: 40 }),
      { minCell: 5 },
    );
    expect(p.sipasPercent).not.toBeNull();
    expect(p.components.map((c) => [c.code, c.suppressed, c.ratePercent])).toEqual([
      ['TC', 'small', null],
      ['TT', null, 75],
      ['CC', 'secondary', null],
    ]);
    // CC's only criterion would rebuild CC: withheld with it.
    expect(p.components[2]?.criteria.map((k) => [k.code, k.suppressed, k.ratePercent])).toEqual([['CC1', 'secondary', null]]);
    expect(p.components[1]?.criteria.map((k) => k.ratePercent)).toEqual([50, 100]);
  });

  test.prop([fc.integer({ min: 0, max: 12 }), fc.integer({ min: 3, max: 6 })])(
    'never shows a rate of 1 … minCell − 1 answers, and a component shown beside a withheld criterion hides two',
    (tc3, minCell) => {
      const p = unit(tc3, minCell);
      for (const c of p.components) {
        for (const k of c.criteria) if (k.valid > 0 && k.valid < minCell) expect(k.ratePercent).toBeNull();
        const hidden = c.criteria.filter((k) => k.valid > 0 && k.ratePercent === null);
        if (c.ratePercent !== null && hidden.length > 0) expect(hidden.length).toBeGreaterThanOrEqual(2);
      }
    },
  );
});
