import { describe, expect, it } from 'vitest';
import { allQuestions, formsOfKind, respondentGroups, type FormDefinition } from '../src/index.ts';

const templates = formsOfKind('staff');
const subCriteria = (form: FormDefinition) => form.scoring.par?.subCriteria ?? [];
const maxPoints = (form: FormDefinition): number => subCriteria(form).reduce((sum, s) => sum + s.maxPoints, 0);

/** Max staff-survey points a unit can earn when its answers come from these templates (pooled by code). */
function unionMax(groups: string[]): number {
  const byCode = new Map<string, number>();
  for (const t of templates.filter((f) => groups.includes(f.respondentGroup ?? ''))) {
    for (const s of subCriteria(t)) byCode.set(s.code, s.maxPoints);
  }
  return [...byCode.values()].reduce((a, b) => a + b, 0);
}

describe('staff survey templates', () => {
  it('exist for each respondent group T1–T6 with codes CBCCVC-Tn/2021', () => {
    expect(templates.map((t) => [t.respondentGroup, t.code])).toEqual(respondentGroups.map((g) => [g, `CBCCVC-${g}/2021`]));
  });

  describe.each(templates.map((t) => [t.code, t] as const))('%s', (_code, form) => {
    it('asks 8–15 required questions, each with options A–E', () => {
      const qs = allQuestions(form);
      expect(qs.length).toBeGreaterThanOrEqual(8);
      expect(qs.length).toBeLessThanOrEqual(15);
      for (const q of qs) {
        expect(q).toMatchObject({ type: 'single_choice', required: true });
        expect(q.options?.map((o) => o.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
        for (const o of q.options ?? []) expect(o.label.vi.startsWith(`${o.code}. `)).toBe(true);
        expect(q.options?.[4]?.label.vi).toBe('E. Không đánh giá được');
      }
    });

    it('weighs A–D as 100 / 60 / 20 / 0 % and leaves E out of scoring', () => {
      expect(form.scoring.par?.optionWeights).toEqual({ A: 100, B: 60, C: 20, D: 0 });
    });

    it('maps every question to exactly one sub-criterion', () => {
      const mapped = subCriteria(form).flatMap((s) => s.questions);
      expect(mapped.slice().sort()).toEqual(
        allQuestions(form)
          .map((q) => q.id)
          .sort(),
      );
    });

    it('is worth between 10 and 22 points in total', () => {
      expect(maxPoints(form)).toBeGreaterThanOrEqual(10);
      expect(maxPoints(form)).toBeLessThanOrEqual(22);
    });
  });

  it('gives a sub-criterion the same label, max points and question wording in every template', () => {
    const seen = new Map<string, unknown>();
    for (const t of templates) {
      const questions = new Map(allQuestions(t).map((q) => [q.id, q]));
      for (const s of subCriteria(t)) {
        const shape = { label: s.label, max: s.maxPoints, questions: s.questions.map((id) => questions.get(id)) };
        if (seen.has(s.code)) expect(shape, s.code).toEqual(seen.get(s.code));
        else seen.set(s.code, shape);
      }
    }
    expect(seen.has('CS_RECRUIT_TRANSPARENT')).toBe(true);
  });

  it('lets a department earn at most its 22 staff-survey points (37 survey − 15 SIPAS) from T1–T3', () => {
    expect(unionMax(['T1', 'T2', 'T3'])).toBeCloseTo(22, 10);
  });

  it('lets a district earn at most its 23 staff-survey points (38 survey − 15 SIPAS) from T1, T4, T5', () => {
    expect(unionMax(['T1', 'T4', 'T5'])).toBeCloseTo(23, 10);
  });

  it('asks about transparent recruitment under one shared code wherever staff judge their own unit', () => {
    for (const g of ['T2', 'T3', 'T4', 'T6']) {
      const t = templates.find((f) => f.respondentGroup === g);
      expect(
        subCriteria(t!).map((s) => s.code),
        g,
      ).toContain('CS_RECRUIT_TRANSPARENT');
    }
  });
});
