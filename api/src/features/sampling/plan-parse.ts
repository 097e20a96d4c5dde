/**
 * Reads a sampling-plan workbook: a sheet of unit targets ("Chỉ tiêu": unit code, target or dossiers N)
 * and optionally a sheet of localities ("Địa bàn": district unit code, commune, hamlet, quota). Checks
 * every cell (presence, whole numbers, duplicates) and reports each problem with its sheet, row (as the
 * spreadsheet shows it, header = 1), column and a Vietnamese + English message. Checks that need the
 * database (unknown unit codes, non-district units) happen in plan-import.ts.
 */
import type { PlanError } from '@hailong/contracts';
import { DEFAULT_HAMLET_QUOTA } from '@hailong/contracts';
import { readWorkbook } from '../../lib/sheet-reader.ts';
import {
  isLocalitiesSheet,
  isTargetsSheet,
  localityColumns,
  LOCALITIES_SHEET,
  targetColumns,
  TARGETS_SHEET,
  type LocalityColumn,
  type TargetColumn,
} from './plan-columns.ts';

export interface TargetRow {
  row: number;
  unitCode: string;
  target: number | null;
  dossiers: number | null;
}
export interface LocalityRow {
  row: number;
  districtCode: string;
  commune: string;
  hamlet: string;
  quota: number;
}
export interface ParsedPlan {
  targets: TargetRow[];
  localities: LocalityRow[] | null;
  errors: PlanError[];
}
export interface PlanSheets {
  targets: string[][];
  localities: string[][] | null;
}

const LIMITS = { target: 1_000_000, dossiers: 100_000_000, quota: 100_000 } as const;

type Report = (row: number, column: string, vi: string, en: string) => void;

function reporter(sheet: string, errors: PlanError[]): Report {
  return (row, column, message, messageEn) => errors.push({ sheet, row, column, message, messageEn });
}

function wholeNumber(text: string, row: number, column: keyof typeof LIMITS, report: Report): number | null {
  if (text === '') return null;
  if (!/^\d+$/.test(text)) {
    report(row, column, `Phải là số nguyên không âm: "${text}"`, `Must be a non-negative whole number: "${text}"`);
    return null;
  }
  const n = Number(text);
  if (n > LIMITS[column]) {
    report(row, column, `Quá lớn (tối đa ${LIMITS[column]})`, `Too large (at most ${LIMITS[column]})`);
    return null;
  }
  return n;
}

function missingColumns(sheet: string, wanted: string[], found: Map<string, number>, report: Report): boolean {
  const missing = wanted.filter((c) => !found.has(c));
  for (const c of missing) report(1, c, `Trang "${sheet}" thiếu cột ${c}`, `Sheet "${sheet}" lacks column ${c}`);
  return missing.length > 0;
}

const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

function parseTargets(matrix: string[][], errors: PlanError[]): TargetRow[] {
  const report = reporter(TARGETS_SHEET, errors);
  const [head, ...body] = matrix;
  const cols = targetColumns(head ?? []);
  if (missingColumns(TARGETS_SHEET, ['unit_code'], cols, report)) return [];
  if (!cols.has('target') && !cols.has('dossiers')) {
    report(1, 'target', 'Cần cột chỉ tiêu phiếu hoặc số hồ sơ (N)', 'A target or a dossiers (N) column is required');
    return [];
  }
  const rows: TargetRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = i + 2;
    if (blank(cells)) return;
    const cell = (c: TargetColumn) => (cells[cols.get(c) ?? -1] ?? '').trim();
    const before = errors.length;
    const unitCode = cell('unit_code');
    if (unitCode === '') report(row, 'unit_code', 'Thiếu mã đơn vị', 'Unit code is missing');
    else if (seen.has(unitCode))
      report(row, 'unit_code', `Trùng mã đơn vị với dòng ${seen.get(unitCode)}`, `Same unit code as row ${seen.get(unitCode)}`);
    else seen.set(unitCode, row);
    const target = wholeNumber(cell('target'), row, 'target', report);
    const dossiers = wholeNumber(cell('dossiers'), row, 'dossiers', report);
    if (cell('target') === '' && cell('dossiers') === '')
      report(row, 'target', 'Cần chỉ tiêu phiếu hoặc số hồ sơ (N)', 'Enter a target or the dossiers N');
    if (errors.length === before) rows.push({ row, unitCode, target, dossiers });
  });
  if (rows.length === 0 && errors.length === 0)
    report(2, 'unit_code', 'Trang chỉ tiêu không có dòng dữ liệu', 'The targets sheet has no rows');
  return rows;
}

