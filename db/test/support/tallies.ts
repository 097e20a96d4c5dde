/**
 * What the tally tests share: a campaign of their own, a full fold, and the check that a tally
 * table (the live view, or the folded table after a full fold) holds exactly what a GROUP BY over
 * the valid responses gives, and that the answer totals over the days equal the day rows.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/** A SIPAS campaign open through 2021, named after the test that made it. */
export async function newCampaign(q: pg.Pool, label: string): Promise<string> {
  const res = await q.query<{ id: string }>(
    `insert into campaigns (kind, name, year, opens_at, closes_at) values ('sipas', $1, 2021, '2021-01-01', '2021-12-31') returning id`,
    [`${label} ${randomUUID()}`],
  );
  return res.rows[0]?.id ?? '';
}

/** Folds until the pending tail is empty. */
export async function foldAll(q: pg.Pool): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const res = await q.query<{ n: number }>('select responses_tally_fold(1000) as n');
    if (res.rows[0]?.n === 0) return;
  }
}

/**
 * The rows where the answer and form tallies of these campaigns (the live view, or the folded
 * table) differ from a GROUP BY over their valid responses: none when they are exact.
 */
export async function tallyMismatch(
  q: pg.Pool,
  campaignIds: string[],
  table: 'answer_tallies_live' | 'answer_tallies',
): Promise<unknown[]> {
  const answers = await q.query(
    `with t as (select campaign_id, unit_id, form_id, day, question_id, answer, sum(n)::int n from ${table}
                 where campaign_id = any($1::uuid[]) group by 1,2,3,4,5,6 having sum(n) <> 0),
          d as (select r.campaign_id, r.unit_id, r.form_id, response_tally_day(r.completed_at, r.received_at) as day, e.key as question_id, a.answer, count(*)::int n
                  from responses r cross join lateral jsonb_each(r.answers) e cross join lateral (select response_tally_answer(e.value) as answer) a
                 where r.campaign_id = any($1::uuid[]) and r.review_state = 'valid' and a.answer is not null group by 1,2,3,4,5,6)
     select * from (select * from t except select * from d) x union all select * from (select * from d except select * from t) y`,
    [campaignIds],
  );
  const forms = await q.query(
    `with t as (select campaign_id, unit_id, form_id, day, sum(n)::int n from ${table.replace('answer', 'form')}
                 where campaign_id = any($1::uuid[]) group by 1,2,3,4 having sum(n) <> 0),
          d as (select campaign_id, unit_id, form_id, response_tally_day(completed_at, received_at) as day, count(*)::int n
                  from responses where campaign_id = any($1::uuid[]) and review_state = 'valid' group by 1,2,3,4)
     select * from (select * from t except select * from d) x union all select * from (select * from d except select * from t) y`,
    [campaignIds],
  );
  return [...answers.rows, ...forms.rows, ...(await totalsMismatch(q, campaignIds))];
}

/**
 * The rows where the answer totals over the days (`answer_tally_totals` plus the deltas not yet
 * compacted, migration 0043) differ from `answer_tallies` summed over its days: none at every moment,
 * folded, compacted or not.
 */
export async function totalsMismatch(q: pg.Pool, campaignIds: string[]): Promise<unknown[]> {
  const res = await q.query(
    `with t as (select 'totals' as side, campaign_id, unit_id, form_id, question_id, answer, sum(n)::int n
                  from (select * from answer_tally_totals union all select * from answer_tally_total_deltas) x
                 where campaign_id = any($1::uuid[]) group by 2, 3, 4, 5, 6 having sum(n) <> 0),
          d as (select 'days' as side, campaign_id, unit_id, form_id, question_id, answer, sum(n)::int n from answer_tallies
                 where campaign_id = any($1::uuid[]) group by 2, 3, 4, 5, 6 having sum(n) <> 0)
     select * from (select * from t except select 'totals', campaign_id, unit_id, form_id, question_id, answer, n from d) x
     union all select * from (select * from d except select 'days', campaign_id, unit_id, form_id, question_id, answer, n from t) y`,
    [campaignIds],
  );
  return res.rows;
}
