import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  computeSipas,
  countAnswers,
  countsFromRows,
  publishSipas,
  type AnswerCountRow,
  type ResponseAnswers,
  type SipasResult,
} from '../src/index.ts';
import { sipasForm } from './helpers.ts';

const form = {
  ...sipasForm({ TC: ['TC1', 'TC2'], TT: ['TT1', 'TT2', 'TT3'], CC: ['CC1'] }, 'OV'),
  scoring: {
    ...sipasForm({ TC: ['TC1', 'TC2'], TT: ['TT1', 'TT2', 'TT3'], CC: ['CC1'] }, 'OV').scoring,
    perception: [{ code: 'late', questionId: 'onTime', matches: ['late'] }],
  },
};
const questions = ['TC1', 'TC2', 'TT1', 'TT2', 'TT3', 'CC1', 'OV'];
const answerArb = fc.constantFrom<number | string | undefined>(1, 2, 3, 4, 5, 'na', undefined);
const responseArb: fc.Arbitrary<ResponseAnswers> = fc.record({
  ...Object.fromEntries(questions.map((q) => [q, answerArb])),
  onTime: fc.constantFrom('on_time', 'late', undefined),
});
const settingsArb = fc.record({
  componentMethod: fc.constantFrom('mean_of_items' as const, 'pooled' as const),
  sipasMethod: fc.constantFrom('mean_of_components' as const, 'overall_question' as const),
  minSample: fc.integer({ min: 0, max: 40 }),
});

function score(responses: readonly ResponseAnswers[], settings = {}): SipasResult {
  return computeSipas({ sources: [{ form, counts: countAnswers(responses) }], validForms: responses.length }, settings);
}

function percentages(r: SipasResult): (number | null)[] {
  return [
    r.sipasPercent,
    r.overall?.ratePercent ?? null,
    ...r.components.flatMap((c) => [c.ratePercent, ...c.criteria.map((k) => k.ratePercent)]),
    ...r.perception.map((p) => p.percent),
  ];
}

describe('SIPAS properties', () => {
  test.prop([fc.array(responseArb, { maxLength: 60 }), settingsArb])(
    'every percentage is null or within 0–100',
    (responses, settings) => {
      for (const p of percentages(score(responses, settings))) {
        if (p !== null) {
          expect(Number.isFinite(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(100);
        }
      }
    },
  );

  test.prop([
    fc
      .array(responseArb, { maxLength: 60 })
      .chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))),
    settingsArb,
  ])('does not depend on the order of the responses', ([responses, shuffled], settings) => {
    expect(score(shuffled, settings)).toEqual(score(responses, settings));
  });

  test.prop([fc.integer({ min: 1, max: 80 }), settingsArb])(
    'a unit where everyone answered "Rất hài lòng" scores 100',
    (n, settings) => {
      const responses = Array.from({ length: n }, () => Object.fromEntries(questions.map((q) => [q, 5])));
      const result = score(responses, settings);
      expect(result.sipasPercent).toBe(100);
      expect(
        percentages(result)
          .filter((p) => p !== null)
          .every((p) => p === 100),
      ).toBe(true);
    },
  );

  test.prop([fc.array(responseArb, { maxLength: 60 }), settingsArb])(
    'answering "không ý kiến" instead of leaving blank changes no percentage',
    (responses, settings) => {
      const withNa = responses.map((r) => Object.fromEntries(questions.map((q) => [q, r[q] ?? 'na'])));
      const blanks = responses.map((r) => Object.fromEntries(questions.map((q) => [q, r[q]])));
      expect(percentages(score(withNa, settings))).toEqual(percentages(score(blanks, settings)));
    },
  );

  test.prop([fc.array(responseArb, { maxLength: 60 }), settingsArb])(
    'an extra form with only "không ý kiến" answers changes no percentage',
    (responses, settings) => {
      const extra = Object.fromEntries(questions.map((q) => [q, 'na']));
      expect(percentages(score([...responses, extra], settings))).toEqual(percentages(score(responses, settings)));
    },
  );

  test.prop([
    fc.array(fc.record(Object.fromEntries(questions.map((q) => [q, fc.constantFrom('na', undefined)]))), { maxLength: 60 }),
    settingsArb,
  ])('a unit without valid answers is no_data, never 0 or NaN', (responses, settings) => {
    const result = score(responses, settings);
    expect(result.status).toBe('no_data');
    expect(result.sipasPercent).toBeNull();
    expect(publishSipas(result).sipasPercent).toBeNull();
    expect(percentages(result).filter((p) => p !== null && p !== undefined)).toEqual([]);
  });

  test.prop([fc.array(responseArb, { maxLength: 60 }), settingsArb])(
    'counts from SQL GROUP BY rows score the same as counts built in memory',
    (responses, settings) => {
      const grouped = new Map<string, number>();
      for (const r of responses) {
        for (const [q, v] of Object.entries(r)) {
          if (v === undefined) continue;
          const k = `${q}\u0000${String(v)}`;
          grouped.set(k, (grouped.get(k) ?? 0) + 1);
        }
      }
      const rows: AnswerCountRow[] = [...grouped].map(([k, n]) => {
        const [questionId = '', answer = ''] = k.split('\u0000');
        return { questionId, answer, count: String(n) };
      });
      const fromSql = computeSipas({ sources: [{ form, counts: countsFromRows(rows) }], validForms: responses.length }, settings);
      expect(fromSql).toEqual(score(responses, settings));
    },
  );

  test.prop([fc.array(responseArb, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 80 })])(
    'publishes percentages only for units that reach the minimum sample',
    (responses, minSample) => {
      const published = publishSipas(score(responses, { minSample }));
      if (responses.length < minSample) expect(published.sipasPercent).toBeNull();
      if (published.status === 'ok') expect(published.sipasPercent).not.toBeNull();
    },
  );
});
