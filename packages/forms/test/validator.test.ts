import { describe, expect, it } from 'vitest';
import { answerErrorCodes, findForm, formDefinitionSchema, validateAnswers, type FormDefinition } from '../src/index.ts';

function form(code: string): FormDefinition {
  const f = findForm(code);
  if (!f) throw new Error(`no form ${code}`);
  return f;
}
const counter = form('01/2021-TT');
const quick = form('QUICK/2021');
const t = (s: string) => ({ vi: s, en: s });

/** A small form with a bounded number question, for the checks no standard form needs. */
const household = formDefinitionSchema.parse({
  code: 'TEST/NUMBER',
  version: 1,
  kind: 'sipas_counter',
  title: t('Thử'),
  sections: [
    {
      id: 'S',
      title: t('Thử'),
      questions: [
        { id: 'PEOPLE', type: 'number', required: true, label: t('Số người'), min: 1, max: 20, integer: true },
        { id: 'NOTE', type: 'text', required: false, label: t('Ghi chú') },
      ],
    },
  ],
  scoring: {},
  example: { PEOPLE: 3 },
});

/** The (questionId, code) pairs of a rejected response. */
function errorsOf(f: FormDefinition, answers: unknown, partial = false): Array<[string, string]> {
  const res = validateAnswers(f, answers, { partial });
  if (res.ok) return [];
  return res.errors.map((e) => [e.questionId, e.code]);
}

