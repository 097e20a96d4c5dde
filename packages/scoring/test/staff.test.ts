import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { computeStaffPoints, countAnswers, roundHalfUp, ScoringInputError, type ScoredForm } from '../src/index.ts';
import { tally } from './helpers.ts';

const weights = { A: 100, B: 60, C: 20, D: 0 };

function template(code: string, subCriteria: { code: string; maxPoints: number; questions: string[] }[]): ScoredForm {
  return { code, scoring: { par: { optionWeights: weights, subCriteria } } };
}

const t2 = template('T2', [
  { code: 'CS1', maxPoints: 1, questions: ['q1'] },
  { code: 'CS2', maxPoints: 0.5, questions: ['q2', 'q3'] },
]);
const t3 = template('T3', [{ code: 'CS1', maxPoints: 1, questions: ['x1'] }]);

describe('staff-survey points', () => {
  it('reproduces METHOD.md §3: max 1.0, A120 B60 C15 D5 E10 → 0.7950', () => {
    const counts = countAnswers(tally({ A: 120, B: 60, C: 15, D: 5, E: 10 }).map((a) => ({ q1: a })));
    const result = computeStaffPoints([{ form: t2, counts }]);
    expect(roundHalfUp(result.subCriteria[0]?.points ?? 0, 4)).toBe(0.795);
    expect(result.subCriteria[0]?.validAnswers).toBe(200);
    expect(roundHalfUp(result.points, 4)).toBe(0.795);
    expect(result.missing).toEqual(['CS2']);
    expect(result.maxPoints).toBe(1.5);
  });

  it('adds the points of every sub-criterion, pooling the questions of one sub-criterion', () => {
    const counts = countAnswers([
      { q1: 'A', q2: 'A', q3: 'C' },
      { q1: 'B', q2: 'D', q3: 'E' },
    ]);
    const result = computeStaffPoints([{ form: t2, counts }]);
    expect(result.subCriteria.map((s) => s.points)).toEqual([0.8, (0.5 * 1.2) / 3]);
    expect(result.points).toBeCloseTo(0.8 + 0.2, 12);
  });

  it('pools templates that ask the same sub-criterion, or averages them when configured', () => {
    const sources = [
      { form: t2, counts: countAnswers([{ q1: 'A' }, { q1: 'A' }, { q1: 'A' }]) },
      { form: t3, counts: countAnswers([{ x1: 'D' }]) },
    ];
    expect(computeStaffPoints(sources).subCriteria[0]?.points).toBe(0.75);
    expect(computeStaffPoints(sources, { templateMethod: 'mean_of_templates' }).subCriteria[0]?.points).toBe(0.5);
  });

  it('refuses templates that disagree on a sub-criterion maximum', () => {
    const other = template('T4', [{ code: 'CS1', maxPoints: 2, questions: ['z'] }]);
    expect(() =>
      computeStaffPoints([
        { form: t2, counts: new Map() },
        { form: other, counts: new Map() },
      ]),
    ).toThrow(ScoringInputError);
  });

  test.prop([
    fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E', undefined), { maxLength: 100 }),
    fc.double({ min: 0.01, max: 10, noNaN: true }),
  ])(
    'points stay between 0 and the maximum and only "không đánh giá được" answers leave a sub-criterion empty',
    (answers, maxPoints) => {
      const form = template('T', [{ code: 'S', maxPoints, questions: ['q'] }]);
      const result = computeStaffPoints([{ form, counts: countAnswers(answers.map((q) => ({ q }))) }]);
      const points = result.subCriteria[0]?.points ?? null;
      const anyValid = answers.some((a) => a !== undefined && a !== 'E');
      expect(points === null).toBe(!anyValid);
      if (points !== null) {
        expect(points).toBeGreaterThanOrEqual(0);
        expect(points).toBeLessThanOrEqual(maxPoints * (1 + 1e-12));
      }
    },
  );
});
