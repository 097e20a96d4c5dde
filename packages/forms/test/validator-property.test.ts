import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { allQuestions, shownQuestionIds, standardForms, validateAnswers } from '../src/index.ts';
import { validAnswersArb, wrongTypeArb } from './arbitraries.ts';

const formArb = fc.constantFrom(...standardForms);

/** Questions whose answer decides whether another question is shown. */
const deciding = (form: (typeof standardForms)[number]): Set<string> =>
  new Set(allQuestions(form).flatMap((q) => (q.showIf ?? []).map((c) => c.question)));

/**
 * A valid response, one of its answered questions, and a value of the wrong type for it (not a
 * question others depend on: a wrong answer there also hides them, which has its own test).
 */
const corruptedArb = formArb.chain((form) =>
  validAnswersArb(form)
    .map((answers) => ({ answers, ids: Object.keys(answers).filter((id) => !deciding(form).has(id)) }))
    .filter(({ ids }) => ids.length > 0)
    .chain(({ answers, ids }) =>
      fc.constantFrom(...ids).chain((id) => {
        const question = allQuestions(form).find((q) => q.id === id)!;
        return fc.tuple(fc.constant(form), fc.constant(answers), fc.constant(id), wrongTypeArb(question));
      }),
    ),
);

describe('validation properties', () => {
  test.prop([formArb.chain((form) => fc.tuple(fc.constant(form), validAnswersArb(form)))])(
    'any response built from valid answers is accepted as it is',
    ([form, answers]) => {
      expect(validateAnswers(form, answers)).toEqual({ ok: true, answers });
    },
  );

  test.prop([corruptedArb])(
    'one answer of the wrong type gives exactly one error, for that question',
    ([form, answers, id, bad]) => {
      const res = validateAnswers(form, { ...answers, [id]: bad });
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.errors.map((e) => [e.questionId, e.code])).toEqual([[id, 'INVALID_TYPE']]);
    },
  );

  test.prop([formArb.chain((form) => fc.tuple(fc.constant(form), validAnswersArb(form)))])(
    'a draft with any answers removed is still accepted in partial mode',
    ([form, answers]) => {
      const kept = Object.fromEntries(Object.entries(answers).filter((_, i) => i % 2 === 0));
      // An answer whose earlier question was removed no longer applies (showIf), so a draft drops it too.
      const shown = shownQuestionIds(form, kept);
      const draft = Object.fromEntries(Object.entries(kept).filter(([id]) => shown.has(id)));
      expect(validateAnswers(form, draft, { partial: true })).toEqual({ ok: true, answers: draft });
    },
  );
});
