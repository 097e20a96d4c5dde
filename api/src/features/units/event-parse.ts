/**
 * Reads a reorganisation file (rows `event,from_codes,to_codes,name,group,effective_date,basis`, an
 * optional `province` column) and checks every cell that needs no database: the event kind, code
 * lists (`;`-separated), the shape each kind needs, a calendar date (YYYY-MM-DD or DD/MM/YYYY) and a
 * legal basis. Row numbers are what a spreadsheet shows (header = 1). Checks against the registry
 * happen in event-apply.ts.
 */
import { unitEventKindValues, type UnitEventError, type UnitEventKindValue } from '@hailong/contracts';

export interface EventRow {
  row: number;
  event: UnitEventKindValue;
  fromCodes: string[];
  toCodes: string[];
  /** Names (and kinds) of the target units, positionally; one value applies to every target. */
  names: string[];
  groups: string[];
  effectiveDate: string;
  basis: string;
  province: string | null;
}

export const EVENT_COLUMNS = ['event', 'from_codes', 'to_codes', 'name', 'group', 'effective_date', 'basis'] as const;
const CODE = /^[A-Z0-9_.-]{1,20}$/;
const MAX_ROWS = 5000;

type Report = (column: string, vi: string, en: string) => void;

function list(text: string): string[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** YYYY-MM-DD or DD/MM/YYYY → YYYY-MM-DD when it is a real calendar day. */
export function parseDay(text: string): string | null {
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = dmy ? `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}` : text;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}

function codes(text: string, column: string, report: Report): string[] {
  const out = list(text).map((c) => c.toUpperCase());
  for (const c of out) if (!CODE.test(c)) report(column, `Mã đơn vị không hợp lệ: "${c}"`, `Invalid unit code: "${c}"`);
  const dup = out.find((c, i) => out.indexOf(c) !== i);
  if (dup) report(column, `Mã "${dup}" lặp lại`, `Code "${dup}" is repeated`);
  return out;
}

/** The number of from/to codes each kind takes. */
function checkShape(event: UnitEventKindValue, from: string[], to: string[], names: string[], report: Report): void {
  const need = (ok: boolean, column: string, vi: string, en: string) => ok || report(column, vi, en);
  if (from.length === 0) report('from_codes', 'Thiếu mã đơn vị cũ', 'No unit code to change');
  switch (event) {
    case 'rename':
      need(from.length <= 1, 'from_codes', 'Đổi tên: chỉ một đơn vị', 'Rename: exactly one unit');
      need(
        to.length === 0 || (to.length === 1 && to[0] === from[0]),
        'to_codes',
        'Đổi tên: mã mới phải trùng mã cũ (mã đơn vị không đổi)',
        'Rename: the code stays the same in both columns',
      );
      need(names.length === 1, 'name', 'Đổi tên: cần đúng một tên mới', 'Rename: exactly one new name');
      break;
    case 'merge':
      // One source is allowed: its partners may lie outside this registry (another province's department).
      need(to.length === 1, 'to_codes', 'Hợp nhất: cần đúng một đơn vị mới', 'Merge: exactly one resulting unit');
      need(
        from.length !== 1 || to[0] !== from[0],
        'to_codes',
        'Hợp nhất một đơn vị vào chính nó: hãy dùng đổi tên (rename)',
        'Merging a unit into itself: use rename',
      );
      break;
    case 'split':
      need(from.length <= 1, 'from_codes', 'Chia tách: chỉ một đơn vị cũ', 'Split: exactly one unit');
      need(to.length >= 2, 'to_codes', 'Chia tách: cần ít nhất hai đơn vị mới', 'Split: at least two resulting units');
      break;
    case 'transfer':
      need(
        to.length <= 1,
        'to_codes',
        'Chuyển: tối đa một đơn vị cấp trên mới (để trống: trực thuộc tỉnh)',
        'Transfer: at most one new parent (empty: directly under the province)',
      );
      break;
    case 'dissolve':
      need(to.length === 0, 'to_codes', 'Giải thể: không có đơn vị mới', 'Dissolve: no resulting unit');
      break;
  }
}

function parseRow(cells: (c: string) => string, row: number, errors: UnitEventError[]): EventRow | null {
  const before = errors.length;
  const report: Report = (column, message, messageEn) => errors.push({ row, column, message, messageEn });
  const eventText = cells('event').toLowerCase();
  const event = (unitEventKindValues as readonly string[]).includes(eventText) ? (eventText as UnitEventKindValue) : null;
  if (!event)
    report(
      'event',
      `Loại sự kiện "${eventText}" không hợp lệ (${unitEventKindValues.join(', ')})`,
      `Unknown event "${eventText}" (${unitEventKindValues.join(', ')})`,
    );
  const fromCodes = codes(cells('from_codes'), 'from_codes', report);
  const toCodes = codes(cells('to_codes'), 'to_codes', report);
  const names = list(cells('name'));
  const groups = list(cells('group'));
  const effectiveDate = parseDay(cells('effective_date'));
  if (!effectiveDate)
    report(
      'effective_date',
      `Ngày hiệu lực không hợp lệ: "${cells('effective_date')}" (YYYY-MM-DD hoặc DD/MM/YYYY)`,
      `Invalid effective date: "${cells('effective_date')}" (YYYY-MM-DD or DD/MM/YYYY)`,
    );
  const basis = cells('basis');
  if (basis === '')
    report('basis', 'Thiếu căn cứ pháp lý (số quyết định, nghị quyết)', 'The legal basis (decision number) is missing');
  else if (basis.length > 500) report('basis', 'Căn cứ quá dài (tối đa 500 ký tự)', 'Basis too long (at most 500 characters)');
  if (names.some((n) => n.length > 300))
    report('name', 'Tên quá dài (tối đa 300 ký tự)', 'Name too long (at most 300 characters)');
  if (event) checkShape(event, fromCodes, toCodes, names, report);
  if (errors.length > before || !event || !effectiveDate) return null;
  return {
    row,
    event,
    fromCodes,
    toCodes: event === 'rename' ? fromCodes : toCodes,
    names,
    groups,
    effectiveDate,
    basis,
    province: cells('province').toUpperCase() || null,
  };
}

export function eventRowsFromMatrix(matrix: string[][]): { rows: EventRow[]; errors: UnitEventError[] } {
  const [head, ...body] = matrix;
  const index = new Map((head ?? []).map((c, i) => [c.trim().toLowerCase().replace(/\s+/g, '_'), i] as const));
  const missing = EVENT_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0)
    return {
      rows: [],
      errors: missing.map((column) => ({
        row: 1,
        column,
        message: `Thiếu cột ${column}`,
        messageEn: `Column ${column} is missing`,
      })),
    };
  if (body.length > MAX_ROWS)
    return {
      rows: [],
      errors: [{ row: MAX_ROWS + 2, column: 'event', message: `Tối đa ${MAX_ROWS} dòng`, messageEn: `At most ${MAX_ROWS} rows` }],
    };
  const errors: UnitEventError[] = [];
  const rows: EventRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (c: string): string => (cells[index.get(c) ?? -1] ?? '').trim();
    const parsed = parseRow(cell, i + 2, errors);
    if (parsed) rows.push(parsed);
  });
  if (rows.length === 0 && errors.length === 0)
    errors.push({ row: 2, column: 'event', message: 'Tệp không có dòng dữ liệu', messageEn: 'The file has no data rows' });
  return { rows, errors };
}
