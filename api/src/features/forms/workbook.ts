/**
 * A form version as an .xlsx workbook (the layout `sheetsFromForm` describes): one sheet per part,
 * bold frozen header, column widths that fit the text. Reading goes through `readXlsxSheets`.
 */
import { sheetsFromForm, type FormDefinition, type WorkbookSheets } from '@hailong/forms';
import { loadExcelJS } from '../../lib/load-exceljs.ts';

const WIDTHS: Record<string, number> = { type: 22, name: 16, 'label::vi': 60, 'label::en': 50, relevant: 40, constraint: 24 };
/** Fixed, so the same form always gives the same workbook content. */
const STAMP = new Date(Date.UTC(2024, 0, 1));

export function formWorkbook(form: FormDefinition): Promise<Buffer> {
  return sheetsWorkbook(sheetsFromForm(form));
}

/** Any sheets of text rows as a workbook (tests build edited workbooks with it). */
export async function sheetsWorkbook(sheets: Partial<WorkbookSheets>): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'hailong';
  wb.created = STAMP;
  wb.modified = STAMP;
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = (rows[0] ?? []).map((header) => ({ header, key: header, width: WIDTHS[header] ?? 16 }));
    for (const row of rows.slice(1)) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
