/**
 * Responses that are stored but not scored (suspect, pending, invalid), per unit, inside the
 * campaign window (campaign-window.ts). Valid responses are counted from the tallies
 * (sipas-counts-repo.ts); these are few, and the (campaign_id, unit_id, review_state) index finds
 * them without touching the valid ones.
 */
import type { DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';
import { responseInWindow } from './campaign-window.ts';

export interface UnscoredCounts {
  suspect: number;
  pending: number;
  invalid: number;
}

/** unitId → counts of responses not in state valid; units without any are absent. */
export async function countUnscoredResponses(db: DbOrTx, campaignId: string): Promise<Map<number, UnscoredCounts>> {
  const res = await db.execute(sql`
    select r.unit_id as "unitId",
           count(*) filter (where r.review_state = 'suspect')::int as "suspect",
           count(*) filter (where r.review_state = 'pending')::int as "pending",
           count(*) filter (where r.review_state = 'invalid')::int as "invalid"
      from responses r join campaigns c on c.id = r.campaign_id
     where r.campaign_id = ${campaignId} and r.review_state <> 'valid' and ${responseInWindow}
     group by 1`);
  const rows = res.rows as unknown as ({ unitId: number } & UnscoredCounts)[];
  return new Map(rows.map(({ unitId, ...c }) => [unitId, c]));
}
