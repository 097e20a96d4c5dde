/**
 * A react-hook-form resolver built from the form's compiled answers schema (@hailong/forms) — the
 * same validator the API runs — so the respondent sees the API's Vietnamese message next to the
 * question before sending. The validator (zod and the answer schemas) is not part of what a
 * respondent app loads before its first question: `loadValidator` fetches it with `import()` once
 * the form is on screen (SurveyForm) and the offline shell keeps it for reloads without network. It
 * comes from `@hailong/forms/validator`, not the package's barrel, which would bring every standard
 * form definition and parse each with zod as the chunk loads (docs/0028).
 */
import type { compileAnswersSchema } from '@hailong/forms/validator';
import { shownQuestionIds, type FormLike } from '@hailong/forms/conditions';
import type { FieldErrors, Resolver } from 'react-hook-form';

type CompileAnswersSchema = typeof compileAnswersSchema;
let validator: Promise<CompileAnswersSchema> | null = null;

/** The form validator, loaded once; a failed load (no network, not cached yet) is tried again next time. */
export function loadValidator(): Promise<CompileAnswersSchema> {
  validator ??= import('@hailong/forms/validator').then(
    (m) => m.compileAnswersSchema,
    (e: unknown) => {
      validator = null;
      throw e;
    },
  );
  return validator;
}

export type FormValues = Record<string, unknown>;

/**
 * Form state → API answers: blank values dropped, Likert and number strings turned into numbers,
 * and answers to questions that no longer apply (`showIf`) left out.
 */
export function toAnswers(form: FormLike, values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of form.sections) {
    for (const q of s.questions) {
      const v = values[q.id];
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      if (q.type === 'likert5') out[q.id] = v === 'na' ? 'na' : Number(v);
      else if (q.type === 'number') out[q.id] = Number(v);
      else if (q.type === 'yes_no') out[q.id] = v === true || v === 'true';
      else out[q.id] = v;
    }
  }
  const shown = shownQuestionIds(form, out);
  return Object.fromEntries(Object.entries(out).filter(([id]) => shown.has(id)));
}

/** API answers → form state (radio inputs hold strings). */
export function toValues(form: FormLike, answers: Record<string, unknown> | undefined): FormValues {
  const out: FormValues = {};
  for (const s of form.sections) {
    for (const q of s.questions) {
      const v = answers?.[q.id];
      if (v === undefined || v === null) continue;
      if (q.type === 'likert5' || q.type === 'yes_no' || q.type === 'number')
        out[q.id] = typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v === 'string' ? v : '';
      else out[q.id] = v;
    }
  }
  return out;
}

export function answersResolver(form: FormLike, partial = false): Resolver<FormValues> {
  let schema: ReturnType<CompileAnswersSchema> | null = null;
  return async (values) => {
    schema ??= (await loadValidator())(form, { partial });
    const answers = toAnswers(form, values);
    const res = schema.safeParse(answers);
    if (res.success) return { values: answers, errors: {} };
    const errors: FieldErrors<FormValues> = {};
    for (const issue of res.error.issues) {
      const id = String(issue.path[0] ?? '');
      if (id && !errors[id]) errors[id] = { type: 'validate', message: issue.message };
    }
    return { values: {}, errors };
  };
}
