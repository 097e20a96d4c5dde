/** fast-check arbitraries for answers: valid values per question, and values of the wrong type. */
import { fc } from '@fast-check/vitest';
import {
  allQuestions,
  NOT_APPLICABLE,
  shownQuestionIds,
  type AnswerValue,
  type FormDefinition,
  type Question,
} from '../src/index.ts';

function codes(q: Question): string[] {
  return q.options?.map((o) => o.code) ?? [];
}

function numberArb(q: Question): fc.Arbitrary<number> {
  const min = q.min ?? -1e6;
  const max = q.max ?? 1e6;
  return q.integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
}

/** Any non-blank value the validator must accept for this question. */
export function validAnswerArb(q: Question): fc.Arbitrary<AnswerValue> {
  switch (q.type) {
    case 'likert5': {
      const scale = fc.integer({ min: 1, max: 5 });
      return q.allowNotApplicable ? fc.oneof(scale, fc.constant(NOT_APPLICABLE)) : scale;
    }
    case 'single_choice':
      return fc.constantFrom(...codes(q));
    case 'multi_choice':
      return fc.shuffledSubarray(codes(q), { minLength: 1, maxLength: q.maxSelections ?? codes(q).length });
    case 'yes_no':
      return fc.boolean();
    case 'number':
      return numberArb(q);
    case 'text':
      return fc.string({ minLength: 1, maxLength: Math.min(q.maxLength ?? 2000, 300) });
  }
}

const nonBlankString = fc.string({ minLength: 1 }).filter((s) => s !== NOT_APPLICABLE);
const nonBlankArray = fc.array(fc.string(), { minLength: 1, maxLength: 3 });
const fractional = fc.double({ min: 1.01, max: 4.99, noNaN: true }).filter((n) => !Number.isInteger(n));

/** A non-blank value of a type the question never takes (so the error is INVALID_TYPE). */
export function wrongTypeArb(q: Question): fc.Arbitrary<unknown> {
  switch (q.type) {
    case 'likert5':
      return fc.oneof(nonBlankString, fc.boolean(), nonBlankArray, fractional);
    case 'single_choice':
    case 'text':
      return fc.oneof(fc.integer(), fc.boolean(), nonBlankArray);
    case 'multi_choice':
      return fc.oneof(nonBlankString, fc.integer(), fc.boolean(), fc.array(fc.integer(), { minLength: 1, maxLength: 3 }));
    case 'yes_no':
      return fc.oneof(nonBlankString, fc.integer(), nonBlankArray);
    case 'number':
      return fc.oneof(nonBlankString, fc.boolean(), nonBlankArray);
  }
}

/**
 * A response with every required question answered and any subset of the optional ones; questions
 * that do not apply given the earlier answers (`showIf`) are left out.
 */
export function validAnswersArb(form: FormDefinition): fc.Arbitrary<Record<string, AnswerValue>> {
  const questions = allQuestions(form);
  const shape = Object.fromEntries(questions.map((q) => [q.id, validAnswerArb(q)]));
  return fc.record(shape, { requiredKeys: questions.filter((q) => q.required).map((q) => q.id) }).map((answers) => {
    const shown = shownQuestionIds(form, answers);
    return Object.fromEntries(Object.entries(answers).filter(([id]) => shown.has(id)));
  });
}
