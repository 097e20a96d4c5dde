import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { formDefinitionSchema, shownQuestionIds, validateAnswers } from '../src/index.ts';

const t = (s: string) => ({ vi: s, en: s });

/** Q1 decides Q2; Q2 decides Q3 (a chain), Q4 is shown when any chosen option of Q1M is 'b'. */
const chain = formDefinitionSchema.parse({
  code: 'TEST/SHOWIF',
  version: 1,
  kind: 'sipas_counter',
  title: t('Thử'),
  sections: [
    {
      id: 'S',
      title: t('Thử'),
      questions: [
        {
          id: 'Q1',
          type: 'single_choice',
          required: true,
          label: t('Một'),
          options: [
            { code: 'late', label: t('Trễ') },
            { code: 'on_time', label: t('Đúng') },
          ],
        },
        { id: 'Q2', type: 'yes_no', required: true, label: t('Hai'), showIf: [{ question: 'Q1', anyOf: ['late'] }] },
        { id: 'Q3', type: 'yes_no', required: false, label: t('Ba'), showIf: [{ question: 'Q2', anyOf: [true] }] },
        {
          id: 'Q1M',
          type: 'multi_choice',
          required: false,
          label: t('Nhiều'),
          options: [
            { code: 'a', label: t('A') },
            { code: 'b', label: t('B') },
          ],
        },
        { id: 'Q4', type: 'yes_no', required: true, label: t('Bốn'), showIf: [{ question: 'Q1M', anyOf: ['b'] }] },
      ],
    },
  ],
  scoring: {},
  example: { Q1: 'on_time' },
});

const errors = (answers: Record<string, unknown>) => {
  const res = validateAnswers(chain, answers);
  return res.ok ? [] : res.errors.map((e) => [e.questionId, e.code]);
};

describe('conditional questions (showIf)', () => {
  it('shows a question only when the answer it depends on matches, and hides what depends on a hidden one', () => {
    expect([...shownQuestionIds(chain, { Q1: 'on_time', Q2: true })]).toEqual(['Q1', 'Q1M']);
    expect([...shownQuestionIds(chain, { Q1: 'late', Q2: true })]).toEqual(['Q1', 'Q2', 'Q3', 'Q1M']);
    expect([...shownQuestionIds(chain, { Q1: 'late', Q2: false, Q1M: ['a', 'b'] })]).toEqual(['Q1', 'Q2', 'Q1M', 'Q4']);
  });

  it('requires a shown required question and accepts leaving a hidden one out', () => {
    expect(errors({ Q1: 'on_time' })).toEqual([]);
    expect(errors({ Q1: 'late' })).toEqual([['Q2', 'REQUIRED']]);
    expect(errors({ Q1: 'late', Q2: false })).toEqual([]);
    expect(errors({ Q1: 'on_time', Q1M: ['b'] })).toEqual([['Q4', 'REQUIRED']]);
  });

  it('refuses an answer to a question that does not apply', () => {
    expect(errors({ Q1: 'on_time', Q2: false })).toEqual([['Q2', 'NOT_APPLICABLE_HERE']]);
    expect(errors({ Q1: 'late', Q2: false, Q3: true })).toEqual([['Q3', 'NOT_APPLICABLE_HERE']]);
  });

  it('refuses a definition whose condition names a later or unknown question', () => {
    const bad = {
      ...chain,
      sections: [{ ...chain.sections[0]!, questions: [...chain.sections[0]!.questions].reverse() }],
    };
    expect(() => formDefinitionSchema.parse(bad)).toThrow(/not an earlier question/);
  });

  test.prop([
    fc.constantFrom('late', 'on_time'),
    fc.option(fc.boolean(), { nil: undefined }),
    fc.option(fc.boolean(), { nil: undefined }),
  ])('accepts exactly the responses that answer every shown required question and no hidden one', (q1, q2, q3) => {
    const answers: Record<string, unknown> = { Q1: q1 };
    if (q2 !== undefined) answers.Q2 = q2;
    if (q3 !== undefined) answers.Q3 = q3;
    const late = q1 === 'late';
    const expected = late ? q2 !== undefined && (q3 === undefined || q2 === true) : q2 === undefined && q3 === undefined;
    expect(validateAnswers(chain, answers).ok).toBe(expected);
  });
});
