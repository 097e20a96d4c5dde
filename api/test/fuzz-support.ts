/** What the fuzz suites check on every answer, and the tables they watch for writes. */
import { isErrorCode } from '@hailong/contracts';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../test/support/build-app.ts';

/** Tables a request may write to without storing anything (a login's session, the tally queue). */
const UNWATCHED = ['sessions', 'tally_pending', '__drizzle_migrations'];

/** Row counts of every table (a fuzzed request must leave them all unchanged). */
export async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = (
    await t.app.db.execute<{ name: string }>(
      sql`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`,
    )
  ).rows
    .map((r) => r.name)
    .filter((n) => !UNWATCHED.includes(n));
  const out: Record<string, number> = {};
  for (const table of tables)
    out[table] = (await t.app.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from "${table}"`))).rows[0]?.n ?? -1;
  return out;
}

/**
 * null when the answer is a 4xx with a catalogue code whose body does not contain `echo` (the
 * hostile text, or a marker inside it); otherwise what is wrong.
 */
export function verdict(res: { statusCode: number; body: string }, echo: string | null): string | null {
  let code: unknown;
  try {
    code = (JSON.parse(res.body) as { error?: { code?: unknown } }).error?.code;
  } catch {
    code = undefined;
  }
  if (res.statusCode < 400 || res.statusCode >= 500 || !isErrorCode(code)) return `${res.statusCode} ${res.body.slice(0, 200)}`;
  if (echo && (res.body.includes(echo) || res.body.includes(JSON.stringify(echo).slice(1, -1))))
    return `echoes the value: ${res.body.slice(0, 200)}`;
  return null;
}
