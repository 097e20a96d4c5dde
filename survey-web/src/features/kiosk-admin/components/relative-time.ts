/** "3 phút trước" — how long ago, in Vietnamese, for the last-seen column. */
const UNITS: [limitSeconds: number, sizeSeconds: number, word: string][] = [
  [60 * 60, 60, 'phút'],
  [24 * 60 * 60, 60 * 60, 'giờ'],
  [30 * 24 * 60 * 60, 24 * 60 * 60, 'ngày'],
  [365 * 24 * 60 * 60, 30 * 24 * 60 * 60, 'tháng'],
  [Infinity, 365 * 24 * 60 * 60, 'năm'],
];

export function relativeTimeVi(iso: string | null, now = Date.now()): string {
  if (!iso) return 'chưa bao giờ';
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return 'vừa xong';
  for (const [limit, size, word] of UNITS) {
    if (seconds < limit) return `${Math.floor(seconds / size)} ${word} trước`;
  }
  return '';
}

/** 14:59 — minutes and seconds left. */
export function countdown(msLeft: number): string {
  const s = Math.max(0, Math.ceil(msLeft / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
