/**
 * Perception shares (METHOD.md §2): for each item of the form's `scoring.perception`, the share of
 * answered forms whose answer is one of `matches` (e.g. % visited ≥ 3 times, % late and notified).
 * 'na' and blank answers are not "answered"; a multi-choice answer matches when any choice does.
 */
import { answerKey, answerKeyValues, type AnswerCounts } from './answers.ts';
import type { PerceptionMap, ScoredForm } from './form-map.ts';
import { percentOrNull } from './likert.ts';

export interface PerceptionShare {
  code: string;
  questionId: string;
  answered: number;
  matched: number;
  percent: number | null;
}

const NOT_ANSWERED = new Set(['na']);

function shareOf(counts: AnswerCounts, item: PerceptionMap): PerceptionShare {
  const wanted = new Set(item.matches.map((m) => answerKey(m)).filter((k): k is string => k !== null));
  let answered = 0;
  let matched = 0;
  for (const [key, n] of counts.get(item.questionId) ?? []) {
    if (NOT_ANSWERED.has(key)) continue;
    answered += n;
    if (answerKeyValues(key).some((v) => wanted.has(v))) matched += n;
  }
  return { code: item.code, questionId: item.questionId, answered, matched, percent: percentOrNull(matched, answered) };
}

/** The perception shares of one form's counts. */
export function perceptionShares(counts: AnswerCounts, form: ScoredForm): PerceptionShare[] {
  return (form.scoring.perception ?? []).map((item) => shareOf(counts, item));
}

/** The expectation shares of one form's counts (e.g. the share answering "rất nhiều" per item). */
export function expectationShares(counts: AnswerCounts, form: ScoredForm): PerceptionShare[] {
  return (form.scoring.expectations ?? []).map((item) => shareOf(counts, item));
}

/** Highest share first; items nobody answered last; equal shares keep the form's order. */
export function rankShares<T extends { percent: number | null }>(shares: readonly T[]): T[] {
  const key = (s: T) => (s.percent === null ? -1 : s.percent);
  return [...shares].sort((a, b) => key(b) - key(a));
}

/** Pools shares with the same code from several forms (answered and matched are added). */
export function mergePerception(lists: readonly PerceptionShare[][]): PerceptionShare[] {
  const byCode = new Map<string, PerceptionShare>();
  for (const share of lists.flat()) {
    const seen = byCode.get(share.code);
    if (!seen) {
      byCode.set(share.code, { ...share });
      continue;
    }
    seen.answered += share.answered;
    seen.matched += share.matched;
    seen.percent = percentOrNull(seen.matched, seen.answered);
  }
  return [...byCode.values()];
}
