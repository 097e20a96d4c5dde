/** Small builders for scoring tests: forms with a scoring map, responses from answer tallies. */
import type { ResponseAnswers, ScoredForm } from '../src/index.ts';

/** A SIPAS form: components given as code → criteria ids, optional overall question. */
export function sipasForm(components: Record<string, string[]>, overallQuestion?: string, code = 'F'): ScoredForm {
  return {
    code,
    scoring: {
      sipas: { components: Object.entries(components).map(([c, criteria]) => ({ code: c, criteria })), overallQuestion },
    },
  };
}

/** The quick counter form: one question per component TC, TT, CC, KQ plus OV overall. */
export const quickForm: ScoredForm = sipasForm({ TC: ['Q1'], TT: ['Q2'], CC: ['Q3'], KQ: ['Q4'] }, 'OV', 'QUICK/2021');

/** `n` answers per value, in order, e.g. tally({ 5: 30, 4: 55 }) → [5 ×30, 4 ×55]. */
export function tally(counts: Record<string, number>): (number | string)[] {
  return Object.entries(counts).flatMap(([value, n]) =>
    Array.from({ length: n }, () => (/^\d+$/.test(value) ? Number(value) : value)),
  );
}

/** Responses built column-wise: each question gets its list of answers (shorter lists leave blanks). */
export function responsesFromColumns(columns: Record<string, (number | string)[]>, forms: number): ResponseAnswers[] {
  return Array.from({ length: forms }, (_, i) =>
    Object.fromEntries(Object.entries(columns).map(([q, answers]) => [q, answers[i]])),
  );
}
