/**
 * Reads of results that need single responses rather than tallies: answers of the valid quick
 * forms (per-form rules such as `mean_ge_4`) and per-counter / per-day counts. Answer counts and
 * review-state counts come from ../aggregation, like /sipas. Every query here applies the
 * campaign's counting rule (../aggregation/campaign-window.ts).
 */
import type { DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';
import { responseInWindow } from '../aggregation/campaign-window.ts';
import type { TallySource } from '../aggregation/pending-tail.ts';

async function rows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const res = await db.execute(query);
  return res.rows as T[];
}

/**
 * Answers of valid responses of some forms (for per-form rules such as `mean_ge_4`); with
 * `source: 'folded'`, only those already folded, like the counts beside them (pending-tail.ts).
 */
export function validAnswers(
  db: DbOrTx,
  campaignId: string,
  formIds: number[],
  source: TallySource = 'live',
): Promise<{ unitId: number; answers: Record<string, never> }[]> {
  if (formIds.length === 0) return Promise.resolve([]);
  const folded = source === 'folded' ? sql`and not exists (select 1 from tally_pending p where p.response_id = r.id)` : sql``;
  return rows(
    db,
    sql`select r.unit_id as "unitId", r.answers from responses r join campaigns c on c.id = r.campaign_id
        where r.campaign_id = ${campaignId} and r.review_state = 'valid' and ${responseInWindow} ${folded}
          and r.form_id in (${sql.join(
            formIds.map((id) => sql`${id}`),
            sql`, `,
          )})`,
  );
}

export interface GroupQuickRow {
  key: string;
  unitCode: string;
  counterName: string | null;
  valid: number;
  suspect: number;
  quickJudged: number;
  quickSatisfied: number;
}

/**
 * Per-counter (key = kiosk device id) or per-day (key = Vietnam-time date) counts, with the quick
 * form's overall question judged in SQL (`overallQuestion` 1–5 judged, 4–5 satisfied).
 */
export function groupedQuickRows(
  db: DbOrTx,
  campaignId: string,
  by: 'counter' | 'day',
  quickFormIds: number[],
  overallQuestion: string,
): Promise<GroupQuickRow[]> {
  const key =
    by === 'counter'
      ? sql`r.source_id::text`
      : sql`to_char(coalesce(r.completed_at, r.received_at) + interval '7 hours', 'YYYY-MM-DD')`;
  const counter = by === 'counter' ? sql`k.counter_name` : sql`null::text`;
  const join = by === 'counter' ? sql`join kiosk_devices k on k.id = r.source_id` : sql``;
  const isQuick =
    quickFormIds.length > 0
      ? sql`r.form_id in (${sql.join(
          quickFormIds.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql`false`;
  const ov = sql`(r.answers ->> ${overallQuestion})`;
  return rows<GroupQuickRow>(
    db,
    sql`select ${key} as "key", u.code as "unitCode", ${counter} as "counterName",
          count(*) filter (where r.review_state = 'valid')::int as "valid",
          count(*) filter (where r.review_state = 'suspect')::int as "suspect",
          count(*) filter (where r.review_state = 'valid' and ${isQuick} and ${ov} in ('1','2','3','4','5'))::int as "quickJudged",
          count(*) filter (where r.review_state = 'valid' and ${isQuick} and ${ov} in ('4','5'))::int as "quickSatisfied"
        from responses r join units u on u.id = r.unit_id join campaigns c on c.id = r.campaign_id ${join}
        where r.campaign_id = ${campaignId} and ${responseInWindow} ${by === 'counter' ? sql`and r.channel = 'kiosk'` : sql``}
        group by 1, 2, 3 order by 2, 1`,
  );
}
