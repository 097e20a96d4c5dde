/**
 * How a dashboard read treats the responses not yet folded into the tallies (docs/0027-large-unfolded-tail.md).
 * Counting the tail means expanding every answer of every pending response, so a read costs
 * O(tail): a worker stopped for an hour would make the results pages take seconds to minutes.
 * A dashboard read therefore counts the tail only when it is small — at most RESULTS_PENDING_MAX
 * responses of the campaign, which the check finds in as many index entries, whatever the size of
 * the tail — and otherwise answers from the folded tallies, says so (`counted: false`), and asks
 * the worker to fold now. Official figures (the PAR table and its downloads) always count the tail.
 */
import type { DbOrTx } from '@hailong/db';
import type { PendingTail } from '@hailong/contracts';
import { sql } from 'drizzle-orm';

export type { PendingTail };

/** Which tallies a count reads: folded + the pending tail (exact), or the folded ones only. */
export type TallySource = 'live' | 'folded';

/** The pending tail of a campaign, counted up to `max` + 1, and when the fold last moved responses. */
export async function pendingTail(db: DbOrTx, campaignId: string, max: number): Promise<PendingTail> {
  const res = await db.execute<{ n: number; foldedAt: Date | string | null }>(sql`
    select tally_pending_count(${campaignId}, ${max + 1}) as "n",
           (select folded_at from tally_fold_state) as "foldedAt"`);
  const row = res.rows[0];
  const n = row?.n ?? 0;
  const foldedAt = row?.foldedAt ?? null;
  const lastFoldAt = foldedAt === null ? null : new Date(foldedAt).toISOString();
  return n > max
    ? { counted: false, responses: max, moreThan: true, lastFoldAt }
    : { counted: true, responses: n, moreThan: false, lastFoldAt };
}

/** The tallies a read should use for this tail. */
export function tallySourceOf(tail: PendingTail): TallySource {
  return tail.counted ? 'live' : 'folded';
}
