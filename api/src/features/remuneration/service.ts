/**
 * Remuneration: each enumerator is paid per valid form (valid forms × rate). JSON for the screen,
 * XLSX (exceljs) for the payment office, with a totals row.
 */
import type { Remuneration } from '@hailong/contracts';
import type { DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';
import { loadExcelJS } from '../../lib/load-exceljs.ts';

export async function remuneration(db: DbOrTx, campaignId: string, rate: number): Promise<Remuneration> {
  const r = await db.execute<{ enumerator_id: string; full_name: string; organisation: string | null; valid: number }>(sql`
    select u.id as enumerator_id, u.full_name, o.name as organisation,
           count(r.id) filter (where r.review_state = 'valid')::int as valid
    from assignments a join users u on u.id = a.enumerator_id
    left join organisations o on o.id = u.organisation_id
    left join responses r on r.source_id = a.id and r.channel = 'enumerator'
    where a.campaign_id = ${campaignId}
    group by u.id, u.full_name, o.name
    order by o.name nulls last, u.full_name`);
  const rows = r.rows.map((x) => ({
    enumeratorId: x.enumerator_id,
    fullName: x.full_name,
    organisation: x.organisation,
    validForms: x.valid,
    amount: x.valid * rate,
  }));
  return {
    rate,
    rows,
    totals: { validForms: rows.reduce((s, x) => s + x.validForms, 0), amount: rows.reduce((s, x) => s + x.amount, 0) },
  };
}

export async function remunerationXlsx(report: Remuneration, campaignName: string): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet('Thù lao');
  ws.addRow([`Thù lao điều tra viên — ${campaignName}`]);
  ws.addRow(['STT', 'Họ và tên', 'Đơn vị', 'Số phiếu hợp lệ', 'Đơn giá (đồng/phiếu)', 'Thành tiền (đồng)']);
  report.rows.forEach((r, i) => ws.addRow([i + 1, r.fullName, r.organisation ?? '', r.validForms, report.rate, r.amount]));
  ws.addRow(['', 'Tổng cộng', '', report.totals.validForms, '', report.totals.amount]);
  ws.getRow(1).font = { bold: true };
  ws.getRow(2).font = { bold: true };
  ws.getRow(ws.rowCount).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = [6, 30, 28, 16, 20, 20][i] ?? 12));
  for (const col of [5, 6]) ws.getColumn(col).numFmt = '#,##0';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
