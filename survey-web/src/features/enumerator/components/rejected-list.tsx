/**
 * The forms the server refused, still on this phone with their answers: the reason in Vietnamese,
 * the refused questions, and what the enumerator can do — read the answers, fix them and resend,
 * move the form to another of their assignments in the same campaign and resend, or discard it
 * (only after confirming). Older app versions kept only the reason; those are listed apart.
 */
import type { EnumeratorAssignment, PublicForm } from '@hailong/contracts';
import { formName } from '@hailong/contracts/names';
import { useState } from 'react';
import type { SyncedForm } from '../hooks/field-store';
import { moveTargets, remedyFor, type RejectedForm } from '../hooks/rejected-store';
import { assignmentLabel } from './place';
import { answerErrors, reasonText, timeText } from './status-text';

export interface RejectedActions {
  onView: (r: RejectedForm) => void;
  onFix: (r: RejectedForm) => void;
  onMove: (r: RejectedForm, assignmentId: string) => void;
  onDiscard: (r: RejectedForm) => void;
}

interface Props extends RejectedActions {
  assignments: EnumeratorAssignment[];
  rejected: RejectedForm[];
  legacy: SyncedForm[];
  onClearLegacy: () => void;
  formFor: (assignmentId: string | undefined, code: string | undefined) => PublicForm | undefined;
}

function MoveControl({
  r,
  targets,
  onMove,
}: {
  r: RejectedForm;
  targets: EnumeratorAssignment[];
  onMove: RejectedActions['onMove'];
}) {
  const [to, setTo] = useState(targets[0]?.id ?? '');
  const id = `e-move-${r.clientId}`;
  if (targets.length === 0) {
    return (
      <span className="e-detail">Không có phân công khác cùng đợt khảo sát để chuyển phiếu sang. Hãy liên hệ người quản lý.</span>
    );
  }
  return (
    <div className="e-move">
      <label htmlFor={id}>Chuyển sang phân công</label>
      <select id={id} value={to} onChange={(e) => setTo(e.target.value)}>
        {targets.map((a) => (
          <option key={a.id} value={a.id}>
            {assignmentLabel(a)}
          </option>
        ))}
      </select>
      <button type="button" className="primary" onClick={() => to && onMove(r, to)}>
        Chuyển và gửi lại
      </button>
    </div>
  );
}

function RejectedItem({
  r,
  assignments,
  formFor,
  ...act
}: RejectedActions & { r: RejectedForm; assignments: EnumeratorAssignment[]; formFor: Props['formFor'] }) {
  const remedy = remedyFor(r);
  const current = formFor(r.form.assignmentId, r.form.formCode);
  const fixable = remedy === 'fix-answers' && !!current && assignments.some((a) => a.id === r.form.assignmentId);
  const asSynced = { ...r, status: 'rejected' as const };
  const own = assignments.find((a) => a.id === r.form.assignmentId);
  const where = own ? assignmentLabel(own) : (r.unitCode ?? '');
  return (
    <li data-state="rejected" data-client-id={r.clientId}>
      <span className="e-what">
        {where ? `${where} · ` : ''}
        {current ? formName(current) : `mẫu ${r.form.formCode}`} · {timeText(r.form.completedAt)}
      </span>
      <span className="e-state e-state-rejected">Bị từ chối: {reasonText(asSynced)}</span>
      {answerErrors(asSynced, current).map((t) => (
        <span key={t} className="e-detail">
          {t}
        </span>
      ))}
      <span className="e-detail">Câu trả lời vẫn được giữ trên máy.</span>
      <div className="e-actions">
        <button type="button" onClick={() => act.onView(r)}>
          Xem câu trả lời
        </button>
        {fixable && (
          <button type="button" className="primary" onClick={() => act.onFix(r)}>
            Sửa và gửi lại
          </button>
        )}
        <button type="button" className="e-danger" onClick={() => act.onDiscard(r)}>
          Xoá phiếu
        </button>
      </div>
      {remedy === 'move' && <MoveControl r={r} targets={moveTargets(r, assignments)} onMove={act.onMove} />}
    </li>
  );
}

export function RejectedList({ rejected, legacy, onClearLegacy, ...rest }: Props) {
  if (rejected.length + legacy.length === 0) return null;
  return (
    <div className="e-rejected">
      <h3>Bị từ chối ({rejected.length + legacy.length})</h3>
      <ul>
        {rejected.map((r) => (
          <RejectedItem key={r.clientId} r={r} {...rest} />
        ))}
      </ul>
      {legacy.length > 0 && (
        <>
          <ul aria-label="Bị từ chối trước đây (không còn câu trả lời)">
            {legacy.map((r) => (
              <li key={r.clientId} data-state="rejected-old">
                <span className="e-what">
                  mẫu {r.formCode ?? '?'} · {timeText(r.completedAt)}
                </span>
                <span className="e-state e-state-rejected">Bị từ chối: {reasonText(r)}</span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={onClearLegacy}>
            Đã xem, xoá các thông báo cũ
          </button>
        </>
      )}
    </div>
  );
}
