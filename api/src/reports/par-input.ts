/**
 * Reads the PAR table that the appraisal produced (one row per unit) from CSV and checks it before
 * anything is computed. Every problem is tied to the row a user sees in a spreadsheet (the header
 * is row 1) and the column name, with a Vietnamese and an English message, so one run lists every
 * bad row. Domain rules (limits, groups, duplicates) come from `@hailong/scoring`; this module only
 * adds what is specific to text input: columns, empty cells, numbers.
 */
import { parse } from 'csv-parse/sync';
import { csvDelimiter, parseDecimal } from '../lib/decimal.ts';
import {
  findDuplicateUnits,
  parGroups,
  resolveParSettings,
  validateParUnit,
  type ParSettingsInput,
  type ParUnitInput,
  type ScoringIssue,
} from '@hailong/scoring';

export const parInputColumns = [
  'unit_code',
  'unit_name',
  'group',
  'max_points',
  'self_assessment',
  'staff_survey_points',
  'sipas_percent',
] as const;
export type ParInputColumn = (typeof parInputColumns)[number];

type NumericColumn = 'max_points' | 'self_assessment' | 'staff_survey_points' | 'sipas_percent';

/** Column of each `ParUnitInput` field (and of the computed total, for messages). */
const columnOfField: Record<string, string> = {
  unitCode: 'unit_code',
  unitName: 'unit_name',
  group: 'group',
  maxPoints: 'max_points',
  selfAssessment: 'self_assessment',
  staffSurveyPoints: 'staff_survey_points',
  sipasPercent: 'sipas_percent',
  totalPoints: 'total_points',
};

export interface ParInputProblem {
  field: string;
  vi: string;
  en: string;
}

/** All problems of one row; `row` counts like a spreadsheet (header = 1, first data row = 2). */
export interface ParInputRowError {
  row: number;
  problems: ParInputProblem[];
}

export type ParInputResult = { ok: true; units: ParUnitInput[] } | { ok: false; errors: ParInputRowError[] };

function problem(field: string, vi: string, en: string): ParInputProblem {
  return { field, vi, en };
}

/** Vietnamese and English text of a scoring issue. */
function describeIssue(issue: ScoringIssue, value: string, rowOfFirst?: number): ParInputProblem {
  const field = columnOfField[issue.field] ?? issue.field;
  const limit = issue.limit === undefined ? '' : ` ${issue.limit}`;
  switch (issue.reason) {
    case 'negative':
      return problem(field, 'không được âm', 'must not be negative');
    case 'not_positive':
      return problem(field, 'phải lớn hơn 0', 'must be greater than 0');
    case 'above_100':
      return problem(field, 'vượt quá 100', 'above 100');
    case 'above_max':
      return field === 'total_points'
        ? problem(field, `tổng điểm vượt điểm chuẩn tối đa${limit}`, `total points above the maximum${limit}`)
        : problem(field, `vượt điểm tối đa${limit}`, `above the maximum${limit}`);
    case 'unknown_group': {
      const known = parGroups.join(', ');
      return problem(field, `nhóm không hợp lệ "${value}" (${known})`, `unknown group "${value}" (${known})`);
    }
    case 'duplicate':
      return problem(field, `trùng mã đơn vị với dòng ${rowOfFirst}`, `duplicate unit code (row ${rowOfFirst})`);
    case 'missing':
      return problem(field, 'trống', 'empty');
    default:
      return problem(field, 'không hợp lệ', 'invalid');
  }
}

/** One line per bad row: `dòng 2 / row 2: self_assessment: không phải số / not a number`. */
export function formatParInputError(error: ParInputRowError): string {
  const parts = error.problems.map((p) => `${p.field}: ${p.vi} / ${p.en}`);
  return `dòng ${error.row} / row ${error.row}: ${parts.join('; ')}`;
}

function readTable(text: string | Buffer): { records: string[][] } | { error: ParInputRowError } {
  try {
    const records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      delimiter: csvDelimiter(text),
    });
    return { records };
  } catch (e) {
    const lines = typeof (e as { lines?: unknown }).lines === 'number' ? (e as { lines: number }).lines : 1;
    const message = e instanceof Error ? e.message : String(e);
    return { error: { row: lines, problems: [problem('csv', `CSV không hợp lệ (${message})`, `invalid CSV (${message})`)] } };
  }
}