function parseLocalities(matrix: string[][], errors: PlanError[]): LocalityRow[] {
  const report = reporter(LOCALITIES_SHEET, errors);
  const [head, ...body] = matrix;
  const cols = localityColumns(head ?? []);
  if (missingColumns(LOCALITIES_SHEET, ['district_code', 'commune', 'hamlet'], cols, report)) return [];
  const rows: LocalityRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = i + 2;
    if (blank(cells)) return;
    const cell = (c: LocalityColumn) => (cells[cols.get(c) ?? -1] ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
    const before = errors.length;
    const [districtCode, commune, hamlet] = [cell('district_code'), cell('commune'), cell('hamlet')];
    if (districtCode === '') report(row, 'district_code', 'Thiếu mã huyện', 'District unit code is missing');
    // An empty commune is right for a commune-level unit (two-tier); plan-import.ts checks it against the unit.
    if (hamlet === '') report(row, 'hamlet', 'Thiếu tên ấp/khóm', 'Hamlet name is missing');
    if (commune.length > 200 || hamlet.length > 200)
      report(row, 'hamlet', 'Tên quá dài (tối đa 200 ký tự)', 'Name too long (at most 200 characters)');
    const key = JSON.stringify([districtCode, commune, hamlet]);
    if (errors.length === before) {
      if (seen.has(key)) report(row, 'hamlet', `Trùng ấp với dòng ${seen.get(key)}`, `Same hamlet as row ${seen.get(key)}`);
      else seen.set(key, row);
    }
    const quota = wholeNumber(cell('quota'), row, 'quota', report) ?? DEFAULT_HAMLET_QUOTA;
    if (errors.length === before) rows.push({ row, districtCode, commune, hamlet, quota });
  });
  return rows;
}

/** Pure: the sheets as text matrices → plan rows and every cell-level error. */
export function parsePlanSheets(sheets: PlanSheets): ParsedPlan {
  const errors: PlanError[] = [];
  const targets = parseTargets(sheets.targets, errors);
  // A localities sheet without data rows (as in the template) leaves the campaign's hamlet sample alone.
  const given = sheets.localities !== null && sheets.localities.slice(1).some((r) => !blank(r));
  const localities = given && sheets.localities ? parseLocalities(sheets.localities, errors) : null;
  return { targets, localities, errors };
}

function fileError(message: string, messageEn: string): ParsedPlan {
  return { targets: [], localities: null, errors: [{ sheet: '', row: 0, column: 'xlsx', message, messageEn }] };
}

/** The first sheet named like "Chỉ tiêu" (else the first sheet) and the one named like "Địa bàn", if any. */
export async function parsePlanWorkbook(data: Buffer, maxRows: number): Promise<ParsedPlan> {
  const read = await readWorkbook(
    data,
    { sheets: 'all', dates: 'iso' },
    { maxRows, what: { vi: 'kế hoạch chọn mẫu', en: 'sampling plan' } },
  );
  if (!read.ok) return fileError('Tệp Excel không đọc được (cần định dạng .xlsx)', 'The file is not a readable .xlsx workbook');
  const targets = read.sheets.find((ws) => isTargetsSheet(ws.name)) ?? read.sheets[0];
  if (!targets) return fileError('Tệp Excel không có trang tính nào', 'The workbook has no sheets');
  const localities = read.sheets.find((ws) => ws !== targets && isLocalitiesSheet(ws.name));
  return parsePlanSheets({ targets: targets.rows, localities: localities ? localities.rows : null });
}
