/**
 * Translates PostgreSQL SQLSTATE codes into domain-level facts, in one place. The database enforces
 * the invariants (unique, foreign key, check); services ask this function what a failure meant.
 */
export type DbFailure =
  | { kind: 'unique_violation'; constraint: string }
  | { kind: 'foreign_key_violation'; constraint: string }
  | { kind: 'check_violation'; constraint: string }
  | { kind: 'not_null_violation'; column: string }
  | { kind: 'serialization_failure' }
  /** The server cannot be reached or is restarting: a 503 with Retry-After, not a 500. */
  | { kind: 'unavailable' };

interface PgErrorLike {
  code?: unknown;
  constraint?: unknown;
  column?: unknown;
  cause?: unknown;
}

function pgError(err: unknown): PgErrorLike | null {
  // drizzle wraps driver errors (DrizzleQueryError) and keeps the original as `cause`.
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const c = (e as PgErrorLike).code;
    if (typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c)) return e;
    e = (e as PgErrorLike).cause;
  }
  return null;
}

/** Socket errors and node-postgres's own messages when the server is gone (no SQLSTATE on these). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end',
];

function connectionLost(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || /^(08...|57P0[123]|53300)$/.test(code))) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => message.startsWith(m))) return true;
    e = (e as PgErrorLike).cause;
  }
  return false;
}

export function classifyDbError(err: unknown): DbFailure | null {
  if (connectionLost(err)) return { kind: 'unavailable' };
  const e = pgError(err);
  if (!e) return null;
  const constraint = typeof e.constraint === 'string' ? e.constraint : '';
  switch (e.code) {
    case '23505':
      return { kind: 'unique_violation', constraint };
    case '23503':
      return { kind: 'foreign_key_violation', constraint };
    case '23514':
      return { kind: 'check_violation', constraint };
    case '23502':
      return { kind: 'not_null_violation', column: typeof e.column === 'string' ? e.column : '' };
    case '40001':
    case '40P01':
      return { kind: 'serialization_failure' };
    default:
      return null;
  }
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const f = classifyDbError(err);
  return f?.kind === 'unique_violation' && (constraint === undefined || f.constraint === constraint);
}
