/** The enumerator's assignments: progress against each quota (synced + waiting on this phone) and one big button per form. */
import type { EnumeratorAssignment } from '@hailong/contracts';

interface Props {
  assignments: EnumeratorAssignment[];
  queuedBy: Record<string, number>;
  onStart: (assignment: EnumeratorAssignment, formCode: string) => void;
}

export function AssignmentList({ assignments, queuedBy, onStart }: Props) {
  return (
    <ul className="e-list" aria-label="Phân công của bạn">
      {assignments.map((a) => {
        const queued = queuedBy[a.id] ?? 0;
        const done = a.collected + queued;
        const over = done > a.quota;
        return (
          <li key={a.id} data-assignment={a.unitCode} className="e-card">
            <h2>
              {a.unitCode} — {a.unitName}
            </h2>
            <p className="e-muted">
              {a.campaignName}
              {a.campaignStatus !== 'open' ? (a.campaignStatus === 'closed' ? ' · đợt khảo sát đã đóng' : ' · đợt khảo sát chưa mở') : ''}
            </p>
            <progress max={Math.max(a.quota, 1)} value={Math.min(done, a.quota)} aria-label={`Tiến độ ${a.unitCode}: ${done}/${a.quota} phiếu`} />
            <p className="e-quota">
              <b>
                {done} / {a.quota} phiếu
              </b>
              {over ? <span className="e-warn"> · vượt chỉ tiêu</span> : null}
              <br />
              <span className="e-muted">
                {a.collected} đã đồng bộ · {queued} chờ gửi
              </span>
            </p>
            {a.forms.map((f) => (
              <button key={f.code} type="button" className="e-start" onClick={() => onStart(a, f.code)}>
                Phỏng vấn mẫu {f.code}
              </button>
            ))}
          </li>
        );
      })}
    </ul>
  );
}
