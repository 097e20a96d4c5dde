import type { Db } from '@hailong/db';
import { sql } from 'drizzle-orm';

/**
 * The embedded PGlite runs no autovacuum (docs/0044-embedded-vacuum.md): without this, the rows the
 * fold and the ingest update or delete stay dead for good. After the fold job, the embedded worker
 * vacuums at most one of these tables, the one with the most changes past its threshold, and no more
 * often than EMBEDDED_VACUUM_EVERY_MS: a vacuum runs in the main thread and holds every request
 * meanwhile (about 70 ms for 20,000 dead pending rows, 120 ms for 94,000). `responses` only gets
 * ANALYZE, on a small sample, so plans follow its growth: a VACUUM of it would read the whole table.
 * PostgreSQL proper has autovacuum; there this never runs.
 */
export const EMBEDDED_VACUUM_TABLES = [
  'tally_pending',
  'tally_fold_state',
  'form_tallies',
  'answer_tallies',
  'answer_tally_totals',
  'answer_tally_total_deltas',
  'invitation_counts',
  'invitation_day_counts',
  'response_state_counts',
  'responses',
] as const;

const ANALYZE_ONLY = new Set<string>(['responses']);

/**
 * The statistics target of that ANALYZE: it samples 300 rows per unit of target, so the default
 * (100: 30,000 rows) took 450–650 ms of the main thread on 100,000 responses, 10 (3,000 rows) 28 ms
 * warm, 150 ms cold; enough for the row counts and common values the plans need.
 */
const ANALYZE_STATISTICS_TARGET = 10;

/** The shortest time between two vacuums. */
export const EMBEDDED_VACUUM_EVERY_MS = 60_000;

/**
 * A table is due when its dead rows (VACUUM) or its changes since the last ANALYZE reach this many
 * plus a fraction of its live rows (autovacuum's rule: 0.2 and 0.1 of the live rows).
 */
export const EMBEDDED_VACUUM_MIN_ROWS = 1_000;

export interface EmbeddedVacuumOptions {
  /** The shortest time between two vacuums (default EMBEDDED_VACUUM_EVERY_MS). */
  everyMs?: number;
  /** The base threshold of changed rows (default EMBEDDED_VACUUM_MIN_ROWS). */
  minRows?: number;
}

export interface VacuumRun {
  table: string;
  statement: 'vacuum' | 'analyze';
  ms: number;
}

/** The table most due, and what it needs, from PGlite's own statistics (pg_stat_user_tables). */
async function dueTable(db: Db, minRows: number): Promise<{ table: string; statement: 'vacuum' | 'analyze' } | null> {
  const res = await db.execute<{ relname: string; dead: number; modified: number; live: number }>(sql`
    select relname, n_dead_tup::float8 as dead, n_mod_since_analyze::float8 as modified, n_live_tup::float8 as live
    from pg_stat_user_tables
    where schemaname = 'public' and relname in ${EMBEDDED_VACUUM_TABLES}`);
  let best: { table: string; statement: 'vacuum' | 'analyze'; over: number } | null = null;
  for (const r of res.rows) {
    const analyzeOnly = ANALYZE_ONLY.has(r.relname);
    const deadOver = analyzeOnly ? 0 : r.dead / (minRows + 0.2 * r.live);
    const modifiedOver = r.modified / (minRows + 0.1 * r.live);
    const over = Math.max(deadOver, modifiedOver);
    if (over < 1 || (best && best.over >= over)) continue;
    best = { table: r.relname, statement: analyzeOnly ? 'analyze' : 'vacuum', over };
  }
  return best && { table: best.table, statement: best.statement };
}

/**
 * Returns the step the embedded worker runs after each fold job: vacuums (with ANALYZE) or analyzes
 * the one table most due, if any and if the last vacuum is at least `everyMs` old; returns what it ran.
 */
export function embeddedVacuum(db: Db, opts: EmbeddedVacuumOptions = {}): () => Promise<VacuumRun | null> {
  const everyMs = opts.everyMs ?? EMBEDDED_VACUUM_EVERY_MS;
  const minRows = opts.minRows ?? EMBEDDED_VACUUM_MIN_ROWS;
  let last = 0;
  return async () => {
    if (Date.now() - last < everyMs) return null;
    last = Date.now();
    const due = await dueTable(db, minRows);
    if (!due) return null;
    // Lets the requests that arrived during the statistics query run first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const started = performance.now();
    const table = sql.identifier(due.table);
    if (due.statement === 'vacuum') await db.execute(sql`vacuum (analyze) ${table}`);
    else
      await db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local default_statistics_target = ${ANALYZE_STATISTICS_TARGET}`));
        await tx.execute(sql`analyze ${table}`);
      });
    return { ...due, ms: Math.round(performance.now() - started) };
  };
}
