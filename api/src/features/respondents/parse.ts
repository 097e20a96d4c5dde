/**
 * Turns an uploaded respondent list (CSV text or XLSX workbook) into checked rows. Row numbers are
 * the line/row numbers the user sees in their spreadsheet (the header is row 1). Messages are
 * Vietnamese: they are shown as-is on the import page (with `messageEn` where there is one).
 */
import { respondentGroups, type RespondentGroup } from '@hailong/forms';
import type { RowError } from '@hailong/contracts';
import { z } from 'zod';
import { ITEMS_PER_TURN, nextTurn } from '../../lib/in-turns.ts';
import { readCsvRecords, readWorkbook } from '../../lib/sheet-reader.ts';
import { groupMismatch, type UnitKindOf } from './group-fit.ts';

export const REQUIRED_COLUMNS = ['full_name', 'email', 'unit_code', 'respondent_group'] as const;
/** Optional: the unit codes a respondent rates, separated by ";" or "," (docs/0018). */
export const RATED_UNITS_COLUMN = 'rated_units';
/** More rated units than this in one cell is a mistake, not a delegate. */
export const MAX_RATED_UNITS = 60;
/** Templates whose respondents may rate units other than their own (METHOD.md §3: delegates). */
const MULTI_UNIT_GROUPS: readonly RespondentGroup[] = ['T1'];

export type Upload = { kind: 'csv'; text: string } | { kind: 'xlsx'; data: Buffer };

/** A data row's cells as read (trimmed), in the file's column order. */
export interface RawRow {
  row: number;
  cells: string[];
}

/**
 * The rows and where each column is. Cells stay arrays: building one keyed object per row made
 * 61,100 rows a garbage-collection pause of over a second on the request's thread.
 */
export interface RawTable {
  columns: ReadonlyMap<string, number>;
  rows: RawRow[];
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

const CSV_OPTIONS = { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false };

export const RESPONDENT_LIST = { vi: 'danh sách người trả lời', en: 'respondent list' };

/** The upload's rows keyed by header; over `maxRows` data rows → IMPORT_TOO_MANY_ROWS before the rest is read. */
export async function readRespondentRows(upload: Upload, maxRows: number): Promise<RawTable> {
  const limits = { maxRows, what: RESPONDENT_LIST };
  if (upload.kind === 'csv') {
    const read = await readCsvRecords(upload.text, CSV_OPTIONS, limits);
    if (!read.ok)
      throw new ImportProblems([{ row: read.line ?? 0, field: 'csv', message: `Tệp CSV không đúng định dạng: ${read.message}` }]);
    return fromMatrix(read.sheets[0]?.rows ?? []);
  }
  const read = await readWorkbook(upload.data, { sheets: 'first', dates: 'none' }, limits);
  if (!read.ok) throw new ImportProblems([{ row: 0, field: 'xlsx', message: 'Tệp Excel không đọc được (cần định dạng .xlsx)' }]);
  const ws = read.sheets[0];
  if (!ws) throw new ImportProblems([{ row: 0, field: 'xlsx', message: 'Tệp Excel không có trang tính nào' }]);
  return fromMatrix(ws.rows, true);
}

function fromMatrix(records: string[][], keepRowNumbers = false): RawTable {
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
  const rows: RawRow[] = [];
  rest.forEach((cells, i) => {
    if (!keepRowNumbers || cells.some((v) => v !== '')) rows.push({ row: i + 2, cells });
  });
  return { columns: new Map(cols.map((c, j) => [c, j])), rows };
}

const emailSchema = z.email();

export interface RowContext {
  /** Upper-cased unit code → the unit's kind (`units.group`: department, ward, …) and its tier, on the campaign's day. */
  unitKinds: Map<string, UnitKindOf>;
  /** Lower-cased emails already in the campaign. */
  existingEmails: Set<string>;
}

/** Checks every row; collects every problem rather than stopping at the first. */
export async function checkRows(
  { columns, rows }: RawTable,
  ctx: RowContext,
): Promise<{ rows: RespondentRow[]; errors: RowError[] }> {
  const at = (name: string) => columns.get(name) ?? -1;
  const col = {
    name: at('full_name'),
    email: at('email'),
    unit: at('unit_code'),
    rated: at(RATED_UNITS_COLUMN),
    group: at('respondent_group'),
    phone: at('phone'),
  };
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const out: RespondentRow[] = [];
  if (rows.length === 0) errors.push({ row: 2, field: 'file', message: 'Tệp không có dòng dữ liệu nào' });
  for (const [i, { row, cells }] of rows.entries()) {
    if (i > 0 && i % ITEMS_PER_TURN === 0) await nextTurn();
    const err = (field: string, message: string) => errors.push({ row, field, message });
    const fullName = cells[col.name] ?? '';
    const rawEmail = cells[col.email] ?? '';
    const rawUnit = cells[col.unit] ?? '';
    const rawGroup = cells[col.group] ?? '';
    const email = rawEmail.toLowerCase();
    const unitCode = rawUnit.toUpperCase();
    const group = rawGroup.toUpperCase();
    if (!fullName) err('full_name', 'Thiếu họ và tên');
    else if (fullName.length > 200) err('full_name', 'Họ và tên quá dài (tối đa 200 ký tự)');
    if (!emailSchema.safeParse(email).success) err('email', `Email không hợp lệ: "${rawEmail}"`);
    else if (seen.has(email)) err('email', `Email trùng với dòng ${seen.get(email)} trong tệp`);
    else if (ctx.existingEmails.has(email)) err('email', 'Email đã có trong danh sách của đợt khảo sát');
    if (email) seen.set(email, seen.get(email) ?? row);
    const unitKind = ctx.unitKinds.get(unitCode);
    if (!unitKind) err('unit_code', `Không có đơn vị mã "${rawUnit}"`);
    const ratedCell = splitUnitCodes(cells[col.rated] ?? '');
    const ratedUnitCodes = ratedCell.length > 0 ? ratedCell : [unitCode];
    if (!(respondentGroups as readonly string[]).includes(group))
      err('respondent_group', `Nhóm người trả lời phải là T1–T6, không phải "${rawGroup}"`);
    else if (ratedCell.length > 0) {
      for (const e of checkRatedUnits(group as RespondentGroup, unitCode, ratedCell, ctx)) errors.push({ row, ...e });
    } else if (unitKind) {
      const mismatch = groupMismatch(group as RespondentGroup, unitCode, unitKind);
      if (mismatch) errors.push({ row, field: 'respondent_group', ...mismatch });
    }
    const phone = cells[col.phone] || null;
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
