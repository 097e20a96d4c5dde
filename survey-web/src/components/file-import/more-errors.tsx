/**
 * Under an import's error table: the server lists the first 200 problems of a file and counts the
 * rest (`detailsTotal`); this line says how many more there are, so a file with 5,000 bad rows does
 * not look like one with 200.
 */
import { fmtInt, useT } from '@/lib/i18n';

export function MoreErrors({ shown, total }: { shown: number; total: number | undefined }) {
  const t = useT();
  if (total === undefined || total <= shown) return null;
  const more = total - shown;
  return (
    <p role="note" data-testid="import-more-errors">
      {t(
        `Chỉ liệt kê ${fmtInt(shown)} lỗi đầu tiên, và ${fmtInt(more)} lỗi khác (tổng ${fmtInt(total)}). Sửa các lỗi này rồi kiểm tra lại tệp.`,
        `Only the first ${fmtInt(shown)} errors are listed, and ${fmtInt(more)} more (${fmtInt(total)} in all). Fix these, then check the file again.`,
      )}
    </p>
  );
}
