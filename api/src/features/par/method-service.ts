/**
 * The PAR method of a year (docs/0012). A year without a method gets a copy of the nearest earlier
 * year's (version 1, basis `copy`) the first time it is needed, so a later edit of that earlier
 * year does not change it. Saving checks the method (400 PAR_METHOD_INVALID, one detail per field),
 * asks for `confirm: true` once the year has results (409), adds a version and is audited.
 */
import type { ParMethodResponse } from '@hailong/contracts';
import type { Db, DbOrTx } from '@hailong/db';
import { checkParMethod, copyParMethod, parMethod2021, type ParMethod, type ParMethodIssue } from '@hailong/scoring';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record.ts';
import { currentMethodRow, insertMethodVersion, nearestMethodRow, yearHasResults, type ParMethodRow } from './method-repo.ts';

/** The method row in force for `year`, creating the year's copy of the nearest earlier year when it has none. */
export async function methodRowOf(db: DbOrTx, year: number): Promise<ParMethodRow> {
  const current = await currentMethodRow(db, year);
  if (current) return current;
  const nearest = await nearestMethodRow(db, year);
  const copy = {
    year,
    version: 1,
    method: copyParMethod(nearest?.method ?? parMethod2021),
    basis: 'copy' as const,
    copiedFromYear: nearest?.year ?? null,
  };
  return (await insertMethodVersion(db, copy)) ?? (await currentMethodRow(db, year)) ?? { ...copy, createdAt: new Date() };
}

/** The method in force for `year`. */
export async function methodOf(db: DbOrTx, year: number): Promise<ParMethod> {
  return (await methodRowOf(db, year)).method;
}

function toResponse(row: ParMethodRow, hasResults: boolean): ParMethodResponse {
  return {
    year: row.year,
    version: row.version,
    basis: row.basis,
    copiedFromYear: row.copiedFromYear,
    savedAt: row.createdAt.toISOString(),
    hasResults,
    method: row.method,
  };
}

export async function getParMethod(db: DbOrTx, year: number): Promise<ParMethodResponse> {
  return toResponse(await methodRowOf(db, year), await yearHasResults(db, year));
}

const reasonText: Record<ParMethodIssue['reason'], [string, string]> = {
  sum_mismatch: [
    'tổng điểm tối đa các câu hỏi khảo sát CBCCVC của nhóm khác điểm tối đa của nhóm',
    "the group's staff items do not add up to its staff-survey maximum",
  ],
  not_positive: ['phải là số dương', 'must be positive'],
  negative: ['không được âm', 'must not be negative'],
  duplicate: ['bị trùng', 'is repeated'],
  gap: [
    'các mức xếp loại phải phủ kín 0–100: mức cuối cùng bắt đầu từ 0 (tính cả 0)',
    'bands must cover 0–100: the last band starts at 0 inclusive',
  ],
  not_descending: ['ngưỡng dưới phải giảm dần từ nhóm cao nhất xuống', 'lower bounds must descend from the best band down'],
  out_of_range: ['ngoài khoảng cho phép', 'out of range'],
  unknown_group: ['nhóm đơn vị chưa có điểm tối đa trong phương pháp', 'the group has no maxima in the method'],
  missing: ['còn thiếu', 'is missing'],
};

function issueDetail(issue: ParMethodIssue) {
  const [vi, en] = reasonText[issue.reason];
  const numbers = issue.expected === undefined ? '' : ` (${issue.actual ?? '?'} ≠ ${issue.expected})`;
  return { ...issue, message: `${issue.field}: ${vi}${numbers}`, messageEn: `${issue.field}: ${en}${numbers}` };
}

/** JSON with object keys sorted: jsonb does not keep the key order it was given. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Top-level parts of the method that differ (for the audit entry). */
function changedParts(before: ParMethod, after: ParMethod): string[] {
  return (Object.keys(after) as (keyof ParMethod)[]).filter((k) => canonical(before[k]) !== canonical(after[k]));
}

export async function saveParMethod(
  db: Db,
  year: number,
  input: { method: ParMethod; confirm?: boolean | undefined },
  actor: string | null,
): Promise<ParMethodResponse> {
  const issues = checkParMethod(input.method);
  if (issues.length > 0) throw new AppError('PAR_METHOD_INVALID', issues.map(issueDetail));
  return db.transaction(async (tx) => {
    const current = await methodRowOf(tx, year);
    const hasResults = await yearHasResults(tx, year);
    const changed = changedParts(current.method, input.method);
    if (changed.length === 0) return toResponse(current, hasResults);
    if (hasResults && input.confirm !== true)
      throw new AppError('PAR_METHOD_CONFIRM_REQUIRED', { year, version: current.version, changed });
    const saved = await insertMethodVersion(tx, {
      year,
      version: current.version + 1,
      method: input.method,
      basis: 'edit',
      createdBy: actor,
    });
    if (!saved) throw new AppError('CONFLICT', { year, version: current.version + 1 });
    await recordAudit(tx, {
      actorUserId: actor,
      action: 'par_method.update',
      entity: 'par_method',
      entityId: String(year),
      details: { year, fromVersion: current.version, version: saved.version, changed, withResults: hasResults },
    });
    return toResponse(saved, hasResults);
  });
}
