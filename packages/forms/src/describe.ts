/**
 * Answers in words: every question of a form, numbered as the respondent saw it, with the chosen
 * answer's label (Vietnamese and English). Used wherever someone reads a stored or queued form
 * instead of filling it in: the supervisor's review, the enumerator's read-only view.
 */
import { shownQuestionIds } from './conditions.ts';
import type { LocalizedText, Question } from './definition.ts';
import { likertLabels, notApplicableLabel, NOT_APPLICABLE } from './labels.ts';

export interface DescribableForm {
  sections: { id: string; title: LocalizedText; questions: Question[] }[];
}

export interface DescribedAnswer {
  questionId: string;
  /** 1-based position in the whole form ("Câu 12"). */
  number: number;
  section: LocalizedText;
  question: LocalizedText;
  /** null when the question was left unanswered. */
  answer: LocalizedText | null;
}

/** An answer as typed (a number, or an unknown code shown as it is). */
const show = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
const same = (v: unknown): LocalizedText => ({ vi: show(v), en: show(v) });
const LIKERT: Partial<Record<number, LocalizedText>> = likertLabels;

function choiceLabel(q: Question, code: unknown): LocalizedText {
  const label = q.options?.find((o) => o.code === code)?.label;
  return label ?? same(code);
}

/** The label of one answer to one question; null when unanswered. */
export function answerLabel(q: Question, v: unknown): LocalizedText | null {
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return null;
  if (q.type === 'likert5') {
    if (v === NOT_APPLICABLE) return notApplicableLabel;
    const l = LIKERT[Number(v)];
    return l ? { vi: `${show(v)} · ${l.vi}`, en: `${show(v)} · ${l.en}` } : same(v);
  }
  if (q.type === 'yes_no') return v === true ? { vi: 'Có', en: 'Yes' } : v === false ? { vi: 'Không', en: 'No' } : same(v);
  if (Array.isArray(v)) {
    const labels = v.map((c) => choiceLabel(q, c));
    return { vi: labels.map((l) => l.vi).join('; '), en: labels.map((l) => l.en).join('; ') };
  }
  return q.options ? choiceLabel(q, v) : same(v);
}

/**
 * Every question that applied to this respondent (`showIf`), in order, numbered by its place in the
 * form, with its answer (unanswered ones included, answer null).
 */
export function describeAnswers(form: DescribableForm, answers: Record<string, unknown>): DescribedAnswer[] {
  const shown = shownQuestionIds(form, answers);
  let n = 0;
  return form.sections.flatMap((s) =>
    s.questions.flatMap((q) => {
      n += 1;
      return shown.has(q.id)
        ? [{ questionId: q.id, number: n, section: s.title, question: q.label, answer: answerLabel(q, answers[q.id]) }]
        : [];
    }),
  );
}
