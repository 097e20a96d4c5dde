/**
 * An uploaded table (CSV text or the first sheet of an XLSX workbook) as a matrix of trimmed cell
 * texts, row 1 being the header as a spreadsheet shows it. A file that cannot be read gives
 * `problem` (Vietnamese, English) instead of a matrix.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export type TableUpload = { kind: 'csv'; text: string } | { kind: 'xlsx'; data: Buffer };
export type TableRead = { matrix: string[][] } | { problem: { row: number; vi: string; en: string } };

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return cellText(v.result);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return typeof v === 'object' ? '' : String(v);
}

export function readCsv(text: string): TableRead {
  try {
    const matrix: string[][] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true });
    return { matrix };
  } catch (err) {
    const row = (err as { lines?: number }).lines ?? 1;
    return { problem: { row, vi: `Tệp CSV không đúng định dạng (dòng ${row})`, en: `The CSV file is malformed (line ${row})` } };
  }
}

export async function readXlsx(data: Buffer): Promise<TableRead> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return {
      problem: {
        row: 0,
        vi: 'Tệp Excel không đọc được (cần định dạng .xlsx)',
        en: 'The Excel file cannot be read (.xlsx expected)',
      },
    };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { problem: { row: 0, vi: 'Tệp Excel không có trang tính nào', en: 'The workbook has no sheet' } };
  const matrix: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    matrix[n - 1] = (r.values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v).trim());
  });
  return { matrix: Array.from(matrix, (r) => r ?? []) };
}

export async function readTable(upload: TableUpload): Promise<TableRead> {
  return upload.kind === 'csv' ? readCsv(upload.text) : readXlsx(upload.data);
}
