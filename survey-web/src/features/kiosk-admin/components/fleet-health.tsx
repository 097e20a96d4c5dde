/**
 * The fleet at a glance: each tablet's real state (from its heartbeats and submissions) and a
 * summary that turns red as soon as one tablet needs someone (silent, clock wrong, errors or parked
 * sessions, a growing queue).
 */
import type { Kiosk, KioskHealthState } from '@hailong/contracts';
import { tr } from '@/lib/i18n';

const HEALTH_LABEL: Record<KioskHealthState, [vi: string, en: string]> = {
  healthy: ['Đang hoạt động', 'Working'],
  queue_growing: ['Hàng chờ đang tăng', 'Queue growing'],
  errors: ['Có lỗi', 'Errors'],
  silent: ['Mất liên lạc quá 10 phút', 'Silent for over 10 minutes'],
  clock_wrong: ['Đồng hồ máy bị sai', 'Clock is wrong'],
  awaiting_pairing: ['Chưa ghép', 'Not paired yet'],
  revoked: ['Đã thu hồi', 'Revoked'],
};

export const healthLabel = (state: KioskHealthState) => tr(...HEALTH_LABEL[state]);

function minutes(seconds: number): string {
  const m = Math.round(Math.abs(seconds) / 60);
  return seconds < 0
    ? tr(`${m} phút chậm hơn máy chủ`, `${m} min behind the server`)
    : tr(`${m} phút nhanh hơn máy chủ`, `${m} min ahead of the server`);
}

/** The state badge and, when something is wrong, what and why. */
export function HealthCell({ k }: { k: Kiosk }) {
  const h = k.health;
  return (
    <>
      <span className={`ka-status ka-health-${h.trouble ? 'bad' : h.state}`} data-testid="kiosk-state">
        {healthLabel(h.state)}
      </span>
      {h.trouble ? (
        <ul className="ka-health-details">
          {h.parkedCount > 0 ? (
            <li>
              {h.parkedCount} {tr('phiếu tạm giữ trên máy', 'sessions parked on the tablet')}
            </li>
          ) : null}
          {h.queueLength > 0 ? (
            <li>
              {h.queueLength} {tr('phiếu chờ gửi', 'waiting to be sent')}
            </li>
          ) : null}
          {h.lastError ? (
            <li>
              {tr('Lỗi gần nhất', 'Last error')}: {tr(h.lastError.message, h.lastError.messageEn)}
            </li>
          ) : null}
          {h.state === 'clock_wrong' && h.clockSkewSeconds !== null ? (
            <li>
              {tr('Đồng hồ', 'Clock')} {minutes(h.clockSkewSeconds)}
            </li>
          ) : null}
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
        {inService.length === 0
          ? tr('Chưa có máy nào đang hoạt động.', 'No kiosk in service yet.')
          : tr(
              `Tất cả ${inService.length} máy đang hoạt động bình thường.`,
              `All ${inService.length} kiosks are working normally.`,
            )}
      </p>
    );
  }
  return (
    <div className="ka-summary ka-summary-bad" role="alert" data-testid="fleet-summary">
      <strong>
        {trouble.length}/{inService.length} {tr('máy cần chú ý', 'need attention')}
      </strong>
      :
      <ul>
        {trouble.map((k) => (
          <li key={k.id}>
            {k.counterName} ({k.unitCode}): {healthLabel(k.health.state)}
          </li>
        ))}
      </ul>
    </div>
  );
}
