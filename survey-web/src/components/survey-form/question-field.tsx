/**
 * One question: label, control by type, help and the error message right below it. Memoised: the
 * form re-renders as a whole on every change (and a few times as it mounts), and re-rendering ~30
 * questions with their inputs' registrations each time is what a slow phone feels (docs/0028); a
 * question renders again only when its own props change (`register` is stable).
 */
import { memo } from 'react';
import { likertLabels, notApplicableLabel } from '@hailong/forms/labels';
import type { PublicForm } from '@hailong/contracts';
import type { UseFormRegister } from 'react-hook-form';
import type { FormValues } from './answers-resolver';

export type PublicQuestion = PublicForm['sections'][number]['questions'][number];

interface Props {
  question: PublicQuestion;
  index: number;
  register: UseFormRegister<FormValues>;
  error?: string | undefined;
}

const LIKERT = [1, 2, 3, 4, 5] as const;

/** "A. Rất tốt": a short paper-form code is shown once; word codes ("province") are not shown. */
function optionLabel(code: string, label: string): string {
  return /^[0-9A-Za-z]{1,2}$/.test(code) && !label.startsWith(code) ? `${code}. ${label}` : label;
}

function QuestionFieldView({ question: q, index, register, error }: Props) {
  const id = `q-${q.id}`;
  const errId = `${id}-error`;
  const described = error ? errId : undefined;
  const reg = register(q.id);
  const choices = (): { value: string; label: string }[] => {
    if (q.type === 'likert5') {
      const l = LIKERT.map((n) => ({ value: String(n), label: `${n} · ${likertLabels[n].vi}` }));
      return q.allowNotApplicable ? [...l, { value: 'na', label: notApplicableLabel.vi }] : l;
    }
    if (q.type === 'yes_no')
      return [
        { value: 'true', label: 'Có' },
        { value: 'false', label: 'Không' },
      ];
    return (q.options ?? []).map((o) => ({ value: o.code, label: optionLabel(o.code, o.label.vi) }));
  };
  const title = (
    <>
      <span className="sf-num">{index}.</span> {q.label.vi}
      {q.required ? (
        <span className="sf-req" aria-label="bắt buộc">
          {' '}
          *
        </span>
      ) : null}
    </>
  );
  if (q.type === 'number' || q.type === 'text') {
    return (
      <div className={`sf-question${error ? ' sf-invalid' : ''}`}>
        <label htmlFor={id} className="sf-label">
          {title}
        </label>
        {q.help ? <p className="sf-help">{q.help.vi}</p> : null}
        {q.type === 'number' ? (
          <input
            id={id}
            type="number"
            inputMode="decimal"
            min={q.min}
            max={q.max}
            step={q.integer ? 1 : 'any'}
            aria-invalid={!!error}
            aria-describedby={described}
            {...reg}
          />
        ) : (
          <textarea
            id={id}
            rows={3}
            maxLength={q.maxLength ?? 2000}
            aria-invalid={!!error}
            aria-describedby={described}
            {...reg}
          />
        )}
        {error ? (
          <p id={errId} className="sf-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    );
  }
  const multi = q.type === 'multi_choice';
  return (
    <fieldset className={`sf-question${error ? ' sf-invalid' : ''}`} aria-invalid={!!error} aria-describedby={described}>
      <legend className="sf-label">{title}</legend>
      {q.help ? <p className="sf-help">{q.help.vi}</p> : null}
      <div className={q.type === 'likert5' ? 'sf-options sf-likert' : 'sf-options'}>
        {choices().map((c) => (
          <label key={c.value} className="sf-option">
            <input type={multi ? 'checkbox' : 'radio'} value={c.value} {...reg} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errId} className="sf-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export const QuestionField = memo(QuestionFieldView);
