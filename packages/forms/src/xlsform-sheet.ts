/**
 * Reading the sheets of an XLSForm-style workbook: columns found by header name, every problem
 * reported against its cell ("survey!E12") in Vietnamese and English, and the three small sheets
 * (`settings`, `choices`, `scoring`) read into plain records.
 */
import type { LocalizedText, Question } from './definition.ts';

export interface WorkbookError {
  sheet: string;
  /** Row as the spreadsheet shows it (the header is row 1). */
  row: number;
  column: string;
  /** "survey!E12" */
  cell: string;
  message: string;
  messageEn: string;
}

export type Sheets = Readonly<Record<string, readonly (readonly string[])[] | undefined>>;

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export class Errors {
  readonly list: WorkbookError[] = [];
  add(sheet: string, row: number, column: string, columnIndex: number, vi: string, en: string): void {
    const cell = `${sheet}!${columnLetter(Math.max(columnIndex, 0))}${row}`;
    this.list.push({ sheet, row, column, cell, message: `${cell}: ${vi}`, messageEn: `${cell}: ${en}` });
  }
}

/** One sheet: the header row names the columns; `at(r, 'name')` reads a trimmed cell of data row r. */
export class Table {
  readonly rows: { line: number; cells: readonly string[] }[];
  private readonly index = new Map<string, number>();
  private readonly byLine = new Map<number, readonly string[]>();
  constructor(
    readonly name: string,
    raw: readonly (readonly string[])[],
    private readonly errors: Errors,
  ) {
    (raw[0] ?? []).forEach((h, i) => {
      const key = h.trim().toLowerCase();
      if (key && !this.index.has(key)) this.index.set(key, i);
    });
    this.rows = raw
      .slice(1)
      .map((cells, i) => ({ line: i + 2, cells }))
      .filter((r) => r.cells.some((c) => c.trim() !== ''));
    for (const r of this.rows) this.byLine.set(r.line, r.cells);
  }
  has(column: string): boolean {
    return this.index.has(column);
  }
  at(line: number, column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (this.byLine.get(line)?.[i] ?? '').trim();
  }
  error(line: number, column: string, vi: string, en: string): void {
    this.errors.add(this.name, line, column, this.index.get(column) ?? 0, vi, en);
  }
  /** Both labels of `prefix` (label, hint, title…), or an error naming the missing one when `required`. */
  text(line: number, prefix: string, required: boolean): LocalizedText | undefined {
    const vi = this.at(line, `${prefix}::vi`);
    const en = this.at(line, `${prefix}::en`);
    if (vi && en) return { vi, en };
    if (!required && !vi && !en) return undefined;
    const missing = vi ? `${prefix}::en` : `${prefix}::vi`;
    this.error(line, missing, `Thiếu ${missing}`, `${missing} is missing`);
    return undefined;
  }
}

export const CODE = /^[A-Za-z0-9_.-]{1,40}$/;

export function checkCode(t: Table, line: number, column: string): string | null {
  const v = t.at(line, column);
  if (CODE.test(v)) return v;
  t.error(
    line,
    column,
    v ? `Mã "${v}" chỉ được gồm chữ, số, _ . - (tối đa 40 ký tự)` : `Thiếu ${column}`,
    v ? `Code "${v}" may only hold letters, digits, _ . - (at most 40)` : `${column} is missing`,
  );
  return null;
}

export type Option = NonNullable<Question['options']>[number];

/** choices: list_name → options, in sheet order; duplicates and missing labels are errors. */
export function readChoices(t: Table): Map<string, Option[]> {
  const lists = new Map<string, Option[]>();
  for (const { line } of t.rows) {
    const list = t.at(line, 'list_name');
    if (!list) {
      t.error(line, 'list_name', 'Thiếu list_name', 'list_name is missing');
      continue;
    }
    const code = checkCode(t, line, 'name');
    const label = t.text(line, 'label', true);
    if (!code || !label) continue;
    const options = lists.get(list) ?? [];
    if (options.some((o) => o.code === code)) {
      t.error(line, 'name', `Lựa chọn "${code}" lặp lại trong danh sách ${list}`, `Option "${code}" repeats in list ${list}`);
      continue;
    }
    options.push({ code, label });
    lists.set(list, options);
  }
  return lists;
}

export interface ScoringRow {
  line: number;
  type: string;
  name: string;
  label: LocalizedText | undefined;
  question: string;
  values: string;
  weight: string;
}

export const SCORING_TYPES = ['component', 'overall', 'staff_item', 'option_weight', 'perception', 'expectation'] as const;

export function readScoring(t: Table | null): ScoringRow[] {
  if (!t) return [];
  return t.rows.flatMap(({ line }): ScoringRow[] => {
    const type = t.at(line, 'type');
    if (!(SCORING_TYPES as readonly string[]).includes(type)) {
      t.error(
        line,
        'type',
        `Loại "${type}" không có; dùng ${SCORING_TYPES.join(', ')}`,
        `Unknown type "${type}"; use ${SCORING_TYPES.join(', ')}`,
      );
      return [];
    }
    const named = type !== 'overall';
    const name = named ? checkCode(t, line, 'name') : '';
    if (name === null) return [];
    const needsLabel = ['component', 'staff_item', 'perception', 'expectation'].includes(type);
    const label = needsLabel ? t.text(line, 'label', true) : undefined;
    return [
      { line, type, name, label, question: t.at(line, 'question'), values: t.at(line, 'values'), weight: t.at(line, 'weight') },
    ];
  });
}
