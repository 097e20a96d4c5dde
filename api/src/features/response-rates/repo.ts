/** Response-rate counts from the counts the database keeps by trigger (migration 0030). */
import type { DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';
import { nameOnAlias } from '../units/as-of.ts';

export type CountRow = {
  key: string;
  name: string | null;
  unit_group: string | null;
  invited: number;
  delivered: number;
  bounced: number;
  /** Invitation never delivered: its mail gave up after the retry window (not a bounce). */
  failed: number;
  opened: number;
  started: number;
  completed: number;
};

/** One (unit, respondent group) cell of a campaign: ≤ 40 × 6 rows. */
export type CellRow = CountRow & { respondent_group: string };

/**
 * Counts per (unit, respondent group) from the trigger-kept invitation_counts (migration 0030,
 * docs/0020-response-rate-counts.md): a campaign's few compacted rows plus the deltas appended since
 * the last fold, never a pass over its invitations. Units under their names on the campaign's day `day`.
 */
export async function countsByUnitAndGroup(db: DbOrTx, campaignId: string, day: string): Promise<CellRow[]> {
  const res = await db.execute<CellRow>(sql`
    select u.code as key, ${nameOnAlias('u', day)} as name, u."group" as unit_group, c.respondent_group,
      c.invited, c.delivered, c.bounced, c.failed, c.opened, c.started, c.completed
    from (
      select unit_id, respondent_group, sum(invited)::int as invited, sum(delivered)::int as delivered,
        sum(bounced)::int as bounced, sum(failed)::int as failed, sum(opened)::int as opened,
        sum(started)::int as started, sum(completed)::int as completed
      from invitation_counts
      where campaign_id = ${campaignId}
      group by unit_id, respondent_group
      having sum(invited) <> 0
    ) c join units u on u.id = c.unit_id
    order by u.code, c.respondent_group`);
  return res.rows;
}

export type DayRow = {
  date: string;
  sent: number;
  opened: number;
  completed: number;
};

/** Per calendar day in Vietnam (UTC+7): invitations sent, first opened and completed that day. */
export async function countsByDay(db: DbOrTx, campaignId: string): Promise<DayRow[]> {
  const res = await db.execute<DayRow>(sql`
    select to_char(day, 'YYYY-MM-DD') as date, sum(sent)::int as sent, sum(opened)::int as opened, sum(completed)::int as completed
    from invitation_day_counts
    where campaign_id = ${campaignId}
    group by day
    having (sum(sent), sum(opened), sum(completed)) <> (0, 0, 0)
    order by day`);
  return res.rows;
}
