/**
 * A withheld figure (issue 14): "< 5" for a group of fewer than `minCell` forms, "ẩn" for one
 * withheld so that a small group cannot be worked out from the total beside it. The reason is the
 * title (on hover) and visually hidden text (read by screen readers).
 */
import { tr } from '@/lib/i18n';

export function WithheldText({ kind, minCell }: { kind: 'small' | 'secondary'; minCell: number }) {
  const why =
    kind === 'small'
      ? tr(`Ít hơn ${minCell} phiếu: không hiển thị`, `Fewer than ${minCell} forms: withheld`)
      : tr(
          'Ẩn để không suy ra được ô nhỏ từ tổng của đơn vị',
          'Withheld so that a small group cannot be worked out from the unit total',
        );
  return (
    <span title={why} data-withheld={kind}>
      <span aria-hidden="true">{kind === 'small' ? `< ${minCell}` : tr('ẩn', 'withheld')}</span>
      <span className="rs-sr">{kind === 'small' ? `< ${minCell}. ${why}` : why}</span>
    </span>
  );
}
