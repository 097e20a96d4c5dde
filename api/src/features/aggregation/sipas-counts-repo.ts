/**
 * SQL path of SIPAS/staff counting (DESIGN.md principle 4): answers of the VALID responses of a
 * campaign, inside its window, grouped by unit × form × question × answer. Reads the `*_tallies_live`
 * views (folded running tallies + the not-yet-folded tail, migrations 0004 and 0007), which hold the
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

/** The relation a count reads; the names come from a closed set, never from input. */
function tallies(kind: 'answer' | 'form', source: TallySource = 'live') {
  return sql.raw(`${kind}_tallies${source === 'live' ? '_live' : ''}`);
}

function unitFilter(unitIds: readonly number[] | undefined) {
  if (unitIds === undefined) return sql``;
  return sql`and t.unit_id = any(${`{${unitIds.map((id) => Math.trunc(id)).join(',')}}`}::int[])`;
}

async function answerRows(db: DbOrTx, campaignId: string, opts: CountOptions): Promise<AnswerRow[]> {
  const res = await db.execute(sql`
    select t.unit_id as "unitId", t.form_id as "formId", t.question_id as "questionId", t.answer, sum(t.n)::int as "count"
      from ${tallies('answer', opts.source)} t join campaigns c on c.id = t.campaign_id
     where t.campaign_id = ${campaignId} and ${tallyInWindow} ${unitFilter(opts.unitIds)}
     group by 1, 2, 3, 4 having sum(t.n) > 0`);
  return res.rows as unknown as AnswerRow[];
}

async function formRows(db: DbOrTx, campaignId: string, opts: CountOptions): Promise<FormRow[]> {
  const res = await db.execute(sql`
    select t.unit_id as "unitId", t.form_id as "formId", sum(t.n)::int as "n"
      from ${tallies('form', opts.source)} t join campaigns c on c.id = t.campaign_id
     where t.campaign_id = ${campaignId} and ${tallyInWindow} ${unitFilter(opts.unitIds)}
     group by 1, 2 having sum(t.n) > 0`);
  return res.rows as unknown as FormRow[];
}

/** Counts of every valid answer of a campaign, per unit and form (SIPAS and staff campaigns alike). */
export async function countCampaignAnswers(db: DbOrTx, campaignId: string, opts: CountOptions = {}): Promise<CampaignCounts> {
  const [answers, forms] = [await answerRows(db, campaignId, opts), await formRows(db, campaignId, opts)];
  const grouped = new Map<string, AnswerRow[]>();
  for (const row of answers) {
    const key = `${row.unitId}:${row.formId}`;
    const list = grouped.get(key);
    if (list) list.push(row);
    else grouped.set(key, [row]);
  }
  const out: CampaignCounts = new Map();
  for (const f of forms) {
    const byForm = out.get(f.unitId) ?? new Map<number, FormCounts>();
    byForm.set(f.formId, {
      formId: f.formId,
      validForms: f.n,
      counts: countsFromRows(grouped.get(`${f.unitId}:${f.formId}`) ?? []),
    });
    out.set(f.unitId, byForm);
  }
  return out;
}

/** The SIPAS name of the same query (forms 01/02 and the quick form are told apart by the caller). */
export const countSipasAnswers = countCampaignAnswers;
