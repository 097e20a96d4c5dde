/**
 * The generic survey form renderer: any PublicForm (staff templates, SIPAS forms) as one fieldset
 * per section, validated with the same compiled schema the API enforces. Mobile-first, large tap
 * targets, Vietnamese labels, errors next to their question. Reused by every front door.
 */
import type { PublicForm } from '@hailong/contracts';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { answersResolver, toAnswers, toValues, type FormValues } from './answers-resolver';
import { QuestionField } from './question-field';
import './survey-form.css';

export interface SurveyFormProps {
  form: PublicForm;
  defaultValues?: Record<string, unknown>;
  onSubmit: (answers: Record<string, unknown>) => Promise<void>;
  onChange?: (answers: Record<string, unknown>) => void;
  submitLabel?: string;
  /** Button text while `onSubmit` runs (default "Đang gửi…"; e.g. "Đang lưu…" when saving on the device). */
  sendingLabel?: string;
  /** Extra fields outside the questionnaire (e.g. the optional dossier code), shown before the button. */
  children?: ReactNode;
  /** Errors to show next to their questions from the start (question id → message), e.g. a server's refusal. */
  initialErrors?: Record<string, string>;
}

export function SurveyForm({ form, defaultValues, onSubmit, onChange, submitLabel = 'Gửi phiếu', sendingLabel = 'Đang gửi…', children, initialErrors }: SurveyFormProps) {
  const resolver = useMemo(() => answersResolver(form), [form]);
  const initial = useMemo(() => toValues(form, defaultValues), [form, defaultValues]);
  const { register, handleSubmit, watch, formState, setError } = useForm<FormValues>({ resolver, defaultValues: initial, shouldFocusError: true });
  const [sending, setSending] = useState(false);

  useEffect(() => {
    for (const [id, message] of Object.entries(initialErrors ?? {})) setError(id, { type: 'server', message });
  }, [initialErrors, setError]);

  useEffect(() => {
    if (!onChange) return;
    const sub = watch((values) => onChange(toAnswers(form, values)));
    return () => sub.unsubscribe();
  }, [watch, onChange, form]);

  const submit = handleSubmit(async (answers) => {
    setSending(true);
    try {
      await onSubmit(answers);
    } finally {
      setSending(false);
    }
  });
  const errorCount = Object.keys(formState.errors).length;
  let n = 0;
  return (
    <form className="survey-form" noValidate onSubmit={(e) => void submit(e)}>
      {form.sections.map((s) => (
        <fieldset key={s.id} className="sf-section">
          <legend className="sf-section-title">{s.title.vi}</legend>
          {s.questions.map((q) => (
            <QuestionField key={q.id} question={q} index={++n} register={register} error={formState.errors[q.id]?.message} />
          ))}
        </fieldset>
      ))}
      {errorCount > 0 ? (
        <p className="sf-error sf-summary" role="alert">
          Còn {errorCount} câu chưa trả lời hoặc chưa hợp lệ. (Please complete the highlighted questions.)
        </p>
      ) : null}
      {children}
      <button type="submit" className="sf-submit" disabled={sending}>
        {sending ? sendingLabel : submitLabel}
      </button>
    </form>
  );
}
