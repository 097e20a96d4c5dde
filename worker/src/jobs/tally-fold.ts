import type { Db } from '@hailong/db';
import { sql } from 'drizzle-orm';

/**
 * Moves valid responses from the pending tail into the running tallies (migration 0007,
 * docs/0004-sipas-aggregation.md). Counts are exact whether or not this runs (readers use the live
 * views); folding only keeps the tail short so reads stay fast. Batches until the tail is empty or
 * `budgetMs` has passed; returns how many responses were folded.
 */
/**
 * Responses folded per call of `responses_tally_fold`. Each call upserts every tally key its batch
 * touches, so a larger batch folds a backlog several times faster (48,000 pending: about 4× between
 * 5,000 and 50,000); a review decision on a claimed response waits for its batch (about a second on
 * a quiet 2-core machine), which bounds it.
 */
export const TALLY_FOLD_BATCH = 20_000;

/**
 * The batch on the embedded PGlite (docs/0035-embedded-fold-batch.md): PGlite runs in the process's
 * main thread, one query at a time, so a fold call holds every request for its whole duration. A call
 * costs about 5 ms plus 5.5 µs per response there: 500 responses hold the thread about 8 ms (a 2 s
 * backlog of 2,800 in one call: about 20 ms), for about twice the CPU per response of large batches.
 * Between two calls the queries that arrived meanwhile run first.
 */
export const EMBEDDED_TALLY_FOLD_BATCH = 500;

export async function foldTallies(db: Db, opts: { batch?: number; budgetMs?: number } = {}): Promise<number> {
  const batch = opts.batch ?? TALLY_FOLD_BATCH;
  const until = Date.now() + (opts.budgetMs ?? 5_000);
  let total = 0;
  for (;;) {
    const res = await db.execute<{ n: number }>(sql`select responses_tally_fold(${batch}) as n`);
    const n = res.rows[0]?.n ?? 0;
    total += n;
    if (n < batch || Date.now() >= until) return total;
  }
}

/**
 * The compactions the fold job runs after the fold. Each sums the signed delta rows its writers
 * appended since the last run (writers append so they never wait on a shared row); counts are exact
 * either way, compacting keeps reads short:
 * - response-rate counts (migration 0030, docs/0020-response-rate-counts.md),
 * - review-state counts (migration 0039, docs/0030-review-state-counts.md),
 * - answer totals over the days (migration 0043, docs/0036-answer-tally-totals.md): changes of
 *   folded responses (review decisions, deletions) moved into `answer_tally_totals`.
 */
const COMPACTIONS = [
  sql`select invitation_counts_compact() as n`,
  sql`select response_state_counts_compact() as n`,
  sql`select answer_tally_totals_compact() as n`,
];

/** Runs every compaction, one after the other; returns the rows each removed or moved. */
export async function compactCounts(db: Db): Promise<number[]> {
  const out: number[] = [];
  for (const statement of COMPACTIONS) out.push((await db.execute<{ n: number }>(statement)).rows[0]?.n ?? 0);
  return out;
}