function headerIndex(header: readonly string[]): Map<ParInputColumn, number> | ParInputRowError {
  const names = header.map((h) => h.trim().toLowerCase());
  const index = new Map<ParInputColumn, number>();
  const missing: ParInputProblem[] = [];
  for (const column of parInputColumns) {
    const at = names.indexOf(column);
    if (at < 0) missing.push(problem(column, 'thiếu cột', 'missing column'));
    else index.set(column, at);
  }
  return missing.length > 0 ? { row: 1, problems: missing } : index;
}

function readRow(
  cells: readonly string[],
  index: Map<ParInputColumn, number>,
): { unit: ParUnitInput; problems: ParInputProblem[] } {
  const cell = (c: ParInputColumn): string => cells[index.get(c) ?? -1] ?? '';
  const problems: ParInputProblem[] = [];
  for (const column of ['unit_code', 'unit_name', 'group'] as const) {
    if (cell(column) === '') problems.push(problem(column, 'trống', 'empty'));
  }
  const number = (column: NumericColumn): number => {
    const text = cell(column);
    if (text === '') problems.push(problem(column, 'trống', 'empty'));
    const n = parseDecimal(text);
    if (text !== '' && n === null) problems.push(problem(column, `không phải số "${text}"`, `not a number "${text}"`));
    return n ?? Number.NaN;
  };
  const unit: ParUnitInput = {
    unitCode: cell('unit_code'),
    unitName: cell('unit_name'),
    group: cell('group'),
    maxPoints: number('max_points'),
    selfAssessment: number('self_assessment'),
    staffSurveyPoints: number('staff_survey_points'),
    sipasPercent: number('sipas_percent'),
  };
  return { unit, problems };
}

/** Domain problems of a row whose cells are all present and numeric (others were reported already). */
function ruleProblems(
  unit: ParUnitInput,
  cellProblems: readonly ParInputProblem[],
  settings: ParSettingsInput,
): ParInputProblem[] {
  const reported = new Set(cellProblems.map((p) => p.field));
  return validateParUnit(unit, resolveParSettings(settings))
    .filter((issue) => issue.reason !== 'not_finite' && !reported.has(columnOfField[issue.field] ?? issue.field))
    .map((issue) => describeIssue(issue, issue.field === 'group' ? unit.group : ''));
}

/** Parses and checks a PAR input table; returns the units or every bad row. */
export function parseParCsv(text: string | Buffer, settings: ParSettingsInput = {}): ParInputResult {
  const table = readTable(text);
  if ('error' in table) return { ok: false, errors: [table.error] };
  const [header, ...rows] = table.records;
  if (!header) return { ok: false, errors: [{ row: 1, problems: [problem('csv', 'tệp trống', 'empty file')] }] };
  const index = headerIndex(header);
  if (!(index instanceof Map)) return { ok: false, errors: [index] };
  const units: { row: number; unit: ParUnitInput }[] = [];
  const errors = new Map<number, ParInputProblem[]>();
  rows.forEach((cells, i) => {
    if (cells.every((c) => c === '')) return; // a blank line
    const row = i + 2;
    const { unit, problems } = readRow(cells, index);
    const all = [...problems, ...ruleProblems(unit, problems, settings)];
    if (all.length > 0) errors.set(row, all);
    units.push({ row, unit });
  });
  for (const { index: at, firstIndex } of findDuplicateUnits(units.map((u) => u.unit))) {
    const { row, unit } = units[at] ?? { row: 0, unit: undefined };
    if (!unit || unit.unitCode === '') continue;
    const issue: ScoringIssue = { unitCode: unit.unitCode, field: 'unitCode', reason: 'duplicate' };
    errors.set(row, [...(errors.get(row) ?? []), describeIssue(issue, '', units[firstIndex]?.row)]);
  }
  if (units.length === 0 && errors.size === 0) errors.set(2, [problem('csv', 'không có dòng dữ liệu', 'no data rows')]);
  if (errors.size > 0) {
    const sorted = [...errors].sort(([a], [b]) => a - b).map(([row, problems]) => ({ row, problems }));
    return { ok: false, errors: sorted };
  }
  return { ok: true, units: units.map((u) => u.unit) };
}
