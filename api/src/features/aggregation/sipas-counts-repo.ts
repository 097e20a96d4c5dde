/**
 * SQL path of SIPAS/staff counting (DESIGN.md principle 4): answers of the VALID responses of a
 * campaign, inside its window, grouped by unit × form × question × answer. Reads what the
 * `*_tallies_live` views hold (folded running tallies + the not-yet-folded tail, migrations 0004
 * and 0007; the tail from the campaign's `tally_pending` rows, migrations 0037 and 0042), which hold the
 * same numbers as `GROUP BY … jsonb_each(answers)` over `responses` at a fraction of the cost
 * (docs/0004-sipas-aggregation.md). The window is day-granular in Vietnam time: a response counts
 * when the date of `coalesce(completed_at, received_at)` lies between the opening and closing days
 * (campaign-window.ts, the one rule /results and /sipas share). A dashboard read whose campaign has
 * a large unfolded tail reads the folded tallies only (`source: 'folded'`, pending-tail.ts).
 */
import type { DbOrTx } from '@hailong/db';
import { countsFromRows, type AnswerCountRow, type AnswerCounts } from '@hailong/scoring';
import { sql } from 'drizzle-orm';
import { tallyInWindow } from './campaign-window.ts';
import type { TallySource } from './pending-tail.ts';

export interface FormCounts {
  formId: number;
  /** Valid forms of this unit on this form. */
  validForms: number;
  counts: AnswerCounts;
}

/** unitId → formId → counts. Units without valid responses are absent. */
export type CampaignCounts = Map<number, Map<number, FormCounts>>;

export interface CountOptions {
  /** Only these units (all when omitted). */
  unitIds?: readonly number[];
  /** 'live' (default): folded tallies + the pending tail, exact; 'folded': the folded tallies only. */
  source?: TallySource;
}

interface AnswerRow extends AnswerCountRow {
  unitId: number;
  formId: number;
}

interface FormRow {
  unitId: number;
  formId: number;
  n: number;
}

/**
 * Answer tallies of the campaign inside its window (and of `unitIds`), rows to sum: folded, plus the
 * pending tail, whose rows carry each response's unit, form, day and countable answers (migration
 * 0042, docs/0032-pending-tail-answers.md), read from `tally_pending` alone by the campaign's index,
 * never from `responses`.
 *
 * The folded answers are read from their totals over all days (migration 0043,
 * docs/0036-answer-tally-totals.md: `answer_tally_totals` and the deltas not yet compacted into it),
 * minus the day rows outside the window, found through the campaign's few `form_tallies` days (a day
 * row of `answer_tallies` always has its `form_tallies` row: the fold and the delta write both). So
 * the read is a few thousand rows whatever the number of days. When the window leaves out more days
 * than it keeps, the days inside it are summed instead (`fromTotals`).
 *
 * Each branch applies the window itself, so the pending rows are filtered before their answers are
 * expanded (`unnest` in the select list: the two arrays side by side), and the sum reads no campaign
 * row per tally (docs/0033-results-page-cost.md).
 */
function answerTallies(campaignId: string, opts: CountOptions) {
  const folded = sql`select t.unit_id, t.form_id, t.question_id, t.answer, t.n
      from answer_tally_totals t where t.campaign_id = ${campaignId} and ${fromTotals(campaignId)} ${unitFilter(opts.unitIds)}
    union all
    select t.unit_id, t.form_id, t.question_id, t.answer, t.n
      from answer_tally_total_deltas t where t.campaign_id = ${campaignId} and ${fromTotals(campaignId)} ${unitFilter(opts.unitIds)}
    union all
    select a.unit_id, a.form_id, a.question_id, a.answer, case when ${fromTotals(campaignId)} then -a.n else a.n end
      from form_tallies t join campaigns c on c.id = ${campaignId}
      join answer_tallies a on (a.campaign_id, a.unit_id, a.form_id, a.day) = (t.campaign_id, t.unit_id, t.form_id, t.day)
     where t.campaign_id = ${campaignId} and (${tallyInWindow}) is true <> ${fromTotals(campaignId)} ${unitFilter(opts.unitIds)}`;
  if (opts.source === 'folded') return sql`(${folded})`;
  return sql`(${folded} union all
    select t.unit_id, t.form_id, unnest(t.question_ids), unnest(t.answer_texts), 1
      from tally_pending t join campaigns c on c.id = ${campaignId}
     where t.campaign_id = ${campaignId} and ${tallyInWindow} ${unitFilter(opts.unitIds)})`;
}

