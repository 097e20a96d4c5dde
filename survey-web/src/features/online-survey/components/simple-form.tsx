/**
 * A plain renderer of a public form (native radios, checkboxes and inputs), used by /o/<unit>
 * until the shared survey-form renderer lands; it produces the same `answers` object.
 */
import type { PublicForm } from '@hailong/contracts';
import { likertLabels } from '@hailong/forms';

type Question = PublicForm['sections'][number]['questions'][number];
export type Answers = Record<string, number | string | boolean | string[]>;

function Field({ q }: { q: Question }) {
  const legend = (
    <legend>
      {q.label.vi}
      {q.required ? <span aria-hidden="true"> *</span> : null}
    </legend>
  );
  if (q.type === 'likert5' || q.type === 'single_choice' || q.type === 'yes_no') {
    const opts =
      q.type === 'likert5'
        ? [...([1, 2, 3, 4, 5] as const).map((l) => ({ code: String(l), label: likertLabels[l].vi })), ...(q.allowNotApplicable ? [{ code: 'na', label: 'Không ý kiến' }] : [])]
        : q.type === 'yes_no'
          ? [{ code: 'true', label: 'Có' }, { code: 'false', label: 'Không' }]
          : (q.options ?? []).map((o) => ({ code: o.code, label: o.label.vi }));
    return (
      <fieldset className="o-field">
        {legend}
        {opts.map((o) => (
          <label key={o.code} className="o-choice">
            <input type="radio" name={q.id} value={o.code} required={q.required} /> {o.label}
          </label>
        ))}
      </fieldset>
    );
  }
  if (q.type === 'multi_choice') {
    return (
      <fieldset className="o-field">
        {legend}
        {(q.options ?? []).map((o) => (
          <label key={o.code} className="o-choice">
            <input type="checkbox" name={q.id} value={o.code} /> {o.label.vi}
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <div className="o-field">
      <label htmlFor={`q-${q.id}`}>{q.label.vi}</label>
      <input id={`q-${q.id}`} name={q.id} type={q.type === 'number' ? 'number' : 'text'} required={q.required} maxLength={q.maxLength} />
    </div>
  );
}

export function readAnswers(form: PublicForm, data: FormData): Answers {
  const out: Answers = {};
  for (const q of form.sections.flatMap((s) => s.questions)) {
    const values = data.getAll(q.id).map(String).filter((v) => v !== '');
    if (values.length === 0) continue;
    const v = values[0] ?? '';
    if (q.type === 'multi_choice') out[q.id] = values;
    else if (q.type === 'likert5') out[q.id] = v === 'na' ? 'na' : Number(v);
    else if (q.type === 'yes_no') out[q.id] = v === 'true';
    else if (q.type === 'number') out[q.id] = Number(v);
    else out[q.id] = v;
  }
  return out;
}

export function SimpleForm({ form, onSubmit, submitLabel, busy }: { form: PublicForm; onSubmit: (a: Answers, data: FormData) => void; submitLabel: string; busy: boolean }) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        onSubmit(readAnswers(form, data), data);
      }}
    >
      {form.sections.map((s) => (
        <section key={s.id}>
          <h2>{s.title.vi}</h2>
          {s.questions.map((q) => (
            <Field key={q.id} q={q} />
          ))}
        </section>
      ))}
      <div className="o-field">
        <label htmlFor="o-dossier">Mã hồ sơ (không bắt buộc)</label>
        <input id="o-dossier" name="__dossier" autoComplete="off" maxLength={60} />
      </div>
      <button type="submit" className="o-submit" disabled={busy}>{submitLabel}</button>
    </form>
  );
}
