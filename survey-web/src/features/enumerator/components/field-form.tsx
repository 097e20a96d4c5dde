/**
 * A compact renderer of the public form shape for phones (forms 01/2021-TT and 02/2021-DVCTT):
 * likert 1–5 as big buttons, choices as radio/checkbox lists. Required answers are checked here
 * for a quick message; the server validates again with the form version's schema.
 */
import type { PublicForm } from '@hailong/contracts';
import { useState } from 'react';

type Answer = number | string | boolean | string[] | null;
type Answers = Record<string, Answer>;
type Question = PublicForm['sections'][number]['questions'][number];

function QuestionInput({ q, value, onChange }: { q: Question; value: Answer | undefined; onChange: (v: Answer) => void }) {
  const opts = q.options ?? [];
  switch (q.type) {
    case 'likert5':
      return (
        <div className="e-likert" role="radiogroup" aria-label={q.label.vi}>
          {[1, 2, 3, 4, 5].map((n) => (
            <button key={n} type="button" role="radio" aria-checked={value === n} className={value === n ? 'on' : ''} onClick={() => onChange(n)}>{n}</button>
          ))}
          {q.allowNotApplicable && (
            <button type="button" role="radio" aria-checked={value === 'na'} className={value === 'na' ? 'on' : ''} onClick={() => onChange('na')}>KYK</button>
          )}
        </div>
      );
    case 'yes_no':
      return (
        <div className="e-likert" role="radiogroup" aria-label={q.label.vi}>
          <button type="button" role="radio" aria-checked={value === true} className={value === true ? 'on' : ''} onClick={() => onChange(true)}>Có</button>
          <button type="button" role="radio" aria-checked={value === false} className={value === false ? 'on' : ''} onClick={() => onChange(false)}>Không</button>
        </div>
      );
    case 'single_choice':
      return (
        <select aria-label={q.label.vi} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">— chọn —</option>
          {opts.map((o) => <option key={o.code} value={o.code}>{o.label.vi}</option>)}
        </select>
      );
    case 'multi_choice': {
      const list = Array.isArray(value) ? value : [];
      return (
        <div>
          {opts.map((o) => (
            <label key={o.code} className="e-check">
              <input type="checkbox" checked={list.includes(o.code)} onChange={(e) => onChange(e.target.checked ? [...list, o.code] : list.filter((x) => x !== o.code))} />
              {o.label.vi}
            </label>
          ))}
        </div>
      );
    }
    case 'number':
      return <input type="number" aria-label={q.label.vi} value={typeof value === 'number' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} />;
    default:
      return <textarea aria-label={q.label.vi} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />;
  }
}

export function FieldForm({ form, onSubmit, onCancel }: { form: PublicForm; onSubmit: (answers: Answers, note: string) => void; onCancel: () => void }) {
  const [answers, setAnswers] = useState<Answers>({});
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const submit = () => {
    const blank = form.sections.flatMap((s) => s.questions).filter((q) => q.required && (answers[q.id] === undefined || answers[q.id] === null || answers[q.id] === ''));
    setMissing(blank.map((q) => q.id));
    if (blank.length === 0) onSubmit(answers, note);
  };
  return (
    <form className="e-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <h2>{form.title.vi}</h2>
      {form.sections.map((s) => (
        <fieldset key={s.id}>
          <legend>{s.title.vi}</legend>
          {s.questions.map((q) => (
            <div key={q.id} className={missing.includes(q.id) ? 'e-q e-missing' : 'e-q'} data-question={q.id}>
              <p>{q.label.vi}{q.required ? ' *' : ''}</p>
              <QuestionInput q={q} value={answers[q.id]} onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))} />
            </div>
          ))}
        </fieldset>
      ))}
      <label className="e-note">Ghi chú (không bắt buộc) / Note<textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} /></label>
      {missing.length > 0 && <p role="alert" className="e-error">Còn {missing.length} câu bắt buộc chưa trả lời / {missing.length} required answers missing</p>}
      <div className="e-actions">
        <button type="button" onClick={onCancel}>Hủy / Cancel</button>
        <button type="submit" className="primary">Lưu phiếu / Save</button>
      </div>
    </form>
  );
}
