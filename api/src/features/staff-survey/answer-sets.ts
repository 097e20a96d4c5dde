/**
 * A respondent answers once per rated unit (docs/0018): a delegate who rates three units sends three
 * answer sets, keyed by unit code (`unitAnswers`); everyone else sends one (`answers`, or
 * `unitAnswers` with their single unit). Every set is checked against the form before anything is
 * stored, and every problem is reported with the unit it belongs to.
 */
import { validateAnswers, type Answers } from '@hailong/forms';
import { AppError } from '../../errors.ts';
import type { StoredForm } from '../forms/repo.ts';
import type { RatedUnit } from './repo.ts';

/** As received (validated by the form below, not trusted yet). */
type RawAnswers = Record<string, unknown>;

export interface AnswerInput {
  answers?: RawAnswers | undefined;
  unitAnswers?: Record<string, RawAnswers> | undefined;
}

export interface AnswerSet {
  unit: RatedUnit;
  answers: Answers;
}

interface SetProblem {
  unitCode: string;
  questionId: string;
  code: string;
  message: { vi: string; en: string };
}

const NOT_RATED = {
  vi: 'Đơn vị này không nằm trong danh sách anh/chị được mời đánh giá',
  en: 'This unit is not one you were invited to rate',
};
const SET_MISSING = { vi: 'Chưa có câu trả lời cho đơn vị này', en: 'No answers for this unit yet' };

/** The raw answers per rated unit; a single-unit respondent may use either shape. */
function rawSets(rated: RatedUnit[], input: AnswerInput): Map<string, RawAnswers | undefined> {
  const only = rated.length === 1 ? rated[0] : undefined;
  if (only && !input.unitAnswers) return new Map([[only.code, input.answers ?? {}]]);
  return new Map(rated.map((u) => [u.code, input.unitAnswers?.[u.code]]));
}

/**
 * Checks the answer sets of every rated unit (a draft: `partial`, and a unit without answers yet is
 * left out). Throws ANSWERS_INVALID listing every problem with its unit; returns the clean sets in
 * answering order.
 */
export function checkAnswerSets(form: StoredForm, rated: RatedUnit[], input: AnswerInput, partial: boolean): AnswerSet[] {
  const problems: SetProblem[] = [];
  const known = new Set(rated.map((u) => u.code));
  for (const code of Object.keys(input.unitAnswers ?? {}))
    if (!known.has(code)) problems.push({ unitCode: code, questionId: '', code: 'NOT_RATED', message: NOT_RATED });
  if (rated.length > 1 && input.answers && Object.keys(input.answers).length > 0 && !input.unitAnswers)
    problems.push({ unitCode: '', questionId: '', code: 'UNIT_ANSWERS_REQUIRED', message: SET_MISSING });
  const raw = rawSets(rated, input);
  const sets: AnswerSet[] = [];
  for (const unit of rated) {
    const answers = raw.get(unit.code);
    if (answers === undefined) {
      if (!partial) problems.push({ unitCode: unit.code, questionId: '', code: 'REQUIRED', message: SET_MISSING });
      continue;
    }
    const v = validateAnswers(form.definition, answers, { partial });
    if (v.ok) sets.push({ unit, answers: v.answers });
    else problems.push(...v.errors.map((e) => ({ unitCode: unit.code, ...e })));
  }
  if (problems.length > 0)
    throw new AppError('ANSWERS_INVALID', rated.length === 1 && !input.unitAnswers ? stripUnit(problems) : problems);
  return sets;
}

/** A single-unit respondent's errors keep the shape they always had (no unit code). */
function stripUnit(problems: SetProblem[]): Omit<SetProblem, 'unitCode'>[] {
  return problems.map(({ unitCode: _unit, ...rest }) => rest);
}
