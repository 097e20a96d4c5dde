/**
 * Reads an appraised self-assessment upload (CSV text or XLSX workbook) keyed by unit_code:
 * columns `unit_code, self_assessment, max_points` (or `adjusted_max`), optional
 * `staff_survey_points`; other columns (e.g. the published table's) are ignored. Row numbers are
 * what the user sees in a spreadsheet (header = row 1). Messages are Vietnamese.
 */
import type { RowError } from '@hailong/contracts';
import { csvDelimiter, parseDecimal } from '../../lib/decimal.ts';
import { readCsvRecords, readWorkbook } from '../../lib/sheet-reader.ts';

export interface RawSelfAssessmentRow {
  row: number;
  unitCode: string;
  selfAssessment: number;
  maxPoints: number;
  staffSurveyPoints: number | null;
}

/** Rows whose cells are usable, and every problem found in the others (both may be non-empty). */
export interface ParsedUpload {
  rows: RawSelfAssessmentRow[];
  errors: RowError[];
}

/** Header aliases: the template's Vietnamese headers (normalised: lower case, `_` for spaces). */
const ALIASES: Record<string, string> = {
  adjusted_max: 'max_points',
  ma_don_vi: 'unit_code',
  mã_đơn_vị: 'unit_code',
  điểm_tự_đánh_giá: 'self_assessment',
  điểm_chuẩn_sau_hạ_chuẩn: 'max_points',
  điểm_khảo_sát_cbccvc: 'staff_survey_points',
};

/** The template's header of each column the import reads, in order (Vietnamese, read back by ALIASES). */
export const TEMPLATE_HEADERS = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Điểm tự đánh giá',
  'Điểm chuẩn sau hạ chuẩn',
  'Điểm khảo sát CBCCVC',
] as const;

const VALUE_COLUMNS = ['self_assessment', 'max_points', 'staff_survey_points'];

const problem = (row: number, field: string, message: string, messageEn: string): RowError => ({
  row,
  field,
  message,
  messageEn,
});

function header(cells: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  cells.forEach((c, i) => {
    const name = c.normalize('NFC').trim().toLowerCase().replace(/\s+/g, '_');
    const key = ALIASES[name] ?? name;
    if (!index.has(key)) index.set(key, i);
  });
  return index;
}

function numberCell(text: string, row: number, field: string, errors: RowError[], optional = false): number | null {
  if (text === '') {
    if (!optional) errors.push(problem(row, field, 'Ô trống', 'Empty cell'));
    return null;
  }
  const n = parseDecimal(text);
  if (n === null) {
    errors.push(problem(row, field, `Không phải số: "${text}"`, `Not a number: "${text}"`));
    return null;
  }
  if (n < 0) errors.push(problem(row, field, 'Không được âm', 'Must not be negative'));
  return n;
}

/** Checks cells (presence, numbers, duplicates); domain limits are checked against the unit later. */
export function rowsFromMatrix(matrix: string[][]): ParsedUpload {
  const [head, ...body] = matrix;
  const index = header(head ?? []);
  const missing = ['unit_code', 'self_assessment', 'max_points'].filter((c) => !index.has(c));
  if (missing.length > 0) return { rows: [], errors: missing.map((field) => problem(1, field, 'Thiếu cột', 'Missing column')) };
  const errors: RowError[] = [];
  const rows: RawSelfAssessmentRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = i + 2;
    const cell = (c: string): string => (index.has(c) ? (cells[index.get(c) ?? -1] ?? '').trim() : '');
    // A row with no figures (blank, or a template row not filled in) is not an error: that unit is left as it is.
    if (VALUE_COLUMNS.every((c) => cell(c) === '')) return;
    const unitCode = cell('unit_code');
    if (unitCode === '') errors.push(problem(row, 'unit_code', 'Thiếu mã đơn vị', 'Unit code missing'));
    else if (seen.has(unitCode))
      errors.push(
        problem(
          row,
          'unit_code',
          `Trùng mã đơn vị với dòng ${seen.get(unitCode)}`,
          `Same unit code as row ${seen.get(unitCode)}`,
        ),
      );
    else seen.set(unitCode, row);
    const selfAssessment = numberCell(cell('self_assessment'), row, 'self_assessment', errors);
    const maxPoints = numberCell(cell('max_points'), row, 'max_points', errors);
    const staffSurveyPoints = numberCell(cell('staff_survey_points'), row, 'staff_survey_points', errors, true);
    if (!errors.some((e) => e.row === row) && selfAssessment !== null && maxPoints !== null)
      rows.push({ row, unitCode, selfAssessment, maxPoints, staffSurveyPoints });
  });
  if (rows.length === 0 && errors.length === 0)
    errors.push(problem(2, 'unit_code', 'Tệp không có dòng nào có điểm', 'The file has no row with figures'));
  return { rows, errors };
}

const SELF_ASSESSMENTS = { vi: 'bảng tự đánh giá', en: 'self-assessment table' };

export async function parseCsvUpload(text: string, maxRows: number): Promise<ParsedUpload> {
  const read = await readCsvRecords(
    text,
    { bom: true, relax_column_count: true, skip_empty_lines: false, delimiter: csvDelimiter(text) },
    { maxRows, what: SELF_ASSESSMENTS },
  );
  if (read.ok) return rowsFromMatrix(read.sheets[0]?.rows ?? []);
  const line = read.line ?? 1;
  return {
    rows: [],
    errors: [problem(line, 'csv', `Tệp CSV không đúng định dạng: ${read.message}`, `The CSV file is malformed: ${read.message}`)],
  };
}

export async function parseXlsxUpload(data: Buffer, maxRows: number): Promise<ParsedUpload> {
  const read = await readWorkbook(data, { sheets: 'first', dates: 'iso' }, { maxRows, what: SELF_ASSESSMENTS });
  if (!read.ok)
    return {
      rows: [],
      errors: [
        problem(0, 'xlsx', 'Tệp Excel không đọc được (cần định dạng .xlsx)', 'The Excel file cannot be read (.xlsx needed)'),
      ],
    };
  const ws = read.sheets[0];
  if (!ws)
    return { rows: [], errors: [problem(0, 'xlsx', 'Tệp Excel không có trang tính nào', 'The Excel file has no worksheet')] };
  return rowsFromMatrix(ws.rows);
}
