/**
 * The fleet at a glance: each tablet's real state (from its heartbeats and submissions) and a
 * summary that turns red as soon as one tablet needs someone (silent, clock wrong, errors or parked
 * sessions, a growing queue).
 */
import type { Kiosk, KioskHealthState } from '@hailong/contracts';

export const HEALTH_LABEL: Record<KioskHealthState, string> = {
  healthy: 'Đang hoạt động',
  queue_growing: 'Hàng chờ đang tăng',
  errors: 'Có lỗi',
  silent: 'Mất liên lạc quá 10 phút',
  clock_wrong: 'Đồng hồ máy bị sai',
  awaiting_pairing: 'Chưa ghép',
  revoked: 'Đã thu hồi',
};

function minutes(seconds: number): string {
  const m = Math.round(Math.abs(seconds) / 60);
  return `${m} phút ${seconds < 0 ? 'chậm hơn' : 'nhanh hơn'} máy chủ`;
}

/** The state badge and, when something is wrong, what and why. */
export function HealthCell({ k }: { k: Kiosk }) {
  const h = k.health;
  return (
    <>
      <span className={`ka-status ka-health-${h.trouble ? 'bad' : h.state}`} data-testid="kiosk-state">{HEALTH_LABEL[h.state]}</span>
      {h.trouble ? (
        <ul className="ka-health-details">
          {h.parkedCount > 0 ? <li>{h.parkedCount} phiếu tạm giữ trên máy</li> : null}
          {h.queueLength > 0 ? <li>{h.queueLength} phiếu chờ gửi</li> : null}
          {h.lastError ? <li>Lỗi gần nhất: {h.lastError.message} <span lang="en">({h.lastError.messageEn})</span></li> : null}
          {h.state === 'clock_wrong' && h.clockSkewSeconds !== null ? <li>Đồng hồ {minutes(h.clockSkewSeconds)}</li> : null}
        </ul>
      ) : null}
    </>
  );
}

export function FleetSummary({ kiosks }: { kiosks: Kiosk[] }) {
  const inService = kiosks.filter((k) => k.status === 'paired');
  const trouble = inService.filter((k) => k.health.trouble);
  if (trouble.length === 0) {
    return (
      <p className="ka-summary ka-summary-ok" role="status" data-testid="fleet-summary">
        {inService.length === 0 ? 'Chưa có máy nào đang hoạt động.' : `Tất cả ${inService.length} máy đang hoạt động bình thường.`}
      </p>
    );
  }
  return (
    <div className="ka-summary ka-summary-bad" role="alert" data-testid="fleet-summary">
      <strong>{trouble.length}/{inService.length} máy cần chú ý</strong> <span lang="en">({trouble.length} need attention)</span>:
      <ul>
        {trouble.map((k) => (
          <li key={k.id}>{k.counterName} ({k.unitCode}): {HEALTH_LABEL[k.health.state]}</li>
        ))}
      </ul>
    </div>
  );
}
