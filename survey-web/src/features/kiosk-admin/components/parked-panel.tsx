/**
 * A tablet's parked sessions: what the server refused and why. The admin releases them once the
 * cause is fixed (e.g. a campaign covering their time is open: the tablet sends them again at its
 * next heartbeat) or discards them with a reason. Both are recorded in the audit log.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Kiosk, KioskParkedItem } from '@hailong/contracts';
import { errorText } from '@/lib/api-client';
import { discardParked, listParked, releaseParked } from '../api/kiosk-admin-api';

interface Props {
  kiosk: Kiosk;
  onClose: () => void;
  onDone: (message: string) => void;
}

const STATE: Record<KioskParkedItem['state'], string> = { parked: 'Tạm giữ', released: 'Đã cho gửi lại (chờ máy gửi)', discarded: 'Đã loại bỏ', settled: 'Đã xong' };

export function ParkedPanel({ kiosk, onClose, onDone }: Props) {
  const [items, setItems] = useState<KioskParkedItem[] | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => listParked(kiosk.id).then((r) => setItems(r.items), (e: unknown) => setError(errorText(e))), [kiosk.id]);
  useEffect(() => void load(), [load]);

  const parked = items?.filter((i) => i.state === 'parked') ?? [];
  const act = async (fn: () => Promise<{ count: number }>, done: (n: number) => string) => {
    setError(null);
    try {
      onDone(done((await fn()).count));
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const name = `${kiosk.counterName} (${kiosk.unitCode})`;
  return (
    <section className="ka-card ka-parked" aria-labelledby="ka-parked-title">
      <h2 id="ka-parked-title">Phiếu tạm giữ trên máy {name}</h2>
      {items === null && !error ? <p role="status">Đang tải…</p> : null}
      {items?.length === 0 ? <p>Máy không còn phiếu nào tạm giữ.</p> : null}
      {items && items.length > 0 ? (
        <table className="ka-table">
          <thead>
            <tr><th scope="col">Hoàn thành lúc</th><th scope="col">Lý do</th><th scope="col">Tình trạng</th></tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.clientId} data-testid="parked-item">
                <td>{new Date(i.completedAt).toLocaleString('vi-VN')}</td>
                <td>{i.message} <span lang="en">({i.messageEn})</span></td>
                <td>{STATE[i.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {parked.length > 0 ? (
        <div className="ka-form">
          <button type="button" className="ka-primary" onClick={() => void act(() => releaseParked(kiosk.id), (n) => `Đã cho gửi lại ${n} phiếu của ${name}.`)}>
            Gửi lại {parked.length} phiếu (sau khi đã khắc phục nguyên nhân)
          </button>
          <label>
            Lý do loại bỏ (bắt buộc)
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </label>
          <button
            type="button"
            className="ka-danger"
            disabled={reason.trim().length < 3}
            onClick={() => void act(() => discardParked(kiosk.id, parked.map((p) => p.clientId), reason.trim()), (n) => `Đã loại bỏ ${n} phiếu của ${name}.`)}
          >
            Loại bỏ {parked.length} phiếu
          </button>
        </div>
      ) : null}
      {error ? <p role="alert" className="ka-error">{error}</p> : null}
      <button type="button" onClick={onClose}>Đóng</button>
    </section>
  );
}
