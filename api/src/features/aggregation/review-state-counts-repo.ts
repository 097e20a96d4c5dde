/**
 * Responses that are stored but not scored (suspect, pending, invalid), per unit, inside the
 * campaign window (campaign-window.ts). Valid responses are counted from the tallies
 * (sipas-counts-repo.ts); these come from `response_state_counts`, which triggers keep per
 * campaign × unit × day × state × channel in the same transaction as every insert, review decision
 * and delete (migration 0039, docs/0030-review-state-counts.md), so the read costs what the number
 * of days and units costs, not what the number of responses costs.
 */
import type { DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';
import { tallyInWindow } from './campaign-window.ts';

export interface UnscoredCounts {
  suspect: number;
  pending: number;
  invalid: number;
}

/** unitId → counts of responses not in state valid; units without any are absent. */
export async function countUnscoredResponses(db: DbOrTx, campaignId: string): Promise<Map<number, UnscoredCounts>> {
  const res = await db.execute(sql`
    select t.unit_id as "unitId",
           coalesce(sum(t.n) filter (where t.review_state = 'suspect'), 0)::int as "suspect",
           coalesce(sum(t.n) filter (where t.review_state = 'pending'), 0)::int as "pending",
           coalesce(sum(t.n) filter (where t.review_state = 'invalid'), 0)::int as "invalid"
      from response_state_counts t join campaigns c on c.id = t.campaign_id
     where t.campaign_id = ${campaignId} and ${tallyInWindow}
     group by 1 having sum(t.n) > 0`);
  const rows = res.rows as unknown as ({ unitId: number } & UnscoredCounts)[];
  return new Map(rows.map(({ unitId, ...c }) => [unitId, c]));
}

/** Suspect kiosk and online responses of a campaign (any day), optionally of the units with one code. */
export async function countSuspectResponses(db: DbOrTx, campaignId: string, unitCode?: string): Promise<number> {
  const unit = unitCode === undefined ? sql`` : sql`and t.unit_id in (select id from units where code = ${unitCode})`;
  const res = await db.execute(sql`
    select coalesce(sum(t.n), 0)::int as n from response_state_counts t
     where t.campaign_id = ${campaignId} and t.review_state = 'suspect' and t.channel in ('kiosk', 'online') ${unit}`);
  return (res.rows[0] as { n: number } | undefined)?.n ?? 0;
}
