/** "Phiếu nghi ngờ": suspect kiosk and online responses, flags explained, accept or reject each. */
import type { SuspectResponse, SuspectResponses } from '@hailong/contracts';
import { SUSPECT_PAGE } from '../api/results-api';
import { dateTimeText, flagText } from './format';
import { RatingsList } from './ratings-list';
import { ReviewForm } from './review-form';
import { tr } from '@/lib/i18n';
import { reasonText } from './reason-text';

const CHANNEL: Record<SuspectResponse['channel'], [vi: string, en: string]> = {
  kiosk: ['Máy tại quầy', 'Counter kiosk'],
  online: ['Dịch vụ công trực tuyến', 'Online public service'],
};

function SuspectItem({ s, onReviewed }: { s: SuspectResponse; onReviewed: () => void }) {
  return (
    <li
      className="rs-suspect"
      aria-label={`${tr('Phiếu', 'Response')} ${dateTimeText(s.completedAt ?? s.receivedAt)}, ${s.unitName}`}
    >
      <p className="rs-suspect-head">
        <strong>{dateTimeText(s.completedAt ?? s.receivedAt)}</strong> · {s.unitName} · {tr(...CHANNEL[s.channel])}
        {s.counterName ? ` · ${s.counterName}` : ''} · <span className="rs-muted">{s.formCode}</span>
      </p>
      <ul className="rs-flags">
        {s.flags.map((f) => (
          <li key={f}>{flagText(f)}</li>
        ))}
      </ul>
      {s.reviewReason ? (
        <p className="rs-muted">
          {tr('Ghi chú của hệ thống', 'System note')}: {reasonText(s.reviewReason)}
        </p>
      ) : null}
      <RatingsList formCode={s.formCode} answers={s.answers} />
      {s.inWindow ? null : (
        <p className="rs-muted">
          {tr('Ngoài thời gian tính của đợt: chấp nhận sẽ không thay đổi kết quả.', 'Outside the counted days.')}
        </p>
      )}
      <ReviewForm responseId={s.id} onReviewed={onReviewed} />
    </li>
  );
}

export function SuspectsPanel(props: {
  data: SuspectResponses | null;
  offset: number;
  onPage: (offset: number) => void;
  onReviewed: () => void;
}) {
  const { data, offset, onPage, onReviewed } = props;
  if (!data) return null;
  if (data.total === 0)
    return <p className="rs-empty">{tr('Không có phiếu nghi ngờ nào cần xem xét.', 'No suspect responses to review.')}</p>;
  const last = Math.min(offset + data.responses.length, data.total);
  return (
    <>
      <p role="status">
        {tr(
          `Đang hiển thị ${offset + 1}–${last} trên ${data.total} phiếu nghi ngờ.`,
          `Showing ${offset + 1}–${last} of ${data.total} suspect responses.`,
        )}
      </p>
      <ul className="rs-suspects">
        {data.responses.map((s) => (
          <SuspectItem key={s.id} s={s} onReviewed={onReviewed} />
        ))}
      </ul>
      <nav aria-label={tr('Trang phiếu nghi ngờ', 'Suspect pages')} className="rs-pager">
        <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - SUSPECT_PAGE))}>
          {tr('← Trước', 'Previous')}
        </button>
        <button type="button" disabled={last >= data.total} onClick={() => onPage(offset + SUSPECT_PAGE)}>
          {tr('Sau', 'Next')} →
        </button>
      </nav>
    </>
  );
}
