/**
 * The counter quick form (5 questions on a tablet): satisfaction rate = satisfied forms / valid
 * forms (METHOD.md §2, published 219/226 = 96.90 %). Whether one form is "satisfied" depends on a
 * campaign setting; `isSatisfied` evaluates one form so the rule can run per response.
 */
import type { ResponseAnswers } from './answers.ts';
import { ScoringInputError } from './errors.ts';
import type { ScoredForm } from './form-map.ts';
import { likertValue, percentOrNull } from './likert.ts';

export type SatisfiedRule = 'overall_in_4_5' | 'mean_ge_4' | 'all_in_4_5';
export const defaultSatisfiedRule: SatisfiedRule = 'overall_in_4_5';

export interface QuickRateResult {
  satisfied: number;
  valid: number;
  ratePercent: number | null;
}

function ratedQuestions(form: ScoredForm): string[] {
  const sipas = form.scoring.sipas;
  const criteria = sipas?.components.flatMap((c) => c.criteria) ?? [];
  return sipas?.overallQuestion ? [...criteria, sipas.overallQuestion] : criteria;
}

/**
 * Whether one form counts as satisfied under `rule`; null when the form cannot be judged (the
 * overall question, or every rated question, unanswered or 'na') and so is not a valid form.
 * - `overall_in_4_5`: the overall question is 4 or 5;
 * - `mean_ge_4`: the mean of the answered rated questions (criteria and overall) is ≥ 4;
 * - `all_in_4_5`: every answered rated question is 4 or 5.
 */
export function isSatisfied(
  answers: ResponseAnswers,
  form: ScoredForm,
  rule: SatisfiedRule = defaultSatisfiedRule,
): boolean | null {
  if (rule === 'overall_in_4_5') {
    const overall = form.scoring.sipas?.overallQuestion;
    if (!overall) throw new ScoringInputError([{ unitCode: form.code ?? '?', field: 'overallQuestion', reason: 'missing' }]);
    const rating = likertValue(answers[overall]);
    return rating === null ? null : rating >= 4;
  }
  const ratings = ratedQuestions(form)
    .map((q) => likertValue(answers[q]))
    .filter((r): r is number => r !== null);
  if (ratings.length === 0) return null;
  if (rule === 'all_in_4_5') return ratings.every((r) => r >= 4);
  return ratings.reduce((a, b) => a + b, 0) / ratings.length >= 4;
}

/** Satisfied and valid forms among responses (forms that cannot be judged are not valid). */
export function countSatisfied(
  responses: Iterable<ResponseAnswers>,
  form: ScoredForm,
  rule: SatisfiedRule = defaultSatisfiedRule,
): { satisfied: number; valid: number } {
  let satisfied = 0;
  let valid = 0;
  for (const answers of responses) {
    const verdict = isSatisfied(answers, form, rule);
    if (verdict === null) continue;
    valid += 1;
    if (verdict) satisfied += 1;
  }
  return { satisfied, valid };
}

/** 100 × satisfied / valid; null when there is no valid form. */
export function quickRate(tally: { satisfied: number; valid: number }): QuickRateResult {
  const { satisfied, valid } = tally;
  if (!Number.isInteger(satisfied) || !Number.isInteger(valid) || satisfied < 0 || valid < 0) {
    throw new ScoringInputError([{ unitCode: '?', field: 'satisfied', reason: 'negative' }]);
  }
  if (satisfied > valid) throw new ScoringInputError([{ unitCode: '?', field: 'satisfied', reason: 'above_max', limit: valid }]);
  return { satisfied, valid, ratePercent: percentOrNull(satisfied, valid) };
}
