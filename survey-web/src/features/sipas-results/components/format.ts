/** Shared formatting of the results page: percentages, Vietnam-time dates, flag explanations. */
import { tr } from '@/lib/i18n';

/** A percentage, or "chưa đủ mẫu" below the minimum sample (null). */
export function pctText(v: number | null): string {
  return v === null ? tr('chưa đủ mẫu', 'not enough data') : `${v.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
}

export function dateTimeText(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'medium' });
}

/** YYYY-MM-DD → DD/MM/YYYY. */
export function dayText(day: string): string {
  const [y, m, d] = day.split('-');
  return y && m && d ? `${d}/${m}/${y}` : day;
}

const FLAGS: Record<string, [string, string]> = {
  min_interval: ['Hai lượt đánh giá quá gần nhau trên cùng một máy', 'Two sessions too close together on the same device'],
  hourly_cap: ['Vượt số lượt tối đa trong một giờ của máy', 'Over the device’s hourly limit'],
  clock: ['Đồng hồ của máy tính bảng sai', 'The tablet’s clock is wrong'],
  address_rate: ['Quá nhiều phiếu trực tuyến từ cùng một địa chỉ', 'Too many online forms from one address'],
  unit_rate: ['Quá nhiều phiếu trực tuyến cho đơn vị trong một giờ', 'Too many online forms for the unit in an hour'],
};

export function flagText(flag: string): string {
  const f = FLAGS[flag];
  return f ? tr(f[0], f[1]) : tr(`Dấu hiệu khác: ${flag}`, `Other flag: ${flag}`);
}
