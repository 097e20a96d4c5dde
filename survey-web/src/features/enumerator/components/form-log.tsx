/**
 * Every form this phone knows about and what became of it: waiting in the outbox, synced (stored or
 * already on the server), or rejected with the server's reason and the questions it refused (kept,
 * with its answers, until the enumerator fixes and resends or discards it).
 */
import type { EnumeratorAssignment, PublicForm } from '@hailong/contracts';
import { formName } from '@hailong/contracts/names';
import type { QueuedInterview, SyncedForm } from '../hooks/field-store';
import type { RejectedForm } from '../hooks/rejected-store';
import { RejectedList, type RejectedActions } from './rejected-list';
import { assignmentLabel } from './place';
import { timeText } from './status-text';

interface Props extends RejectedActions {
  assignments: EnumeratorAssignment[];
  queued: QueuedInterview[];
  synced: SyncedForm[];
  rejected: RejectedForm[];
  /** Rejections from older app versions (reason only). */
  legacyRejected: SyncedForm[];
  onClearRejected: () => void;
}

const SHOWN_SYNCED = 10;

function lookup(assignments: EnumeratorAssignment[]) {
  const byId = new Map(assignments.map((a) => [a.id, a]));
  const where = (id: string | undefined) => {
    const a = id ? byId.get(id) : undefined;
    return a ? assignmentLabel(a) : '';
  };
  /** The form as the assignment has it now, else the same form code from any assignment. */
  const form = (id: string | undefined, code: string | undefined): PublicForm | undefined =>
    (id ? byId.get(id)?.forms.find((f) => f.code === code) : undefined) ??
    assignments.flatMap((a) => a.forms).find((f) => f.code === code);
  /** The form's name in words, or its code when this phone no longer knows the form. */
  const name = (id: string | undefined, code: string | undefined) => {
    const f = form(id, code);
    return f ? formName(f) : `mẫu ${code ?? '?'}`;
  };
  return { where, form, name };
}

function What({ where, form, completedAt }: { where: string; form: string; completedAt: string | undefined }) {
  return (
    <span className="e-what">
      {where ? `${where} · ` : ''}
      {form} · {timeText(completedAt)}
    </span>
  );
}

export function FormLog({ assignments, queued, synced, rejected, legacyRejected, onClearRejected, ...actions }: Props) {
  const { where, form, name } = lookup(assignments);
  if (queued.length + synced.length + rejected.length + legacyRejected.length === 0) return null;
  return (
    <section className="e-log" aria-labelledby="e-log-title">
      <h2 id="e-log-title">Phiếu trên máy này</h2>
      <RejectedList
        assignments={assignments}
        rejected={rejected}
        legacy={legacyRejected}
        onClearLegacy={onClearRejected}
        formFor={form}
        {...actions}
      />
      {queued.length > 0 && (
        <>
          <h3>Chờ gửi ({queued.length})</h3>
          <ul>
            {queued.map((q) => (
              <li key={q.clientId} data-state="pending">
                <What where={where(q.assignmentId)} form={name(q.assignmentId, q.formCode)} completedAt={q.completedAt} />
                <span className="e-state e-state-pending">Chờ gửi — đã lưu an toàn trên máy</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {synced.length > 0 && (
        <>
          <h3>Đã đồng bộ gần đây</h3>
          <ul>
            {synced.slice(0, SHOWN_SYNCED).map((s) => (
              <li key={s.clientId} data-state="synced">
                <What where={where(s.assignmentId)} form={name(s.assignmentId, s.formCode)} completedAt={s.completedAt} />
                <span className="e-state e-state-synced">
                  {s.status === 'duplicate' ? 'Đã đồng bộ (máy chủ đã có phiếu này)' : 'Đã đồng bộ'}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
