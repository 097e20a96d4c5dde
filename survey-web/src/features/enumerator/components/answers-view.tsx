/**
 * A rejected form, read-only: every question with the answer given in the interview, the
 * interviewer's note and the server's reason, so nothing has to be redone from memory.
 */
import type { PublicForm } from '@hailong/contracts';
import { formName } from '@hailong/contracts/names';
import { describeAnswers } from '@hailong/forms/describe';
import type { RejectedForm } from '../hooks/rejected-store';
import { answerErrors, reasonText, timeText } from './status-text';

interface Props {
  rejected: RejectedForm;
  form: PublicForm | undefined;
  onBack: () => void;
}

export function AnswersView({ rejected: r, form, onBack }: Props) {
  const answers = r.form.answers;
  const lines = form ? describeAnswers(form, answers) : [];
  const known = new Set(lines.map((l) => l.questionId));
  const extra = Object.keys(answers).filter((k) => !known.has(k));
  return (
    <main className="e-page" lang="vi">
      <div className="e-topbar">
        <button type="button" className="e-back" onClick={onBack}>
          ← Danh sách
        </button>
        <p>
          <b>{r.unitCode ?? ''}</b> · {form ? formName(form) : `mẫu ${r.form.formCode}`} · {timeText(r.form.completedAt)}
        </p>
      </div>
      <h1 className="e-form-title">Phiếu bị từ chối (chỉ xem)</h1>
      <p className="e-state-rejected">Bị từ chối: {reasonText({ ...r, status: 'rejected' })}</p>
      {answerErrors({ ...r, status: 'rejected' }, form).map((t) => (
        <p key={t} className="e-detail">
          {t}
        </p>
      ))}
      <dl className="e-answers" data-testid="e-answers">
        {lines.map((l) => (
          <div key={l.questionId}>
            <dt>
              {l.number}. {l.question.vi}
            </dt>
            <dd>{l.answer?.vi ?? '—'}</dd>
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
