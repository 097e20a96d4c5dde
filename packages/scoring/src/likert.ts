/** The 1–5 satisfaction scale: which answers are valid and which count as satisfied (4, 5). */
import type { AnswerCounts, RawAnswer } from './answers.ts';

export const LIKERT_KEYS = ['1', '2', '3', '4', '5'] as const;
export const SATISFIED_KEYS = ['4', '5'] as const;

/** The rating 1–5 of an answer, or null for 'na', blank or anything else. */
export function likertValue(value: RawAnswer): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

/** Satisfied (4|5) and valid (1..5) answers of one question; 'na' and blank are not valid. */
export function likertTally(counts: AnswerCounts, questionId: string): { satisfied: number; valid: number } {
  const byAnswer = counts.get(questionId);
  let satisfied = 0;
  let valid = 0;
  if (!byAnswer) return { satisfied, valid };
  for (const [key, n] of byAnswer) {
    const rating = likertValue(key);
    if (rating === null) continue;
    valid += n;
    if (rating >= 4) satisfied += n;
  }
  return { satisfied, valid };
}

/** 100 × part / whole, or null when whole is 0. */
export function percentOrNull(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}

/** Arithmetic mean of the non-null values, or null when there are none. */
export function meanOfPresent(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}
