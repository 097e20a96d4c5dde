/**
 * One interview on the shared survey renderer (the same questions, labels and validation as every
 * other front door and the API). The interviewer's optional note sits under the questions; leaving
 * with answers entered asks first, so a stray tap does not lose an interview.
 */
import type { EnumeratorAssignment, PublicForm } from '@hailong/contracts';
import { formName } from '@hailong/contracts/names';
import { useCallback, useState } from 'react';
import { SurveyForm } from '@/components/survey-form/survey-form';
// Fetched with this screen's chunk (docs/0038): the page's offline shell loads the validator through it.
export { loadValidator } from '@/components/survey-form/answers-resolver';
import { placeTitle, unitLine } from './place';
import { timeText } from './status-text';

interface Props {
  assignment: EnumeratorAssignment;
  form: PublicForm;
  startedAt: string;
  onSave: (answers: Record<string, unknown>, note: string) => Promise<void>;
  onLeave: () => void;
  /** Reopening a rejected form: its answers and note, and the server's per-question errors. */
  resume?: { answers: Record<string, unknown>; note: string; errors: Record<string, string>; reason: string };
}

export function InterviewScreen({ assignment, form, startedAt, onSave, onLeave, resume: given }: Props) {
  const [resume] = useState(given); // fixed for this screen: the server's errors are applied once
  const [note, setNote] = useState(resume?.note ?? '');
  const [touched, setTouched] = useState(false);
  const changed = useCallback(() => setTouched(true), []);
  const leave = () => {
    if (!touched && note === (resume?.note ?? '')) return onLeave();
    const ask = resume
      ? 'Bỏ các sửa đổi? Phiếu bị từ chối vẫn giữ trên máy như cũ.'
      : 'Bỏ phiếu đang phỏng vấn? Các câu trả lời chưa lưu sẽ mất.';
    if (window.confirm(ask)) onLeave();
  };
  return (
    <main className="e-page" lang="vi">
      <div className="e-topbar">
        <button type="button" className="e-back" onClick={leave}>
          ← Danh sách
        </button>
        <p className="e-where">
          <b>{placeTitle(assignment)}</b>
          <span className="e-muted">
            {unitLine(assignment)} · bắt đầu {timeText(startedAt)}
          </span>
        </p>
      </div>
      <h1 className="e-form-title">{formName(form)}</h1>
      <p className="e-muted">{form.title.vi}</p>
      {resume && (
        <p className="e-status" role="note">
          Sửa phiếu bị từ chối: {resume.reason}. Sửa các câu được đánh dấu rồi lưu để gửi lại.
        </p>
      )}
      <SurveyForm
        form={form}
        paged
        onChange={changed}
        onSubmit={(answers) => onSave(answers, note)}
        defaultValues={resume?.answers}
        initialErrors={resume?.errors}
        submitLabel={resume ? 'Lưu và gửi lại' : 'Lưu phiếu vào máy'}
        sendingLabel="Đang lưu…"
      >
        <div className="e-note">
          <label htmlFor="e-note">Ghi chú của điều tra viên (không bắt buộc)</label>
          <textarea id="e-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        </div>
      </SurveyForm>
    </main>
  );
}
