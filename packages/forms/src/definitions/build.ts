/**
 * Small builders that keep the standard form definitions readable. They only assemble plain data;
 * every definition is still parsed through `formDefinitionSchema` where it is declared.
 */
import type { LocalizedText, Question } from '../definition.ts';

type Option = NonNullable<Question['options']>[number];

export function text(vi: string, en: string): LocalizedText {
  return { vi, en };
}

export function option(code: string, vi: string, en: string): Option {
  return { code, label: { vi, en } };
}

/** A 1–5 satisfaction question; `notApplicable` adds the "không ý kiến / không áp dụng" answer ('na'). */
export function likert(id: string, label: LocalizedText, opts: { notApplicable?: boolean; required?: boolean } = {}): Question {
  const q: Question = { id, type: 'likert5', required: opts.required ?? true, label };
  if (opts.notApplicable) q.allowNotApplicable = true;
  return q;
}

export function singleChoice(id: string, label: LocalizedText, options: Option[], required: boolean): Question {
  return { id, type: 'single_choice', required, label, options };
}

export function multiChoice(
  id: string,
  label: LocalizedText,
  options: Option[],
  opts: { required: boolean; maxSelections?: number },
): Question {
  const q: Question = { id, type: 'multi_choice', required: opts.required, label, options };
  if (opts.maxSelections !== undefined) q.maxSelections = opts.maxSelections;
  return q;
}

export function yesNo(id: string, label: LocalizedText, required: boolean): Question {
  return { id, type: 'yes_no', required, label };
}

export function freeText(
  id: string,
  label: LocalizedText,
  opts: { required: boolean; maxLength: number; help?: LocalizedText },
): Question {
  const q: Question = { id, type: 'text', required: opts.required, label, maxLength: opts.maxLength };
  if (opts.help) q.help = opts.help;
  return q;
}
