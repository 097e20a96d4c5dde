/**
 * What an unexpected error may write to the log: its kind and where it happened, never values.
 * A drizzle query error's message carries the statement's parameters (names, emails, answers) and a
 * PostgreSQL error's `detail` the offending row, so database errors are logged by SQLSTATE,
 * constraint, table and column only, with the statement text up to its first parameter.
 */
interface ErrorLike {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  routine?: unknown;
  query?: unknown;
  params?: unknown;
  cause?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function databaseFields(err: ErrorLike): Record<string, unknown> | null {
  const isDrizzle = typeof err.query === 'string' && Array.isArray(err.params);
  const pg = (isDrizzle ? err.cause : err) as ErrorLike | undefined;
  const sqlstate = str(pg?.code);
  if (!isDrizzle && !(sqlstate && /^[0-9A-Z]{5}$/.test(sqlstate))) return null;
  const query = str(err.query);
  return {
    type: 'DatabaseError',
    sqlstate,
    constraint: str(pg?.constraint),
    table: str(pg?.table),
    column: str(pg?.column),
    routine: str(pg?.routine),
    statement: query?.split('$1')[0]?.slice(0, 200),
  };
}

export function loggableError(err: unknown): Record<string, unknown> {
  if (!err || typeof err !== 'object') return { type: typeof err };
  const e = err as ErrorLike;
  const db = databaseFields(e);
  if (db) return db;
  const code = str(e.code);
  return {
    type: str(e.name) ?? 'Error',
    ...(code ? { code } : {}),
    message: str(e.message)?.slice(0, 300),
    stack: str(e.stack)
      ?.split('\n')
      .filter((l) => l.startsWith('    at '))
      .slice(0, 8)
      .join('\n'),
  };
}
