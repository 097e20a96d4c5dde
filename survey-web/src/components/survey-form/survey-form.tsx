/**
 * The generic survey form renderer: any PublicForm (staff templates, SIPAS forms) as one fieldset
 * per section, validated with the same compiled schema the API enforces. Mobile-first, large tap
 * targets, Vietnamese labels, errors next to their question. Reused by every front door.
 * `paged` shows one section at a time with its place in the form ("Phần 2/8 · Câu 5–9/36"), a
 * progress bar, and "Phần trước" / "Phần tiếp theo": moving on checks the section first, and a
 * refused submit opens the first section with an error. Questions that depend on an earlier answer
 * (`showIf`) appear only when they apply.
 * `firstSectionFirst` (a long form on one page, e.g. the online form on a slow phone) renders the
 * first section alone, and each later section in a task of its own once the one before is on
 * screen: the first questions are painted without waiting for the layout of ~30 questions, and a
 * tap meanwhile waits for one section at most. Until the last section is in, the form is
 * `aria-busy` and has no submit button (docs/0028).
 */
import type { PublicForm } from '@hailong/contracts';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import { shownQuestionIds } from '@hailong/forms/conditions';
import { answersResolver, loadValidator, toAnswers, toValues, type FormValues } from './answers-resolver';
import { FormProgress } from './form-progress';
import { QuestionField } from './question-field';
import { useStepwise } from '@/lib/use-stepwise';
import { whenSettled } from '@/lib/when-settled';
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
  /** One section per screen with progress (long interviews on a phone). */
  paged?: boolean;
  /** On one page: the first section first, the later ones one by one after it is shown. */
  firstSectionFirst?: boolean;
}

/** Index of the first section holding one of these question ids (0 when none). */
function firstSectionWith(form: PublicForm, ids: string[]): number {
  const i = form.sections.findIndex((s) => s.questions.some((q) => ids.includes(q.id)));
  return Math.max(i, 0);
}

/** Number of questions before each section (section i's questions are numbered from starts[i] + 1). */
function sectionStarts(form: PublicForm): number[] {
  let n = 0;
  return form.sections.map((s) => ((n += s.questions.length), n - s.questions.length));
}

export function SurveyForm(props: SurveyFormProps) {
  const {
    form,
    defaultValues,
    onSubmit,
    onChange,
    submitLabel = 'Gửi phiếu',
    sendingLabel = 'Đang gửi…',
    children,
    initialErrors,
    paged = false,
    firstSectionFirst = false,
  } = props;
  const resolver = useMemo(() => answersResolver(form), [form]);
  const initial = useMemo(() => toValues(form, defaultValues), [form, defaultValues]);
  const { register, handleSubmit, watch, formState, setError, trigger } = useForm<FormValues>({
    resolver,
    defaultValues: initial,
    shouldFocusError: true,
  });
  const [sending, setSending] = useState(false);
  const [page, setPage] = useState(() => (paged ? firstSectionWith(form, Object.keys(initialErrors ?? {})) : 0));
  const starts = useMemo(() => sectionStarts(form), [form]);
  const total = form.sections.reduce((n, s) => n + s.questions.length, 0);
  // A form reopened with errors shows them all at once.
  const sections = form.sections.length;
  const rendered = useStepwise(sections, firstSectionFirst && !paged && !initialErrors ? 1 : sections, 1);
  const complete = rendered === form.sections.length;

  useEffect(() => {
    for (const [id, message] of Object.entries(initialErrors ?? {})) setError(id, { type: 'server', message });
  }, [initialErrors, setError]);

  // The questions are on screen: fetch the validator once the page has settled rather than on the first check.
  useEffect(() => whenSettled(() => void loadValidator().catch(() => undefined)), []);

  useEffect(() => {
    if (!onChange) return;
    // eslint-disable-next-line react-hooks/incompatible-library -- react-hook-form's watch subscription; this component is not memoised
    const sub = watch((values) => onChange(toAnswers(form, values)));
    return () => sub.unsubscribe();
  }, [watch, onChange, form]);

  const refused = (errors: FieldErrors<FormValues>) => {
    if (paged) setPage(firstSectionWith(form, Object.keys(errors)));
  };
  const submit = handleSubmit(async (answers) => {
    setSending(true);
    try {
      await onSubmit(answers);
    } finally {
      setSending(false);
    }
  }, refused);
  const next = async () => {
    const ids = form.sections[page]?.questions.map((q) => q.id) ?? [];
    if (await trigger(ids, { shouldFocus: true })) setPage(page + 1);
  };

  const errorCount = Object.keys(formState.errors).length;
  const last = paged ? page === form.sections.length - 1 : complete;
  const visibleSections = paged ? form.sections.slice(page, page + 1) : form.sections.slice(0, rendered);
  const applies = shownQuestionIds(form, toAnswers(form, watch()));
  const current = form.sections[page];
  return (
    <form className="survey-form" noValidate aria-busy={complete ? undefined : true} onSubmit={(e) => void submit(e)}>
      {paged && current ? (
        <FormProgress
          section={page + 1}
          sections={form.sections.length}
          title={current.title.vi}
          questions={total}
          firstQuestion={(starts[page] ?? 0) + 1}
          lastQuestion={(starts[page] ?? 0) + current.questions.length}
          answered={Object.keys(toAnswers(form, watch())).length}
        />
      ) : null}
      {visibleSections.map((s) => {
        const start = starts[form.sections.indexOf(s)] ?? 0;
        return (
          <fieldset key={s.id} className="sf-section">
            <legend className="sf-section-title">{s.title.vi}</legend>
            {s.questions.map((q, i) =>
              applies.has(q.id) ? (
                <QuestionField
                  key={q.id}
                  question={q}
                  index={start + i + 1}
                  register={register}
                  error={formState.errors[q.id]?.message}
                />
              ) : null,
            )}
          </fieldset>
        );
      })}
      {errorCount > 0 ? (
        <p className="sf-error sf-summary" role="alert">
          Còn {errorCount} câu chưa trả lời hoặc chưa hợp lệ. (Please complete the highlighted questions.)
        </p>
      ) : null}
      {last || initialErrors ? children : null}
      <div className={paged ? 'sf-nav' : undefined}>
        {paged && page > 0 ? (
          <button type="button" className="sf-prev" onClick={() => setPage(page - 1)}>
            ← Phần trước
          </button>
        ) : null}
        {paged && !last ? (
          <button type="button" className="sf-submit" onClick={() => void next()}>
            Phần tiếp theo →
          </button>
        ) : null}
        {/* A form reopened to fix a refused answer can be saved from any section. */}
        {last || initialErrors ? (
          <button type="submit" className="sf-submit" disabled={sending}>
            {sending ? sendingLabel : submitLabel}
          </button>
        ) : null}
      </div>
    </form>
  );
}
