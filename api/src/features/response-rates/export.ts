import type { ResponseRates } from '@hailong/contracts';

function cell(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Per-unit response rates as CSV with a BOM so that Excel opens the Vietnamese names correctly. */
export function ratesCsv(r: ResponseRates): string {
  const head = ['unit_code', 'unit_name', 'invited', 'delivered', 'bounced', 'opened', 'started', 'completed', 'rate_percent'];
  const rows = r.byUnit.map((u) => [u.unitCode, u.unitName, u.invited, u.delivered, u.bounced, u.opened, u.started, u.completed, u.rate.toFixed(2)]);
  const o = r.overall;
  rows.push(['ALL', 'Toàn tỉnh', o.invited, o.delivered, o.bounced, o.opened, o.started, o.completed, o.rate.toFixed(2)]);
  return `\uFEFF${[head, ...rows].map((row) => row.map(cell).join(',')).join('\n')}\n`;
}
