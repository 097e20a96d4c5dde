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
 * The embedded PGlite (docs/0035-embedded-fold-batch.md, docs/0040-embedded-fold-by-units.md) runs in
 * the process's main thread, one query at a time: a fold call holds every request for its whole
 * duration. A call's cost is mostly its upserts, one per unit × day × question × answer its batch
 * touches, and a batch taken in arrival order touches nearly every unit's keys: calls of 500 took
 * 17–24 ms of main-thread CPU each on a loaded machine, and a 2 s backlog of 2,800 kiosk sessions
 * (6 calls) about 170 ms. Folding the pending rows of at most EMBEDDED_TALLY_FOLD_UNITS units per
 * call, up to EMBEDDED_TALLY_FOLD_BATCH responses, upserts each key about once a job: 13–14 ms a call
 * and 60–75 ms a backlog. Between two calls the job yields to the event loop, and the queries that
 * arrived meanwhile run first.
 */
export const EMBEDDED_TALLY_FOLD_BATCH = 1_000;
export const EMBEDDED_TALLY_FOLD_UNITS = 8;

export interface FoldOptions {
  /** Responses per call (default TALLY_FOLD_BATCH). */
  batch?: number;
  /** Fold only the pending rows of this many units per call (migration 0045); unset: any rows. */
  units?: number;
  /** Stop starting calls after this long (default 5 s). */
  budgetMs?: number;
}

/** Lets the requests that arrived during a statement be read before the next one is sent. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function foldTallies(db: Db, opts: FoldOptions = {}): Promise<number> {
  const batch = opts.batch ?? TALLY_FOLD_BATCH;
  const until = Date.now() + (opts.budgetMs ?? 5_000);
  // By units, a call short of its batch has emptied its units, not the tail: the job folds the
  // backlog it found (counted up to 50 batches; the budget bounds a larger one), and stops early on
  // an empty call. Stopping only on an empty call would fold without end under a steady load.
  const backlog =
    opts.units === undefined
      ? 0
      : ((
          await db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from tally_pending limit ${batch * 50}) p`)
        ).rows[0]?.n ?? 0);
  let total = 0;
  for (;;) {
    const res = await db.execute<{ n: number }>(
      opts.units === undefined
        ? sql`select responses_tally_fold(${batch}) as n`
        : sql`select responses_tally_fold(${batch}, ${opts.units}) as n`,
    );
    const n = res.rows[0]?.n ?? 0;
    total += n;
    const done = opts.units === undefined ? n < batch : n === 0 || total >= backlog;
    if (done || Date.now() >= until) return total;
    await yieldToEventLoop();
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

/** Runs every compaction, one after the other (yielding between them); returns the rows each removed or moved. */
export async function compactCounts(db: Db): Promise<number[]> {
  const out: number[] = [];
  for (const statement of COMPACTIONS) {
    out.push((await db.execute<{ n: number }>(statement)).rows[0]?.n ?? 0);
    await yieldToEventLoop();
  }
  return out;
}
