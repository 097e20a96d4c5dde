/**
 * Counting for results, in SQL: answers of valid responses grouped by unit, form, question and
 * answer (jsonb_each over `answers`), plus response counts by review state. The pure scoring
 * package turns these counts into percentages (DESIGN.md principle 4).
 */
import type { AnswerCountRow } from '@hailong/scoring';
import type { DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';

export interface UnitFormCountRow extends AnswerCountRow {
  unitId: number;
  formId: number;
}

export interface StateCountRow {
  unitId: number;
  unitCode: string;
  unitName: string;
  formId: number;
  reviewState: string;
  n: number;
}

async function rows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const res = await db.execute(query);
  return res.rows as T[];
}

/**
 * Reads the running tallies (migration 0004, kept by triggers in the same transaction as every
 * write): the same rows as `GROUP BY … jsonb_each(answers)` over the valid responses, without
 * scanning them (docs/0004-sipas-aggregation.md; ~6 s → a few ms at 10^6 responses).
 */
export function answerCountRows(db: DbOrTx, campaignId: string): Promise<UnitFormCountRow[]> {
  return rows<UnitFormCountRow>(
    db,
    sql`select t.unit_id as "unitId", t.form_id as "formId", t.question_id as "questionId", t.answer as "answer", sum(t.n)::int as "count"
        from answer_tallies t
        where t.campaign_id = ${campaignId}
        group by 1, 2, 3, 4 having sum(t.n) > 0`,
  );
}

export function stateCountRows(db: DbOrTx, campaignId: string): Promise<StateCountRow[]> {
  return rows<StateCountRow>(
    db,
    sql`select r.unit_id as "unitId", u.code as "unitCode", u.name as "unitName", r.form_id as "formId",
               r.review_state as "reviewState", count(*)::int as "n"
        from responses r join units u on u.id = r.unit_id
        where r.campaign_id = ${campaignId}
        group by 1, 2, 3, 4, 5
        order by u.code`,
  );
}

/** Answers of valid responses of some forms (for per-form rules such as `mean_ge_4`). */
export function validAnswers(db: DbOrTx, campaignId: string, formIds: number[]): Promise<{ unitId: number; answers: Record<string, never> }[]> {
  if (formIds.length === 0) return Promise.resolve([]);
  return rows(
    db,
    sql`select unit_id as "unitId", answers from responses
        where campaign_id = ${campaignId} and review_state = 'valid' and form_id in (${sql.join(formIds.map((id) => sql`${id}`), sql`, `)})`,
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
export function groupedQuickRows(db: DbOrTx, campaignId: string, by: 'counter' | 'day', quickFormIds: number[], overallQuestion: string): Promise<GroupQuickRow[]> {
  const key = by === 'counter' ? sql`r.source_id::text` : sql`to_char(coalesce(r.completed_at, r.received_at) + interval '7 hours', 'YYYY-MM-DD')`;
  const counter = by === 'counter' ? sql`k.counter_name` : sql`null::text`;
  const join = by === 'counter' ? sql`join kiosk_devices k on k.id = r.source_id` : sql``;
  const isQuick = quickFormIds.length > 0 ? sql`r.form_id in (${sql.join(quickFormIds.map((id) => sql`${id}`), sql`, `)})` : sql`false`;
  const ov = sql`(r.answers ->> ${overallQuestion})`;
  return rows<GroupQuickRow>(
    db,
    sql`select ${key} as "key", u.code as "unitCode", ${counter} as "counterName",
          count(*) filter (where r.review_state = 'valid')::int as "valid",
          count(*) filter (where r.review_state = 'suspect')::int as "suspect",
          count(*) filter (where r.review_state = 'valid' and ${isQuick} and ${ov} in ('1','2','3','4','5'))::int as "quickJudged",
          count(*) filter (where r.review_state = 'valid' and ${isQuick} and ${ov} in ('4','5'))::int as "quickSatisfied"
        from responses r join units u on u.id = r.unit_id ${join}
        where r.campaign_id = ${campaignId} ${by === 'counter' ? sql`and r.channel = 'kiosk'` : sql``}
        group by 1, 2, 3 order by 2, 1`,
  );
}