describe('answer validation', () => {
  const ok = counter.example;

  it.each<[string, Record<string, unknown>, [string, string]]>([
    ['a question not on the form', { ...ok, FULL_NAME: 'Nguyễn Văn A' }, ['FULL_NAME', 'UNKNOWN_QUESTION']],
    ['a Likert answer given as text', { ...ok, TC1: 'năm' }, ['TC1', 'INVALID_TYPE']],
    ['a Likert answer that is not a whole number', { ...ok, TC1: 3.5 }, ['TC1', 'INVALID_TYPE']],
    ['a Likert answer above 5', { ...ok, CC2: 6 }, ['CC2', 'OUT_OF_RANGE']],
    ['a Likert answer below 1', { ...ok, CC2: 0 }, ['CC2', 'OUT_OF_RANGE']],
    ['"không áp dụng" on the overall question', { ...ok, OV: 'na' }, ['OV', 'INVALID_OPTION']],
    ['a choice that is not an option', { ...ok, V: '5' }, ['V', 'INVALID_OPTION']],
    ['a choice given as a number', { ...ok, V: 2 }, ['V', 'INVALID_TYPE']],
    ['a yes/no answer given as text', { ...ok, HARASSMENT: 'không' }, ['HARASSMENT', 'INVALID_TYPE']],
    ['a multi-choice answer given as one string', { ...ok, IMPROVE: 'online' }, ['IMPROVE', 'INVALID_TYPE']],
    [
      'a multi-choice answer with an unknown option',
      { ...ok, IMPROVE: ['online', 'free_coffee'] },
      ['IMPROVE', 'INVALID_OPTION'],
    ],
    ['a multi-choice answer with an option twice', { ...ok, IMPROVE: ['online', 'online'] }, ['IMPROVE', 'INVALID_OPTION']],
    ['more than 3 things to improve', { ...ok, IMPROVE: ['facilities', 'simplify', 'time', 'online'] }, ['IMPROVE', 'TOO_MANY']],
    ['a procedure name over 200 characters', { ...ok, PROCEDURE: 'x'.repeat(201) }, ['PROCEDURE', 'TOO_LONG']],
    ['a procedure name given as a number', { ...ok, PROCEDURE: 42 }, ['PROCEDURE', 'INVALID_TYPE']],
  ])('rejects %s, naming the question', (_what, answers, expected) => {
    expect(errorsOf(counter, answers)).toEqual([expected]);
  });

  it('rejects a missing required answer as REQUIRED', () => {
    const { TC1: _dropped, HARASSMENT: _too, ...rest } = ok;
    expect(errorsOf(counter, rest)).toEqual([
      ['TC1', 'REQUIRED'],
      ['HARASSMENT', 'REQUIRED'],
    ]);
  });

  it('treats blank answers (null, empty text, empty list) as not answered', () => {
    expect(errorsOf(counter, { ...ok, TC2: null, OV: '' })).toEqual([
      ['TC2', 'REQUIRED'],
      ['OV', 'REQUIRED'],
    ]);
    expect(validateAnswers(counter, { ...ok, IMPROVE: [], PROCEDURE: '' })).toMatchObject({ ok: true });
  });

  it('accepts "không áp dụng" where the criterion allows it, and drops blank optional answers', () => {
    const res = validateAnswers(counter, { ...ok, TC1: 'na', GENDER: null });
    expect(res.ok).toBe(true);
    if (res.ok) {
      expect(res.answers.TC1).toBe('na');
      expect('GENDER' in res.answers).toBe(false);
    }
  });

  it('rejects "không áp dụng" on the quick form, whose questions do not allow it', () => {
    expect(errorsOf(quick, { ...quick.example, Q_TT: 'na' })).toEqual([['Q_TT', 'INVALID_OPTION']]);
  });

  it('checks number bounds and whole numbers', () => {
    expect(errorsOf(household, { PEOPLE: 21 })).toEqual([['PEOPLE', 'OUT_OF_RANGE']]);
    expect(errorsOf(household, { PEOPLE: 0 })).toEqual([['PEOPLE', 'OUT_OF_RANGE']]);
    expect(errorsOf(household, { PEOPLE: 2.5 })).toEqual([['PEOPLE', 'INVALID_TYPE']]);
    expect(errorsOf(household, { PEOPLE: '3' })).toEqual([['PEOPLE', 'INVALID_TYPE']]);
    expect(errorsOf(household, { PEOPLE: 20 })).toEqual([]);
  });

  it('limits free text to 2000 characters when the form sets no limit', () => {
    expect(errorsOf(household, { PEOPLE: 1, NOTE: 'x'.repeat(2000) })).toEqual([]);
    expect(errorsOf(household, { PEOPLE: 1, NOTE: 'x'.repeat(2001) })).toEqual([['NOTE', 'TOO_LONG']]);
  });

  it('reports a required question named like an Object property when it is missing', () => {
    const f = formDefinitionSchema.parse({
      ...household,
      code: 'TEST/PROTO',
      sections: [
        { id: 'S', title: t('Thử'), questions: [{ id: 'constructor', type: 'yes_no', required: true, label: t('Có?') }] },
      ],
      example: { constructor: true },
    });
    expect(errorsOf(f, {})).toEqual([['constructor', 'REQUIRED']]);
  });

  it('lists errors in form order with a Vietnamese and English message', () => {
    const res = validateAnswers(counter, { ...ok, NICKNAME: 'x', OV: 9, TC3: true });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors.map((e) => e.questionId)).toEqual(['TC3', 'OV', 'NICKNAME']);
    for (const e of res.errors) expect(e.message).toEqual(answerErrorCodes[e.code]);
  });

  it('rejects a body that is not an object of answers', () => {
    for (const bad of [null, 'TC1=5', [4, 4], 7]) {
      expect(validateAnswers(counter, bad).ok).toBe(false);
    }
  });
});

describe('drafts (partial mode)', () => {
  it('accepts a draft with required questions still blank', () => {
    expect(validateAnswers(counter, {}, { partial: true })).toEqual({ ok: true, answers: {} });
    expect(validateAnswers(counter, { TC1: 5, V: '1' }, { partial: true })).toEqual({ ok: true, answers: { TC1: 5, V: '1' } });
  });

  it('still rejects wrong answers in a draft', () => {
    expect(errorsOf(counter, { TC1: 7, X: 1 }, true)).toEqual([
      ['TC1', 'OUT_OF_RANGE'],
      ['X', 'UNKNOWN_QUESTION'],
    ]);
  });

  it('does not let a draft pass as a complete response', () => {
    expect(validateAnswers(counter, { TC1: 5 }).ok).toBe(false);
  });
});
