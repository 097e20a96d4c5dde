import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { countSatisfied, isSatisfied, quickRate, roundHalfUp, ScoringInputError, type ResponseAnswers } from '../src/index.ts';
import { quickForm, sipasForm } from './helpers.ts';

const answerArb = fc.constantFrom<number | string | undefined>(1, 2, 3, 4, 5, 'na', undefined);
const quickResponseArb: fc.Arbitrary<ResponseAnswers> = fc.record({
  Q1: answerArb,
  Q2: answerArb,
  Q3: answerArb,
  Q4: answerArb,
  OV: answerArb,
});

describe('counter quick form satisfaction rate', () => {
  it('reproduces the published district figure 219 / 226 = 96.90 %', () => {
    const responses = [
      ...Array.from({ length: 150 }, () => ({ Q1: 5, Q2: 5, Q3: 5, Q4: 5, OV: 5 })),
      ...Array.from({ length: 69 }, () => ({ Q1: 3, Q2: 4, Q3: 4, Q4: 4, OV: 4 })),
      ...Array.from({ length: 7 }, () => ({ Q1: 2, Q2: 3, Q3: 4, Q4: 5, OV: 3 })),
      ...Array.from({ length: 4 }, () => ({ Q1: 5, OV: 'na' })), // cannot be judged: not valid forms
    ];
    const tally = countSatisfied(responses, quickForm);
    expect(tally).toEqual({ satisfied: 219, valid: 226 });
    expect(roundHalfUp(quickRate(tally).ratePercent ?? 0, 2)).toBe(96.9);
  });

  it('judges one form by each rule', () => {
    const answers = { Q1: 3, Q2: 5, Q3: 4, Q4: 4, OV: 4 };
    expect(isSatisfied(answers, quickForm, 'overall_in_4_5')).toBe(true);
    expect(isSatisfied(answers, quickForm, 'mean_ge_4')).toBe(true);
    expect(isSatisfied(answers, quickForm, 'all_in_4_5')).toBe(false);
    expect(isSatisfied({ Q1: 'na', OV: 'na' }, quickForm, 'mean_ge_4')).toBeNull();
  });

  it('has no rate, rather than 0 %, when no form could be judged', () => {
    expect(quickRate({ satisfied: 0, valid: 0 }).ratePercent).toBeNull();
  });

  it('refuses the overall rule on a form without an overall question, and impossible tallies', () => {
    expect(() => isSatisfied({}, sipasForm({ A: ['a'] }), 'overall_in_4_5')).toThrow(ScoringInputError);
    expect(() => quickRate({ satisfied: 5, valid: 4 })).toThrow(ScoringInputError);
  });

  test.prop([
    fc.array(quickResponseArb, { maxLength: 80 }),
    fc.constantFrom('overall_in_4_5' as const, 'mean_ge_4' as const, 'all_in_4_5' as const),
  ])('the rate is null or within 0–100 and ignores the order of forms', (responses, rule) => {
    const rate = quickRate(countSatisfied(responses, quickForm, rule)).ratePercent;
    if (rate !== null) expect(rate).toBeGreaterThanOrEqual(0);
    if (rate !== null) expect(rate).toBeLessThanOrEqual(100);
    expect(countSatisfied([...responses].reverse(), quickForm, rule)).toEqual(countSatisfied(responses, quickForm, rule));
  });

  test.prop([quickResponseArb])('a form satisfied on every question is satisfied on average', (answers) => {
    if (isSatisfied(answers, quickForm, 'all_in_4_5') === true) expect(isSatisfied(answers, quickForm, 'mean_ge_4')).toBe(true);
  });
});
