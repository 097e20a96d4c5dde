/**
 * Turns an uploaded CSV or XLSX sheet into rows keyed by header (lower-cased, trimmed). Row numbers
 * are the spreadsheet's (header = row 1), so per-row errors point where the admin looks. Read off the
 * event loop when large, and refused past ACCOUNT_IMPORT_MAX_ROWS (lib/sheet-reader.ts).
 */
import { AppError } from '../../errors.ts';
import { readCsvRecords, readWorkbook } from '../../lib/sheet-reader.ts';
import type { ImportRow } from './service.ts';

const ACCOUNT_LIST = { vi: 'danh sách tài khoản', en: 'account list' };

export async function parseCsvRows(text: string, maxRows: number): Promise<ImportRow[]> {
  const read = await readCsvRecords(
    text,
    { columns: false, bom: true, skip_empty_lines: true, trim: true, relax_column_count: true },
    { maxRows, what: ACCOUNT_LIST },
  );
  if (!read.ok) throw new AppError('IMPORT_INVALID', [{ row: read.line ?? 0, field: '', message: read.message }]);
  const [header, ...body] = read.sheets[0]?.rows ?? [];
  if (!header) return [];
  const keys = header.map((h) => h.trim().toLowerCase());
  return body.map((r, i) => ({ row: i + 2, values: Object.fromEntries(keys.map((k, j) => [k, r[j] ?? ''])) }));
}

export async function parseXlsxRows(data: Buffer, maxRows: number): Promise<ImportRow[]> {
  const read = await readWorkbook(data, { sheets: 'first', dates: 'iso' }, { maxRows, what: ACCOUNT_LIST });
  if (!read.ok) throw new AppError('IMPORT_INVALID', [{ row: 0, field: '', message: read.message }]);
  const sheet = read.sheets[0];
  if (!sheet) return [];
  const [header = [], ...body] = sheet.rows;
  const keys = header.map((c) => c.toLowerCase());
  const rows: ImportRow[] = [];
  body.forEach((r, i) => {
    const values: Record<string, string> = {};
    keys.forEach((k, col) => k && (values[k] = r[col] ?? ''));
    if (Object.values(values).some((v) => v !== '')) rows.push({ row: i + 2, values });
  });
  return rows;
}
