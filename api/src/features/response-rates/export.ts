import type { ResponseRates } from '@hailong/contracts';
import { loadExcelJS } from '../../lib/load-exceljs.ts';

function cell(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The per-unit columns, as the console names them: the downloads are for people (the API serves JSON to programs). */
const UNIT_HEADER = [
  'Mã',
  'Đơn vị',
  'Đã mời',
  'Đã gửi tới',
  'Thư lỗi',
  'Gửi không được',
  'Đã mở',
  'Đang trả lời',
  'Đã trả lời',
  'Tỷ lệ (%)',
];

/** Per-unit response rates as CSV with a BOM so that Excel opens the Vietnamese names correctly. */
export function ratesCsv(r: ResponseRates): string {
  const head = UNIT_HEADER;
  const rows = r.byUnit.map((u) => [
    u.unitCode,
    u.unitName,
    u.invited,
    u.delivered,
    u.bounced,
    u.failed,
    u.opened,
    u.started,
    u.completed,
    u.rate.toFixed(2),
  ]);
  const o = r.overall;
  rows.push([
    'ALL',
    'Toàn tỉnh',
    o.invited,
    o.delivered,
    o.bounced,
    o.failed,
    o.opened,
    o.started,
    o.completed,
    o.rate.toFixed(2),
  ]);
  return `\uFEFF${[head, ...rows].map((row) => row.map(cell).join(',')).join('\n')}\n`;
}

/** The same per-unit table as an Excel workbook, plus a sheet per respondent group and per day. */
export async function ratesXlsx(r: ResponseRates): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  const units = wb.addWorksheet('Theo đơn vị');
  units.addRow(UNIT_HEADER).font = { bold: true };
  for (const u of r.byUnit) {
    const row = units.addRow([
      u.unitCode,
      u.unitName,
      u.invited,
      u.delivered,
      u.bounced,
      u.failed,
      u.opened,
      u.started,
      u.completed,
      u.rate,
    ]);
    if (u.rate < r.targetRate) row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDECEE' } };
  }
  const o = r.overall;
  units.addRow(['ALL', 'Toàn tỉnh', o.invited, o.delivered, o.bounced, o.failed, o.opened, o.started, o.completed, o.rate]).font =
    { bold: true };
  units.getColumn(2).width = 48;
  const groups = wb.addWorksheet('Theo nhóm');
  groups.addRow(['Nhóm', 'Đã mời', 'Đã trả lời', 'Tỷ lệ (%)']).font = { bold: true };
  for (const g of r.byGroup) groups.addRow([g.group, g.invited, g.completed, g.rate]);
  const days = wb.addWorksheet('Theo ngày');
  days.addRow(['Ngày', 'Đã gửi', 'Đã mở', 'Đã trả lời', 'Tỷ lệ cộng dồn (%)']).font = { bold: true };
  for (const d of r.byDay) days.addRow([d.date, d.sent, d.opened, d.completed, d.cumulativeRate]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
