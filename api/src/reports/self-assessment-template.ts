/**
 * The self-assessment import template: one row per unit of the year (figures already stored filled
 * in), under the Vietnamese headers the import reads back. XLSX, or CSV with a byte-order mark so
 * Excel shows the Vietnamese text.
 */
import { TEMPLATE_HEADERS } from '../features/par/self-assessment-parse.ts';
import { loadExcelJS } from '../lib/load-exceljs.ts';

type Row = (string | number | null)[];

export async function selfAssessmentTemplateXlsx(rows: Row[]): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const ws = workbook.addWorksheet('Tự đánh giá');
  ws.addRow([...TEMPLATE_HEADERS]).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = i === 1 ? 46 : 18;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvCell = (v: string | number | null): string => {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function selfAssessmentTemplateCsv(rows: Row[]): string {
  return `\uFEFF${[[...TEMPLATE_HEADERS], ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
