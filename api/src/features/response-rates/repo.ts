/** Response-rate counts straight from the database: one GROUP BY per breakdown. */
import type { DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';

export type CountRow = {
  key: string;
  name: string | null;
  unit_group: string | null;
  invited: number;
  delivered: number;
  bounced: number;
  opened: number;
  started: number;
  completed: number;
};

const counts = sql`
  count(*)::int as invited,
  count(i.delivered_at)::int as delivered,
  count(i.bounced_at)::int as bounced,
  count(i.opened_at)::int as opened,
  count(i.started_at)::int as started,
  count(i.completed_at)::int as completed`;

export async function countsByUnit(db: DbOrTx, campaignId: string): Promise<CountRow[]> {
  const res = await db.execute<CountRow>(sql`
    select u.code as key, u.name as name, u."group" as unit_group, ${counts}
    from invitations i join respondents r on r.id = i.respondent_id join units u on u.id = r.unit_id
    where i.campaign_id = ${campaignId}
    group by u.code, u.name, u."group" order by u.code`);
  return res.rows;
}

export async function countsByGroup(db: DbOrTx, campaignId: string): Promise<CountRow[]> {
  const res = await db.execute<CountRow>(sql`
    select r.respondent_group as key, null as name, null as unit_group, ${counts}
    from invitations i join respondents r on r.id = i.respondent_id
    where i.campaign_id = ${campaignId}
    group by r.respondent_group order by r.respondent_group`);
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
    with ev as (
      select (sent_at at time zone 'Asia/Ho_Chi_Minh')::date as d, 1 as s, 0 as o, 0 as c from invitations where campaign_id = ${campaignId} and sent_at is not null
      union all
      select (opened_at at time zone 'Asia/Ho_Chi_Minh')::date, 0, 1, 0 from invitations where campaign_id = ${campaignId} and opened_at is not null
      union all
      select (completed_at at time zone 'Asia/Ho_Chi_Minh')::date, 0, 0, 1 from invitations where campaign_id = ${campaignId} and completed_at is not null
    )
    select to_char(d, 'YYYY-MM-DD') as date, sum(s)::int as sent, sum(o)::int as opened, sum(c)::int as completed
    from ev group by d order by d`);
  return res.rows;
}
