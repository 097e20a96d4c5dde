/**
 * Turns an uploaded respondent list (CSV text or XLSX workbook) into checked rows. Row numbers are
 * the line/row numbers the user sees in their spreadsheet (the header is row 1). Messages are
 * Vietnamese: they are shown as-is on the import page (with `messageEn` where there is one).
 */
import { respondentGroups, type RespondentGroup } from '@hailong/forms';
import type { RowError } from '@hailong/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { groupMismatch, type UnitKindOf } from './group-fit.ts';

export const REQUIRED_COLUMNS = ['full_name', 'email', 'unit_code', 'respondent_group'] as const;
/** Optional: the unit codes a respondent rates, separated by ";" or "," (docs/0018). */
export const RATED_UNITS_COLUMN = 'rated_units';
/** More rated units than this in one cell is a mistake, not a delegate. */
export const MAX_RATED_UNITS = 60;
/** Templates whose respondents may rate units other than their own (METHOD.md §3: delegates). */
const MULTI_UNIT_GROUPS: readonly RespondentGroup[] = ['T1'];

export interface RawRow {
  row: number;
  values: Record<string, string>;
}

export interface RespondentRow {
  row: number;
  fullName: string;
  email: string;
  phone: string | null;
  unitCode: string;
  group: RespondentGroup;
  /** The units the answers count for, in the order of the cell; the own unit when the cell is empty. */
  ratedUnitCodes: string[];
}

export class ImportProblems extends Error {
  constructor(readonly details: RowError[]) {
    super('import invalid');
  }
}

function normaliseHeader(h: string): string {
  return h.trim().toLowerCase().replace(/\s+/g, '_');
}

export function parseCsv(text: string): RawRow[] {
  let records: string[][];
  try {
    const rows: unknown = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false });
    records = rows as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    throw new ImportProblems([{ row: line, field: 'csv', message: `Tệp CSV không đúng định dạng: ${(err as Error).message}` }]);
  }
  return fromMatrix(records);
}

export async function parseXlsx(buf: Buffer): Promise<RawRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new ImportProblems([{ row: 0, field: 'xlsx', message: 'Tệp Excel không đọc được (cần định dạng .xlsx)' }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new ImportProblems([{ row: 0, field: 'xlsx', message: 'Tệp Excel không có trang tính nào' }]);
  const matrix: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    const vals = (r.values as unknown[]).slice(1).map((v) => cellText(v));
    matrix[n - 1] = vals;
  });
  return fromMatrix(
    matrix.map((r) => r ?? []),
    true,
  );
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; hyperlink?: unknown };
    if (typeof o.text === 'string') return o.text.trim();
    if (o.result !== undefined) return cellText(o.result);
    return '';
  }
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return typeof v === 'string' ? v.trim() : '';
}

function fromMatrix(records: string[][], keepRowNumbers = false): RawRow[] {
  const [header, ...rest] = records;
  if (!header)
    throw new ImportProblems([
      { row: 1, field: 'header', message: 'Tệp trống: cần dòng tiêu đề full_name,email,unit_code,respondent_group' },
    ]);
  const cols = header.map(normaliseHeader);
  const missing = REQUIRED_COLUMNS.filter((c) => !cols.includes(c));
  if (missing.length > 0) {
    throw new ImportProblems(missing.map((c) => ({ row: 1, field: c, message: `Thiếu cột ${c}` })));
  }
  return rest
    .map((r, i) => ({ row: i + 2, values: Object.fromEntries(cols.map((c, j) => [c, (r[j] ?? '').trim()])) }))
    .filter((r) => !keepRowNumbers || Object.values(r.values).some((v) => v !== ''));
}

const emailSchema = z.email();

export interface RowContext {
  /** Upper-cased unit code → the unit's kind (`units.group`: department, ward, …) and its tier, on the campaign's day. */
  unitKinds: Map<string, UnitKindOf>;
  /** Lower-cased emails already in the campaign. */
  existingEmails: Set<string>;
}

