/**
 * A tablet's parked sessions: what the server refused and why. The admin releases them once the
 * cause is fixed (e.g. a campaign covering their time is open: the tablet sends them again at its
 * next heartbeat) or discards them with a reason. Both are recorded in the audit log.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Kiosk, KioskParkedItem } from '@hailong/contracts';
import { errorMessage, tr } from '@/lib/i18n';
import { discardParked, listParked, releaseParked } from '../api/kiosk-admin-api';

interface Props {
  kiosk: Kiosk;
  onClose: () => void;
  onDone: (message: string) => void;
}

const STATE: Record<KioskParkedItem['state'], [vi: string, en: string]> = {
  parked: ['Tạm giữ', 'Parked'],
  released: ['Đã cho gửi lại (chờ máy gửi)', 'Released (waiting for the tablet)'],
  discarded: ['Đã loại bỏ', 'Discarded'],
  settled: ['Đã xong', 'Settled'],
};

export function ParkedPanel({ kiosk, onClose, onDone }: Props) {
  const [items, setItems] = useState<KioskParkedItem[] | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      listParked(kiosk.id).then(
        (r) => setItems(r.items),
        (e: unknown) => setError(errorMessage(e)),
      ),
    [kiosk.id],
  );
  useEffect(() => void load(), [load]);

  const parked = items?.filter((i) => i.state === 'parked') ?? [];
  const act = async (fn: () => Promise<{ count: number }>, done: (n: number) => string) => {
    setError(null);
    try {
      onDone(done((await fn()).count));
      await load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const name = `${kiosk.counterName} (${kiosk.unitCode})`;
  return (
    <section className="ka-card ka-parked" aria-labelledby="ka-parked-title">
      <h2 id="ka-parked-title">
        {tr('Phiếu tạm giữ trên máy', 'Parked sessions on')} {name}
      </h2>
      {items === null && !error ? <p role="status">{tr('Đang tải…', 'Loading…')}</p> : null}
      {items?.length === 0 ? <p>{tr('Máy không còn phiếu nào tạm giữ.', 'No parked sessions left on this tablet.')}</p> : null}
      {items && items.length > 0 ? (
        <table className="ka-table">
          <thead>
            <tr>
              <th scope="col">{tr('Hoàn thành lúc', 'Completed at')}</th>
              <th scope="col">{tr('Lý do', 'Reason')}</th>
              <th scope="col">{tr('Tình trạng', 'State')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.clientId} data-testid="parked-item">
                <td>{new Date(i.completedAt).toLocaleString('vi-VN')}</td>
                <td>{tr(i.message, i.messageEn)}</td>
                <td>{tr(...STATE[i.state])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {parked.length > 0 ? (
        <div className="ka-form">
          <button
            type="button"
            className="ka-primary"
            onClick={() =>
              void act(
                () => releaseParked(kiosk.id),
                (n) => tr(`Đã cho gửi lại ${n} phiếu của ${name}.`, `${n} sessions of ${name} released.`),
              )
            }
          >
            {tr(
              `Gửi lại ${parked.length} phiếu (sau khi đã khắc phục nguyên nhân)`,
              `Send ${parked.length} again (once the cause is fixed)`,
            )}
          </button>
          <label>
            {tr('Lý do loại bỏ (bắt buộc)', 'Reason to discard (required)')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </label>
          <button
            type="button"
            className="ka-danger"
            disabled={reason.trim().length < 3}
            onClick={() =>
              void act(
                () =>
                  discardParked(
                    kiosk.id,
                    parked.map((p) => p.clientId),
                    reason.trim(),
                  ),
                (n) => tr(`Đã loại bỏ ${n} phiếu của ${name}.`, `${n} sessions of ${name} discarded.`),
              )
            }
          >
            {tr(`Loại bỏ ${parked.length} phiếu`, `Discard ${parked.length}`)}
          </button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="ka-error">
          {error}
        </p>
      ) : null}
      <button type="button" onClick={onClose}>
        {tr('Đóng', 'Close')}
      </button>
    </section>
  );
}
