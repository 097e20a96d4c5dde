/** "3 phút trước" / "3 min ago" — how long ago, for the last-seen column. */
import { tr } from '@/lib/i18n';

const UNITS: [limitSeconds: number, sizeSeconds: number, vi: string, en: string][] = [
  [60 * 60, 60, 'phút', 'min'],
  [24 * 60 * 60, 60 * 60, 'giờ', 'h'],
  [30 * 24 * 60 * 60, 24 * 60 * 60, 'ngày', 'days'],
  [365 * 24 * 60 * 60, 30 * 24 * 60 * 60, 'tháng', 'months'],
  [Infinity, 365 * 24 * 60 * 60, 'năm', 'years'],
];

export function relativeTime(iso: string | null, now = Date.now()): string {
  if (!iso) return tr('chưa bao giờ', 'never');
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return tr('vừa xong', 'just now');
  for (const [limit, size, vi, en] of UNITS) {
    const n = Math.floor(seconds / size);
    if (seconds < limit) return tr(`${n} ${vi} trước`, `${n} ${en} ago`);
  }
  return '';
}

/** 14:59 — minutes and seconds left. */
export function countdown(msLeft: number): string {
  const s = Math.max(0, Math.ceil(msLeft / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