/** Checks every row; collects every problem rather than stopping at the first. */
export function checkRows(rows: RawRow[], ctx: RowContext): { rows: RespondentRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const out: RespondentRow[] = [];
  if (rows.length === 0) errors.push({ row: 2, field: 'file', message: 'Tệp không có dòng dữ liệu nào' });
  for (const { row, values } of rows) {
    const err = (field: string, message: string) => errors.push({ row, field, message });
    const fullName = values.full_name ?? '';
    const email = (values.email ?? '').toLowerCase();
    const unitCode = (values.unit_code ?? '').toUpperCase();
    const group = (values.respondent_group ?? '').toUpperCase();
    if (!fullName) err('full_name', 'Thiếu họ và tên');
    else if (fullName.length > 200) err('full_name', 'Họ và tên quá dài (tối đa 200 ký tự)');
    if (!emailSchema.safeParse(email).success) err('email', `Email không hợp lệ: "${values.email ?? ''}"`);
    else if (seen.has(email)) err('email', `Email trùng với dòng ${seen.get(email)} trong tệp`);
    else if (ctx.existingEmails.has(email)) err('email', 'Email đã có trong danh sách của đợt khảo sát');
    if (email) seen.set(email, seen.get(email) ?? row);
    const unitKind = ctx.unitKinds.get(unitCode);
    if (!unitKind) err('unit_code', `Không có đơn vị mã "${values.unit_code ?? ''}"`);
    const ratedCell = splitUnitCodes(values[RATED_UNITS_COLUMN] ?? '');
    const ratedUnitCodes = ratedCell.length > 0 ? ratedCell : [unitCode];
    if (!(respondentGroups as readonly string[]).includes(group))
      err('respondent_group', `Nhóm người trả lời phải là T1–T6, không phải "${values.respondent_group ?? ''}"`);
    else if (ratedCell.length > 0) {
      for (const e of checkRatedUnits(group as RespondentGroup, unitCode, ratedCell, ctx)) errors.push({ row, ...e });
    } else if (unitKind) {
      const mismatch = groupMismatch(group as RespondentGroup, unitCode, unitKind);
      if (mismatch) errors.push({ row, field: 'respondent_group', ...mismatch });
    }
    const phone = values.phone ? values.phone : null;
    if (phone && !/^[0-9 +().-]{6,20}$/.test(phone)) err('phone', `Số điện thoại không hợp lệ: "${phone}"`);
    out.push({ row, fullName, email, phone, unitCode, group: group as RespondentGroup, ratedUnitCodes });
  }
  return { rows: out, errors };
}

/** "ST16; ST30,st31" → ["ST16", "ST30", "ST31"] (either separator, any spacing, upper-cased). */
export function splitUnitCodes(cell: string): string[] {
  return cell
    .split(/[;,]/)
    .map((c) => c.trim().toUpperCase())
    .filter((c) => c !== '');
}

/**
 * A `rated_units` cell: every code known and of a kind the template rates, no code twice; only a
 * template that rates other units (T1) may name units other than the own one.
 */
function checkRatedUnits(group: RespondentGroup, unitCode: string, codes: string[], ctx: RowContext): Omit<RowError, 'row'>[] {
  const field = RATED_UNITS_COLUMN;
  const out: Omit<RowError, 'row'>[] = [];
  if (codes.length > MAX_RATED_UNITS)
    out.push({ field, message: `Quá nhiều đơn vị được đánh giá (${codes.length}; tối đa ${MAX_RATED_UNITS})` });
  const twice = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (twice.length > 0) out.push({ field, message: `Mã đơn vị lặp lại trong ô: ${[...new Set(twice)].join(', ')}` });
  if (!MULTI_UNIT_GROUPS.includes(group) && codes.some((c) => c !== unitCode))
    out.push({
      field,
      message: `Nhóm ${group} chỉ đánh giá đơn vị của mình (${unitCode}); chỉ nhóm T1 (đại biểu HĐND tỉnh) đánh giá nhiều đơn vị`,
      messageEn: `Group ${group} rates its own unit (${unitCode}) only; only T1 (People's Council delegates) rates several units`,
    });
  for (const code of new Set(codes)) {
    const kind = ctx.unitKinds.get(code);
    if (!kind) out.push({ field, message: `Không có đơn vị mã "${code}" trong danh sách đơn vị được đánh giá` });
    else {
      const mismatch = groupMismatch(group, code, kind);
      if (mismatch) out.push({ field, ...mismatch });
    }
  }
  return out;
}
