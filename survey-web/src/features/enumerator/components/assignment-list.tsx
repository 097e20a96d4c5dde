/**
 * The enumerator's assignments: where (hamlet, commune, then the unit), progress against each quota
 * (synced + waiting on this phone) and one big button per form, named in words. The first cards
 * (a phone's screenful) are rendered at once and the rest a few at a time after the first frame,
 * so a long list does not hold the first screen (docs/0034); until then the list is `aria-busy`.
 */
import type { EnumeratorAssignment } from '@hailong/contracts';
import { formName } from '@hailong/contracts/names';
import { memo } from 'react';
import { useStepwise } from '@/lib/use-stepwise';
import { placeTitle, unitLine } from './place';

/** Cards on the first screen (a phone shows two or three), then cards per later task. */
const FIRST_CARDS = 4;
const MORE_CARDS = 8;

interface Props {
  assignments: EnumeratorAssignment[];
  queuedBy: Record<string, number>;
  onStart: (assignment: EnumeratorAssignment, formCode: string) => void;
}

export const AssignmentList = memo(function AssignmentList({ assignments, queuedBy, onStart }: Props) {
  const shown = useStepwise(assignments.length, FIRST_CARDS, MORE_CARDS);
  return (
    <ul className="e-list" aria-label="Phân công của bạn" aria-busy={shown < assignments.length || undefined}>
      {assignments.slice(0, shown).map((a) => {
        const queued = queuedBy[a.id] ?? 0;
        const done = a.collected + queued;
        const over = done > a.quota;
        return (
          <li
            key={a.id}
            data-assignment={a.unitCode}
            data-assignment-id={a.id}
            className="e-card"
            aria-labelledby={`e-a-${a.id}`}
          >
            <h2 id={`e-a-${a.id}`}>{placeTitle(a)}</h2>
            <p className="e-unit">{unitLine(a)}</p>
            <p className="e-muted">
              {a.campaignName}
              {a.campaignStatus !== 'open'
                ? a.campaignStatus === 'closed'
                  ? ' · đợt khảo sát đã đóng'
                  : ' · đợt khảo sát chưa mở'
                : ''}
            </p>
            <progress
              max={Math.max(a.quota, 1)}
              value={Math.min(done, a.quota)}
              aria-label={`Tiến độ ${placeTitle(a)}: ${done}/${a.quota} phiếu`}
            />
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
                Phỏng vấn: {formName(f)}
              </button>
            ))}
          </li>
        );
      })}
    </ul>
  );
});
