/**
 * Says that the figures leave out responses stored since the last fold (docs/0027-large-unfolded-tail.md):
 * when the tail is large the results are read from the folded tallies only, so the page stays fast,
 * and the worker has been asked to fold. Nothing is lost; the figures catch up on the next load.
 */
import type { PendingTail } from '@hailong/contracts';
import { fmtInt, tr } from '@/lib/i18n';
import { dateTimeText } from './format';

export function PendingNotice({ pending, onRefresh }: { pending: PendingTail | undefined; onRefresh: () => void }) {
  if (!pending || pending.counted) return null;
  const n = fmtInt(pending.responses);
  return (
    <p role="status" className="rs-pending" data-pending={pending.responses}>
      {tr(
        `Còn hơn ${n} phiếu mới chưa được tổng hợp nên chưa có trong số liệu dưới đây; số liệu sẽ cập nhật sau vài giây đến vài phút.`,
        `More than ${n} new responses have not been tallied yet and are not in the figures below; they will be included within seconds to minutes.`,
      )}
      {pending.lastFoldAt
        ? ` ${tr(`Lần tổng hợp gần nhất: ${dateTimeText(pending.lastFoldAt)}.`, `Last tallied: ${dateTimeText(pending.lastFoldAt)}.`)}`
        : null}{' '}
      <button type="button" onClick={onRefresh}>
        {tr('Cập nhật số liệu', 'Update the figures')}
      </button>
    </p>
  );
}
