/**
 * An uploaded table (CSV text or the first sheet of an XLSX workbook) as a matrix of trimmed cell
 * texts, row 1 being the header as a spreadsheet shows it. A file that cannot be read gives
 * `problem` (Vietnamese, English) instead of a matrix. `readTable` reads off the event loop when the
 * file is large and refuses more data rows than the import allows (lib/sheet-reader.ts).
 */
import { parse } from 'csv-parse/sync';
import { readCsvRecords, readWorkbook, type SheetLimits } from './sheet-reader.ts';

export type TableUpload = { kind: 'csv'; text: string } | { kind: 'xlsx'; data: Buffer };
export type TableRead = { matrix: string[][] } | { problem: { row: number; vi: string; en: string } };

const CSV_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true };

const malformedCsv = (row: number): TableRead => ({
  problem: { row, vi: `Tệp CSV không đúng định dạng (dòng ${row})`, en: `The CSV file is malformed (line ${row})` },
});

/** The CSV in the request's thread (small texts and the parser's properties). */
export function readCsv(text: string): TableRead {
  try {
    const matrix: string[][] = parse(text, CSV_OPTIONS);
    return { matrix };
  } catch (err) {
    return malformedCsv((err as { lines?: number }).lines ?? 1);
  }
}

export async function readTable(upload: TableUpload, limits: SheetLimits): Promise<TableRead> {
  if (upload.kind === 'csv') {
    const read = await readCsvRecords(upload.text, CSV_OPTIONS, limits);
    return read.ok ? { matrix: read.sheets[0]?.rows ?? [] } : malformedCsv(read.line ?? 1);
  }
  const read = await readWorkbook(upload.data, { sheets: 'first', dates: 'day' }, limits);
  if (!read.ok)
    return {
      problem: {
        row: 0,
        vi: 'Tệp Excel không đọc được (cần định dạng .xlsx)',
        en: 'The Excel file cannot be read (.xlsx expected)',
      },
    };
  const ws = read.sheets[0];
  if (!ws) return { problem: { row: 0, vi: 'Tệp Excel không có trang tính nào', en: 'The workbook has no sheet' } };
  return { matrix: ws.rows };
}

/** A form workbook holds a few hundred rows per sheet; far more is not a questionnaire. */
const WORKBOOK_LIMITS: SheetLimits = { maxRows: 5_000, what: { vi: 'biểu mẫu', en: 'form workbook' } };

/** Every sheet of an XLSX workbook, by name in lower case, as matrices of trimmed cell texts. */
export async function readXlsxSheets(
  data: Buffer,
  limits: SheetLimits = WORKBOOK_LIMITS,
): Promise<{ sheets: Record<string, string[][]> } | { problem: { vi: string; en: string } }> {
  const read = await readWorkbook(data, { sheets: 'all', dates: 'iso' }, limits);
  if (!read.ok)
    return {
      problem: { vi: 'Tệp Excel không đọc được (cần định dạng .xlsx)', en: 'The Excel file cannot be read (.xlsx expected)' },
    };
  const sheets: Record<string, string[][]> = {};
  for (const ws of read.sheets) sheets[ws.name.trim().toLowerCase()] = Array.from(ws.rows, (r) => r ?? []);
  return { sheets };
}
