/** Vietnamese dates typed as dd/mm/yyyy, read as Vietnam time (UTC+7, no daylight saving). */
const RE = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;

/** ISO instant of the start (00:00) or end (24:00) of a dd/mm/yyyy day in Vietnam; null if invalid. */
export function vnDayToIso(text: string, end: boolean): string | null {
  const m = RE.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const check = new Date(utc);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1 || y < 2000 || y > 2099) return null;
  return new Date(utc - 7 * 3600_000 + (end ? 24 * 3600_000 : 0)).toISOString();
}

/** dd/mm/yyyy of a Vietnam day, from an ISO instant (an end instant names the day it closes). */
export function isoToVnDay(iso: string, end = false): string {
  const t = new Date(iso).getTime() + 7 * 3600_000 - (end ? 1 : 0);
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}
