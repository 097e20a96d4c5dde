/**
 * The top of the list screen: whether the phone has a network, how many forms are synced / waiting /
 * rejected, when the last full sync was, the big sync button and what the last round did.
 */
import { timeText } from './status-text';

interface Props {
  online: boolean;
  synced: number;
  pending: number;
  rejected: number;
  lastSync: string | null;
  syncing: boolean;
  status: string | null;
  needsLogin: boolean;
  onSync: () => void;
  onLogin: () => void;
}

export function SyncPanel({ online, synced, pending, rejected, lastSync, syncing, status, needsLogin, onSync, onLogin }: Props) {
  return (
    <section className="e-sync" aria-label="Đồng bộ phiếu">
      <p className={online ? 'e-net e-net-on' : 'e-net e-net-off'} data-testid="e-net" aria-live="polite">
        {online ? 'Có mạng' : 'Không có mạng — phiếu được lưu trên máy, đồng bộ khi có sóng'}
      </p>
      <dl className="e-counts" data-testid="e-counts">
        <div>
          <dt>Đã đồng bộ</dt>
          <dd data-testid="e-synced">{synced}</dd>
        </div>
        <div className={pending > 0 ? 'e-count-pending' : ''}>
          <dt>Chờ gửi</dt>
          <dd data-testid="e-pending">{pending}</dd>
        </div>
        <div className={rejected > 0 ? 'e-count-rejected' : ''}>
          <dt>Bị từ chối</dt>
          <dd data-testid="e-rejected">{rejected}</dd>
        </div>
      </dl>
      <button type="button" className="primary e-wide" onClick={onSync} disabled={syncing}>
        {syncing ? 'Đang đồng bộ…' : pending > 0 ? `Đồng bộ ${pending} phiếu` : 'Đồng bộ (tải phân công mới)'}
      </button>
      <p className="e-muted">{lastSync ? `Lần đồng bộ gần nhất: ${timeText(lastSync)}` : 'Chưa đồng bộ lần nào trên máy này'}</p>
      {status && (
        <p role="status" data-testid="e-status" className="e-status">
          {status}
        </p>
      )}
      {needsLogin && (
        <button type="button" className="e-wide" onClick={onLogin}>
          Đăng nhập lại
        </button>
      )}
    </section>
  );
}
