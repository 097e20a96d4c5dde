/**
 * The discreet line at the foot of the kiosk for counter staff (the citizen is thanked either way):
 * sessions waiting to be sent, a send in progress, and sessions parked on the tablet with the
 * server's reason. Small and low-contrast-free: readable, but not addressed to the citizen.
 */
import type { ParkedItem } from '@/lib/offline-outbox';
import type { KioskItem } from '../api/kiosk-api';

interface Props {
  pending: number;
  sending: boolean;
  parked: ParkedItem<KioskItem>[];
}

/** Parked sessions grouped by reason, most frequent first. */
function reasons(parked: ParkedItem<KioskItem>[]): { text: string; n: number }[] {
  const by = new Map<string, { text: string; n: number }>();
  for (const p of parked) {
    const r = by.get(p.reason.code) ?? { text: p.reason.vi, n: 0 };
    r.n += 1;
    by.set(p.reason.code, r);
  }
  return [...by.values()].sort((a, b) => b.n - a.n);
}

export function StaffStatus({ pending, sending, parked }: Props) {
  if (pending === 0 && !sending && parked.length === 0) return <span />;
  return (
    <span className="k-staff" data-testid="staff-status" aria-live="polite">
      {pending > 0 ? (
        <span className="k-pending" data-testid="pending">
          {pending} đang chờ gửi
        </span>
      ) : null}
      {sending ? <span data-testid="sending"> · đang gửi…</span> : null}
      {parked.length > 0 ? (
        <span className="k-parked" data-testid="parked">
          {' · '}
          {parked.length} phiếu tạm giữ trên máy:{' '}
          {reasons(parked)
            .map((r) => `${r.text}${r.n > 1 && parked.length !== r.n ? ` (${r.n})` : ''}`)
            .join('; ')}
        </span>
      ) : null}
    </span>
  );
}
