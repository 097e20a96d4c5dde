import type { Campaign, CampaignHeadline } from '@hailong/contracts';
import { fmtInt, fmtPct, tr } from '@/lib/i18n';
import { isoToVnDay } from './vn-date';

export const statusText = (s: Campaign['status']): string =>
  ({ scheduled: tr('Nháp (chưa mở)', 'Draft (not open yet)'), open: tr('Đang mở', 'Open'), closed: tr('Đã đóng', 'Closed') })[s];

export const kindText = (k: Campaign['kind']): string =>
  k === 'staff' ? tr('Khảo sát CBCCVC', 'Staff survey') : tr('SIPAS', 'SIPAS');

export const windowText = (c: Campaign): string => `${isoToVnDay(c.opensAt)} – ${isoToVnDay(c.closedAt ?? c.closesAt, true)}`;

export function headlineText(h: CampaignHeadline | undefined): string {
  if (!h) return '…';
  if (h.kind === 'staff')
    return tr(
      `${fmtPct(h.rate)} phản hồi (${fmtInt(h.completed)}/${fmtInt(h.invited)})`,
      `${fmtPct(h.rate)} responded (${fmtInt(h.completed)}/${fmtInt(h.invited)})`,
    );
  return h.target === null
    ? tr(`${fmtInt(h.collected)} phiếu (chưa đặt mục tiêu)`, `${fmtInt(h.collected)} forms (no target set)`)
    : tr(`${fmtInt(h.collected)}/${fmtInt(h.target)} phiếu`, `${fmtInt(h.collected)}/${fmtInt(h.target)} forms`);
}
