/**
 * The generic answering strategy of the external contract checker (shared/contract-checks/hl.py
 * `fill_answers`): every form we ship must accept the response it builds.
 */
import type { Answers, FormDefinition } from '../src/index.ts';
import { allQuestions } from '../src/index.ts';

export function genericAnswers(form: FormDefinition, likert = 4): Answers {
  const answers: Answers = {};
  for (const q of allQuestions(form)) {
    const first = q.options?.[0]?.code;
    if (q.type === 'likert5') answers[q.id] = likert;
    else if (q.type === 'yes_no') answers[q.id] = false;
    else if (q.type === 'multi_choice') answers[q.id] = first === undefined ? [] : [first];
    else if (first !== undefined) answers[q.id] = first;
    else if (q.type === 'number') answers[q.id] = 1;
    else if (q.required) answers[q.id] = 'ok';
  }
  return answers;
}
