/**
 * Conditional questions (`showIf`): which questions of a form apply to a respondent given their
 * earlier answers. The renderers hide the others, the validator refuses answers to them and
 * requires only the shown ones, and scoring counts a conditional item only among the respondents
 * it applied to (it is never answered by the others). Plain code without zod, so the kiosk can load
 * it alone (`@hailong/forms/conditions`).
 */
import type { Condition, Question } from './definition.ts';

/** What the validator and renderers need of a form: its sections (the public form shape has them too). */
export interface FormLike {
  sections: { questions: Question[] }[];
}

export function allQuestions(form: FormLike): Question[] {
  return form.sections.flatMap((s) => s.questions);
}

type AnswerMap = Readonly<Record<string, unknown>>;

function holds(condition: Condition, answers: AnswerMap): boolean {
  if (!Object.hasOwn(answers, condition.question)) return false;
  const given = answers[condition.question];
  const values = Array.isArray(given) ? given : [given];
  return values.some((v) => condition.anyOf.some((want) => want === v));
}

/** The ids of the questions that apply, in form order (a question on a hidden one is hidden too). */
export function shownQuestionIds(form: FormLike, answers: AnswerMap): Set<string> {
  const shown = new Set<string>();
  for (const q of allQuestions(form)) {
    const conditions = q.showIf ?? [];
    if (conditions.every((c) => shown.has(c.question) && holds(c, answers))) shown.add(q.id);
  }
  return shown;
}

/** True when the question applies to a respondent with these answers. */
export function isShown(form: FormLike, question: Question, answers: AnswerMap): boolean {
  return shownQuestionIds(form, answers).has(question.id);
}
