/**
 * Turns an uploaded CSV or XLSX sheet into rows keyed by header (lower-cased, trimmed). Row numbers
 * are the spreadsheet's (header = row 1), so per-row errors point where the admin looks.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors.ts';
import type { ImportRow } from './service.ts';

export function parseCsvRows(text: string): ImportRow[] {
  let records: string[][];
  try {
    records = parse(text, { columns: false, bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (err) {
    throw new AppError('IMPORT_INVALID', [{ row: 0, field: '', message: (err as Error).message }]);
  }
  const [header, ...body] = records;
  if (!header) return [];
  const keys = header.map((h) => h.trim().toLowerCase());
  return body.map((r, i) => ({ row: i + 2, values: Object.fromEntries(keys.map((k, j) => [k, r[j] ?? ''])) }));
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v)
      return v.result instanceof Date ? v.result.toISOString() : typeof v.result === 'object' ? '' : String(v.result ?? '');
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
  }
  return v instanceof Date ? v.toISOString() : typeof v === 'object' ? '' : String(v);
}

export async function parseXlsxRows(data: Buffer): Promise<ImportRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (err) {
    throw new AppError('IMPORT_INVALID', [{ row: 0, field: '', message: (err as Error).message }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const keys: string[] = [];
  ws.getRow(1).eachCell((c, col) => (keys[col] = cellText(c.value).trim().toLowerCase()));
  const rows: ImportRow[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const values: Record<string, string> = {};
    keys.forEach((k, col) => k && (values[k] = cellText(r.getCell(col).value).trim()));
    if (Object.values(values).some((v) => v !== '')) rows.push({ row: n, values });
  });
  return rows;
}