/**
 * Whether the folded answers are read as totals minus the days outside the window (true), or as the
 * days inside it (false, when the window leaves out more of the campaign's unit × form × day rows
 * than it keeps, as after a window edit that cut most of the collection). One value per query.
 */
function fromTotals(campaignId: string) {
  return sql`(select count(*) filter (where (${tallyInWindow}) is true) >= count(*) filter (where (${tallyInWindow}) is not true)
      from form_tallies t join campaigns c on c.id = ${campaignId} where t.campaign_id = ${campaignId})`;
}

/**
 * Form tallies of the campaign inside its window (and of `unitIds`), rows to sum, in the shape of
 * `answerTallies`: folded (a few rows a day), plus one per pending response still valid (a response
 * no longer valid has no answers there).
 */
function formTallies(campaignId: string, opts: CountOptions) {
  const folded = sql`select t.unit_id, t.form_id, t.n
      from form_tallies t join campaigns c on c.id = ${campaignId}
     where t.campaign_id = ${campaignId} and ${tallyInWindow} ${unitFilter(opts.unitIds)}`;
  if (opts.source === 'folded') return sql`(${folded})`;
  return sql`(${folded} union all
    select t.unit_id, t.form_id, 1
      from tally_pending t join campaigns c on c.id = ${campaignId}
     where t.campaign_id = ${campaignId} and t.valid and ${tallyInWindow} ${unitFilter(opts.unitIds)})`;
}

function unitFilter(unitIds: readonly number[] | undefined) {
  if (unitIds === undefined) return sql``;
  return sql`and t.unit_id = any(${`{${unitIds.map((id) => Math.trunc(id)).join(',')}}`}::int[])`;
}

async function answerRows(db: DbOrTx, campaignId: string, opts: CountOptions): Promise<AnswerRow[]> {
  const res = await db.execute(sql`
    select t.unit_id as "unitId", t.form_id as "formId", t.question_id as "questionId", t.answer, sum(t.n)::int as "count"
      from ${answerTallies(campaignId, opts)} t
     group by 1, 2, 3, 4 having sum(t.n) > 0`);
  return res.rows as unknown as AnswerRow[];
}

async function formRows(db: DbOrTx, campaignId: string, opts: CountOptions): Promise<FormRow[]> {
  const res = await db.execute(sql`
    select t.unit_id as "unitId", t.form_id as "formId", sum(t.n)::int as "n"
      from ${formTallies(campaignId, opts)} t
     group by 1, 2 having sum(t.n) > 0`);
  return res.rows as unknown as FormRow[];
}

/** Counts of every valid answer of a campaign, per unit and form (SIPAS and staff campaigns alike). */
export async function countCampaignAnswers(db: DbOrTx, campaignId: string, opts: CountOptions = {}): Promise<CampaignCounts> {
  const [answers, forms] = [await answerRows(db, campaignId, opts), await formRows(db, campaignId, opts)];
  // unitId → formId → rows, without building a string key per row (thousands of rows a read).
  const grouped = new Map<number, Map<number, AnswerRow[]>>();
  for (const row of answers) {
    let byForm = grouped.get(row.unitId);
    if (!byForm) grouped.set(row.unitId, (byForm = new Map<number, AnswerRow[]>()));
    const list = byForm.get(row.formId);
    if (list) list.push(row);
    else byForm.set(row.formId, [row]);
  }
  const out: CampaignCounts = new Map();
  for (const f of forms) {
    const byForm = out.get(f.unitId) ?? new Map<number, FormCounts>();
    byForm.set(f.formId, {
      formId: f.formId,
      validForms: f.n,
      counts: countsFromRows(grouped.get(f.unitId)?.get(f.formId) ?? []),
    });
    out.set(f.unitId, byForm);
  }
  return out;
}

/** The SIPAS name of the same query (forms 01/02 and the quick form are told apart by the caller). */
export const countSipasAnswers = countCampaignAnswers;
