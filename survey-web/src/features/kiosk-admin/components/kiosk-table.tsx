/** The devices: where they are, their real state, what they have sent; parked sessions, revoke and re-pair. */
import { useState } from 'react';
import type { Kiosk } from '@hailong/contracts';
import { HealthCell } from './fleet-health';
import { relativeTimeVi } from './relative-time';
const MODE: Record<Kiosk['mode'], string> = { quick: 'Phiếu nhanh', full: 'Mẫu 01 đầy đủ' };

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
      <div className="ka-actions" role="group" aria-label={`Xác nhận thu hồi ${name}`}>
        <span>Thu hồi máy này? Máy sẽ ngừng gửi được phiếu.</span>
        <button type="button" className="ka-danger" onClick={() => void onRevoke(k).finally(() => setConfirming(null))}>Xác nhận thu hồi</button>
        <button type="button" onClick={() => setConfirming(null)}>Huỷ</button>
      </div>
    );
  }
  // Re-pairing a working tablet cuts it off until someone enters the new code at the counter.
  if (confirming === 'repair') {
    return (
      <div className="ka-actions" role="group" aria-label={`Xác nhận ghép nối lại ${name}`}>
        <span>Tạo mã ghép nối mới? Máy đang dùng sẽ ngừng gửi được phiếu cho đến khi nhập mã mới tại quầy (phiếu chưa gửi vẫn giữ trên máy).</span>
        <button type="button" className="ka-danger" onClick={() => void onRePair(k).finally(() => setConfirming(null))}>Xác nhận ghép nối lại</button>
        <button type="button" onClick={() => setConfirming(null)}>Huỷ</button>
      </div>
    );
  }
  return (
    <div className="ka-actions">
      {k.health.parkedCount > 0 ? (
        <button type="button" aria-label={`Phiếu tạm giữ của ${name}`} onClick={() => onShowParked(k)}>Xem {k.health.parkedCount} phiếu tạm giữ</button>
      ) : null}
      {k.status !== 'revoked' ? (
        <button type="button" aria-label={`Thu hồi ${name}`} onClick={() => setConfirming('revoke')}>Thu hồi</button>
      ) : null}
      <button
        type="button"
        aria-label={`Ghép nối lại ${name}`}
        onClick={() => (k.status === 'paired' ? setConfirming('repair') : void onRePair(k))}
      >
        Ghép nối lại
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
      <caption className="ka-sr">Danh sách máy tính bảng tại quầy</caption>
      <thead>
        <tr>
          <th scope="col">Đơn vị</th>
          <th scope="col">Quầy</th>
          <th scope="col">Mẫu phiếu</th>
          <th scope="col">Trạng thái</th>
          <th scope="col">Hoạt động gần nhất</th>
          <th scope="col">Phiên bản</th>
          <th scope="col">Đang chờ gửi</th>
          <th scope="col">Phiếu hôm nay</th>
          <th scope="col">Thao tác</th>
        </tr>
      </thead>
      <tbody>
        {kiosks.map((k) => (
          <tr key={k.id} data-kiosk-id={k.id} className={k.status === 'revoked' ? 'ka-revoked' : undefined}>
            <td>{k.unitCode} · {k.unitName}</td>
            <th scope="row">{k.counterName}</th>
            <td>{MODE[k.mode]}<br /><small>Tự đặt lại sau {k.idleSeconds} giây không chạm</small></td>
            <td><HealthCell k={k} /></td>
            <td title={lastContact(k) ? new Date(lastContact(k) ?? '').toLocaleString('vi-VN') : undefined}>{relativeTimeVi(lastContact(k), now)}</td>
            <td>{k.appVersion ?? '—'}</td>
            <td>{k.health.lastHeartbeatAt ? k.health.queueLength : k.pendingCount}</td>
            <td>{k.submissionsToday}</td>
            <td><Actions k={k} onRevoke={onRevoke} onRePair={onRePair} onShowParked={onShowParked} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
