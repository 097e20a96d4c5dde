import { describe, expect, it } from 'vitest';
import {
  allQuestions,
  formDefinitionSchema,
  shownQuestionIds,
  standardForms,
  validateAnswers,
  type FormDefinition,
} from '../src/index.ts';
import { genericAnswers } from './generic-answers.ts';

const byCode = (code: string): FormDefinition => {
  const form = standardForms.find((f) => f.code === code);
  if (!form) throw new Error(`no form ${code}`);
  return form;
};
const ids = (form: FormDefinition): string[] => allQuestions(form).map((q) => q.id);

describe('standard forms', () => {
  it('ship in the order 01, 02, quick, SIPAS 2024, T1–T6', () => {
    expect(standardForms.map((f) => f.code)).toEqual([
      '01/2021-TT',
      '02/2021-DVCTT',
      'QUICK/2021',
      'SIPAS/2024',
      ...[1, 2, 3, 4, 5, 6].map((n) => `CBCCVC-T${n}/2021`),
    ]);
  });

  describe.each(standardForms.map((f) => [f.code, f] as const))('%s', (_code, form) => {
    it('is a valid form definition', () => {
      expect(() => formDefinitionSchema.parse(form)).not.toThrow();
    });

    it('accepts its own example response', () => {
      expect(validateAnswers(form, form.example)).toEqual({ ok: true, answers: form.example });
    });

    it('example answers every required question that applies to it', () => {
      const shown = shownQuestionIds(form, form.example);
      const required = allQuestions(form)
        .filter((q) => q.required && shown.has(q.id))
        .map((q) => q.id);
      expect(Object.keys(form.example)).toEqual(expect.arrayContaining(required));
    });

    it.each([1, 3, 5])('accepts the contract checker’s generic answers (Likert %i)', (likert) => {
      expect(validateAnswers(form, genericAnswers(form, likert))).toMatchObject({ ok: true });
    });

    it('has Vietnamese and English text for every title, section, question and option', () => {
      const texts = [
        form.title,
        ...form.sections.map((s) => s.title),
        ...allQuestions(form).flatMap((q) => [q.label, ...(q.options ?? []).map((o) => o.label)]),
      ];
      for (const t of texts) {
        expect(t.vi.trim()).not.toBe('');
        expect(t.en.trim()).not.toBe('');
      }
      // Vietnamese text is written with diacritics, not stripped ASCII.
      expect(texts.some((t) => /[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/i.test(t.vi))).toBe(true);
    });

    it('has no required number question with a minimum above 1 (the checker answers 1)', () => {
      const bad = allQuestions(form).filter((q) => q.type === 'number' && q.required && (q.min ?? 1) > 1);
      expect(bad).toEqual([]);
    });
  });
});

describe('form 01/2021-TT (in person at the counter)', () => {
  const form = byCode('01/2021-TT');
  const sipas = form.scoring.sipas;

  it('rates 22 criteria in the 5 national components, each with "không áp dụng"', () => {
    expect(sipas?.components.map((c) => [c.code, c.criteria])).toEqual([
      ['TC', ['TC1', 'TC2', 'TC3', 'TC4']],
      ['TT', ['TT1', 'TT2', 'TT3', 'TT4', 'TT5']],
      ['CC', ['CC1', 'CC2', 'CC3', 'CC4', 'CC5', 'CC6']],
      ['KQ', ['KQ1', 'KQ2', 'KQ3']],
      ['PA', ['PA1', 'PA2', 'PA3', 'PA4']],
    ]);
    const criteria = allQuestions(form).filter((q) => sipas?.components.some((c) => c.criteria.includes(q.id)));
    expect(criteria).toHaveLength(22);
    for (const q of criteria) expect(q).toMatchObject({ type: 'likert5', required: true, allowNotApplicable: true });
  });

  it('asks a required overall question without "không áp dụng"', () => {
    expect(sipas?.overallQuestion).toBe('OV');
    const ov = allQuestions(form).find((q) => q.id === 'OV');
    expect(ov).toMatchObject({ type: 'likert5', required: true });
    expect(ov?.allowNotApplicable).toBeFalsy();
  });

  it('asks the number of visits with the four bands', () => {
    const v = allQuestions(form).find((q) => q.id === 'V');
    expect(v?.options?.map((o) => [o.code, o.label.vi])).toEqual([
      ['1', '1 lần'],
      ['2', '2 lần'],
      ['3_4', '3–4 lần'],
      ['gt4', 'Trên 4 lần'],
    ]);
  });

  it('maps the perception shares to their questions', () => {
    const p = Object.fromEntries((form.scoring.perception ?? []).map((x) => [x.code, [x.questionId, x.matches]]));
    expect(p).toMatchObject({
      visits_3_plus: ['V', ['3_4', 'gt4']],
      harassment: ['HARASSMENT', [true]],
      unofficial_payment: ['EXTRA_PAYMENT', [true]],
      late_notified: ['LATE_NOTIFIED', [true]],
      apology_given: ['APOLOGY', [true]],
    });
  });

  it('requires the harassment and extra-payment questions; the "if late" ones only when the result was late', () => {
    const q = new Map(allQuestions(form).map((x) => [x.id, x]));
    expect(q.get('HARASSMENT')?.required).toBe(true);
    expect(q.get('EXTRA_PAYMENT')?.required).toBe(true);
    expect(q.get('IMPROVE')).toMatchObject({ type: 'multi_choice', required: false });
    const onTime: Record<string, unknown> = { ...form.example, RESULT_TIME: 'on_time' };
    delete onTime.LATE_NOTIFIED;
    delete onTime.APOLOGY;
    expect(validateAnswers(form, onTime)).toMatchObject({ ok: true });
    const late = { ...onTime, RESULT_TIME: 'late' };
    expect(validateAnswers(form, late)).toMatchObject({
      ok: false,
      errors: [
        { questionId: 'LATE_NOTIFIED', code: 'REQUIRED' },
        { questionId: 'APOLOGY', code: 'REQUIRED' },
      ],
    });
    expect(validateAnswers(form, { ...late, LATE_NOTIFIED: false, APOLOGY: true })).toMatchObject({ ok: true });
    expect(validateAnswers(form, { ...onTime, APOLOGY: false })).toMatchObject({
      ok: false,
      errors: [{ questionId: 'APOLOGY', code: 'NOT_APPLICABLE_HERE' }],
    });
  });

  it('keeps respondent information optional and anonymous', () => {
    const section = form.sections.find((s) => s.id === 'RESPONDENT');
    expect(section?.questions.map((q) => q.id)).toEqual(['GENDER', 'AGE', 'EDUCATION', 'OCCUPATION', 'PROCEDURE', 'LEVEL']);
    expect(section?.questions.every((q) => !q.required)).toBe(true);
    expect(section?.questions.find((q) => q.id === 'PROCEDURE')).toMatchObject({ type: 'text', maxLength: 200 });
    expect(section?.questions.find((q) => q.id === 'LEVEL')?.options?.map((o) => o.code)).toEqual([
      'province',
      'district',
      'commune',
    ]);
  });
});

describe('anonymity of the citizen forms', () => {
  it.each(['01/2021-TT', '02/2021-DVCTT', 'QUICK/2021'])('%s asks for no name, phone or dossier code', (code) => {
    const form = byCode(code);
    expect(ids(form).filter((id) => /name|phone|tel|email|dossier|ma_ho_so/i.test(id))).toEqual([]);
    const labels = allQuestions(form).map((q) => q.label.vi.toLowerCase());
    expect(labels.filter((l) => /họ tên|điện thoại|mã hồ sơ/.test(l))).toEqual([]);
  });
});

describe('form 02/2021-DVCTT (online services)', () => {
  const form = byCode('02/2021-DVCTT');

  it('rates TC 4, TT 5, CC 3, KQ 3, PA 2 criteria, all required with "không áp dụng"', () => {
    const comps = form.scoring.sipas?.components ?? [];
    expect(comps.map((c) => [c.code, c.criteria.length])).toEqual([
      ['TC', 4],
      ['TT', 5],
      ['CC', 3],
      ['KQ', 3],
      ['PA', 2],
    ]);
    const criteria = new Set(comps.flatMap((c) => c.criteria));
    for (const q of allQuestions(form).filter((x) => criteria.has(x.id))) {
      expect(q).toMatchObject({ type: 'likert5', required: true, allowNotApplicable: true });
    }
    expect(form.scoring.sipas?.overallQuestion).toBe('OV');
  });

  it('keeps respondent information optional', () => {
    const section = form.sections.find((s) => s.id === 'RESPONDENT');
    expect(section?.questions.length).toBeGreaterThan(0);
    expect(section?.questions.every((q) => !q.required)).toBe(true);
  });
});

describe('counter quick form', () => {
  const form = byCode('QUICK/2021');

  it('has exactly five required 1–5 questions, one per component then overall', () => {
    expect(allQuestions(form).map((q) => q.id)).toEqual(['Q_TC', 'Q_TT', 'Q_CC', 'Q_KQ', 'OV']);
    for (const q of allQuestions(form)) {
      expect(q).toMatchObject({ type: 'likert5', required: true });
      expect(q.allowNotApplicable).toBeFalsy();
    }
  });

  it('scores one question per component and uses OV as the overall question', () => {
    expect(form.scoring.sipas?.components.map((c) => [c.code, c.criteria])).toEqual([
      ['TC', ['Q_TC']],
      ['TT', ['Q_TT']],
      ['CC', ['Q_CC']],
      ['KQ', ['Q_KQ']],
    ]);
    expect(form.scoring.sipas?.overallQuestion).toBe('OV');
  });

  it('uses short wording that fits a tablet screen', () => {
    for (const q of allQuestions(form)) expect(q.label.vi.length).toBeLessThanOrEqual(60);
  });
});
