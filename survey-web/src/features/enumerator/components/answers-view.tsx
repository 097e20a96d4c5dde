/**
 * A rejected form, read-only: every question with the answer given in the interview, the
 * interviewer's note and the server's reason, so nothing has to be redone from memory.
 */
import type { FieldForm, PublicForm } from '@hailong/contracts';
import { likertLabels, notApplicableLabel } from '@hailong/forms';
import type { RejectedForm } from '../hooks/rejected-store';
import { answerErrors, reasonText, timeText } from './status-text';

type Question = PublicForm['sections'][number]['questions'][number];
const LIKERT: Partial<Record<number, { vi: string }>> = likertLabels;

function answerText(q: Question, v: FieldForm['answers'][string] | undefined): string {
  if (v === undefined || v === null || v === '') return '—';
  if (q.type === 'likert5') return v === 'na' ? notApplicableLabel.vi : `${String(v)} · ${LIKERT[Number(v)]?.vi ?? ''}`;
  if (q.type === 'yes_no') return v === true ? 'Có' : 'Không';
  const label = (code: string | number | boolean) => q.options?.find((o) => o.code === code)?.label.vi ?? String(code);
  if (Array.isArray(v)) return v.map(label).join('; ');
  return q.options ? label(v) : String(v);
}

interface Props {
  rejected: RejectedForm;
  form: PublicForm | undefined;
  onBack: () => void;
}

export function AnswersView({ rejected: r, form, onBack }: Props) {
  const answers = r.form.answers;
  const questions = form?.sections.flatMap((s) => s.questions) ?? [];
  const known = new Set(questions.map((q) => q.id));
  const extra = Object.keys(answers).filter((k) => !known.has(k));
  return (
    <main className="e-page" lang="vi">
      <div className="e-topbar">
        <button type="button" className="e-back" onClick={onBack}>← Danh sách</button>
        <p><b>{r.unitCode ?? ''}</b> · mẫu {r.form.formCode} · {timeText(r.form.completedAt)}</p>
      </div>
      <h1 className="e-form-title">Phiếu bị từ chối (chỉ xem)</h1>
      <p className="e-state-rejected">Bị từ chối: {reasonText({ ...r, status: 'rejected' })}</p>
      {answerErrors({ ...r, status: 'rejected' }, form).map((t) => <p key={t} className="e-detail">{t}</p>)}
      <dl className="e-answers" data-testid="e-answers">
        {questions.map((q, i) => (
          <div key={q.id}>
            <dt>{i + 1}. {q.label.vi}</dt>
            <dd>{answerText(q, answers[q.id])}</dd>
          </div>
        ))}
        {extra.map((k) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{JSON.stringify(answers[k])}</dd>
          </div>
        ))}
        <div>
          <dt>Ghi chú của điều tra viên</dt>
          <dd>{r.form.note ?? '—'}</dd>
        </div>
      </dl>
    </main>
  );
}
