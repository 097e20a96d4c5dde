/** The devices: where they are, their real state, what they have sent; parked sessions, revoke and re-pair. */
import { useState } from 'react';
import type { Kiosk } from '@hailong/contracts';
import { tr } from '@/lib/i18n';
import { HealthCell } from './fleet-health';
import { relativeTime } from './relative-time';
const MODE: Record<Kiosk['mode'], [vi: string, en: string]> = {
  quick: ['Phiếu nhanh', 'Quick form'],
  full: ['Mẫu 01 đầy đủ', 'Full form 01'],
};

interface Props {
  kiosks: Kiosk[];
  now: number;
  onRevoke: (k: Kiosk) => Promise<void>;
  onRePair: (k: Kiosk) => Promise<void>;
  onShowParked: (k: Kiosk) => void;
}

function Actions({ k, onRevoke, onRePair, onShowParked }: { k: Kiosk } & Pick<Props, 'onRevoke' | 'onRePair' | 'onShowParked'>) {
  const [confirming, setConfirming] = useState<'revoke' | 'repair' | null>(null);
  const name = `${k.counterName} (${k.unitCode})`;
  if (confirming === 'revoke') {
    return (
      <div className="ka-actions" role="group" aria-label={tr(`Xác nhận thu hồi ${name}`, `Confirm revoking ${name}`)}>
        <span>
          {tr('Thu hồi máy này? Máy sẽ ngừng gửi được phiếu.', 'Revoke this tablet? It will no longer be able to send forms.')}
        </span>
        <button type="button" className="ka-danger" onClick={() => void onRevoke(k).finally(() => setConfirming(null))}>
          {tr('Xác nhận thu hồi', 'Confirm revoke')}
        </button>
        <button type="button" onClick={() => setConfirming(null)}>
          {tr('Huỷ', 'Cancel')}
        </button>
      </div>
    );
  }
  // Re-pairing a working tablet cuts it off until someone enters the new code at the counter.
  if (confirming === 'repair') {
    return (
      <div className="ka-actions" role="group" aria-label={tr(`Xác nhận ghép nối lại ${name}`, `Confirm re-pairing ${name}`)}>
        <span>
          {tr(
            'Tạo mã ghép nối mới? Máy đang dùng sẽ ngừng gửi được phiếu cho đến khi nhập mã mới tại quầy (phiếu chưa gửi vẫn giữ trên máy).',
            'Make a new pairing code? The tablet in use stops sending until the new code is entered at the counter (unsent forms stay on it).',
          )}
        </span>
        <button type="button" className="ka-danger" onClick={() => void onRePair(k).finally(() => setConfirming(null))}>
          {tr('Xác nhận ghép nối lại', 'Confirm re-pairing')}
        </button>
        <button type="button" onClick={() => setConfirming(null)}>
          {tr('Huỷ', 'Cancel')}
        </button>
      </div>
    );
  }
  return (
    <div className="ka-actions">
      {k.health.parkedCount > 0 ? (
        <button
          type="button"
          aria-label={tr(`Phiếu tạm giữ của ${name}`, `Parked sessions of ${name}`)}
          onClick={() => onShowParked(k)}
        >
          {tr(`Xem ${k.health.parkedCount} phiếu tạm giữ`, `Show ${k.health.parkedCount} parked`)}
        </button>
      ) : null}
      {k.status !== 'revoked' ? (
        <button type="button" aria-label={tr(`Thu hồi ${name}`, `Revoke ${name}`)} onClick={() => setConfirming('revoke')}>
          {tr('Thu hồi', 'Revoke')}
        </button>
      ) : null}
      <button
        type="button"
        aria-label={tr(`Ghép nối lại ${name}`, `Re-pair ${name}`)}
        onClick={() => (k.status === 'paired' ? setConfirming('repair') : void onRePair(k))}
      >
        {tr('Ghép nối lại', 'Re-pair')}
      </button>
    </div>
  );
}

/** The later of the last submission and the last heartbeat. */
function lastContact(k: Kiosk): string | null {
  const times = [k.lastSeenAt, k.health.lastHeartbeatAt].filter((t): t is string => t !== null);
  return times.sort().at(-1) ?? null;
}

export function KioskTable({ kiosks, now, onRevoke, onRePair, onShowParked }: Props) {
  return (
    <table className="ka-table">
      <caption className="ka-sr">{tr('Danh sách máy tính bảng tại quầy', 'Counter tablets')}</caption>
      <thead>
        <tr>
          <th scope="col">{tr('Đơn vị', 'Unit')}</th>
          <th scope="col">{tr('Quầy', 'Counter')}</th>
          <th scope="col">{tr('Mẫu phiếu', 'Form')}</th>
          <th scope="col">{tr('Trạng thái', 'State')}</th>
          <th scope="col">{tr('Hoạt động gần nhất', 'Last active')}</th>
          <th scope="col">{tr('Phiên bản', 'Version')}</th>
          <th scope="col">{tr('Đang chờ gửi', 'Waiting to send')}</th>
          <th scope="col">{tr('Phiếu hôm nay', 'Forms today')}</th>
          <th scope="col">{tr('Thao tác', 'Actions')}</th>
        </tr>
      </thead>
      <tbody>
        {kiosks.map((k) => (
          <tr key={k.id} data-kiosk-id={k.id} className={k.status === 'revoked' ? 'ka-revoked' : undefined}>
            <td>
              {k.unitCode} · {k.unitName}
            </td>
            <th scope="row">{k.counterName}</th>
            <td>
              {tr(...MODE[k.mode])}
              <br />
              <small>{tr(`Tự đặt lại sau ${k.idleSeconds} giây không chạm`, `Resets after ${k.idleSeconds} s untouched`)}</small>
            </td>
            <td>
              <HealthCell k={k} />
            </td>
            <td title={lastContact(k) ? new Date(lastContact(k) ?? '').toLocaleString('vi-VN') : undefined}>
              {relativeTime(lastContact(k), now)}
            </td>
            <td>{k.appVersion ?? '—'}</td>
            <td>{k.health.lastHeartbeatAt ? k.health.queueLength : k.pendingCount}</td>
            <td>{k.submissionsToday}</td>
            <td>
              <Actions k={k} onRevoke={onRevoke} onRePair={onRePair} onShowParked={onShowParked} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
