import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Running counts of VALID responses, derived from `responses` by statement-level triggers in the
 * same transaction as every insert/update/delete (migration 0004): SIPAS counting reads these
 * instead of scanning every answer of every response (docs/0004-sipas-aggregation.md).
 * `day` is the Vietnam-time date of `coalesce(completed_at, received_at)`. Derived data: it can be
 * rebuilt from `responses` at any time, so it has no foreign keys.
 */
export const formTallies = pgTable(
  'form_tallies',
  {
    campaignId: uuid('campaign_id').notNull(),
    unitId: integer('unit_id').notNull(),
    formId: integer('form_id').notNull(),
    day: date('day').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId, t.formId, t.day] })],
);

/** Per valid response answer: campaign × unit × form × day × question × answer text (`value #>> '{}'`). */
export const answerTallies = pgTable(
  'answer_tallies',
  {
    campaignId: uuid('campaign_id').notNull(),
    unitId: integer('unit_id').notNull(),
    formId: integer('form_id').notNull(),
    day: date('day').notNull(),
    questionId: text('question_id').notNull(),
    answer: text('answer').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId, t.formId, t.day, t.questionId, t.answer] })],
);

/** The columns of the answer totals and of their deltas: campaign × unit × form × question × answer, and the count. */
function answerTotalColumns() {
  return {
    campaignId: uuid('campaign_id').notNull(),
    unitId: integer('unit_id').notNull(),
    formId: integer('form_id').notNull(),
    questionId: text('question_id').notNull(),
    answer: text('answer').notNull(),
    n: integer('n').notNull(),
  };
}

/**
 * The answer tallies summed over every day (migration 0043, docs/0036-answer-tally-totals.md):
 * campaign × unit × form × question × answer, so a results page reads a few thousand rows whatever
 * the number of days, and subtracts the days outside the campaign window from `answer_tallies`.
 * The fold upserts it in the statement that upserts `answer_tallies`; the other writers of
 * `answer_tallies` (review decisions and deletions, through `responses_tally_delta`) append signed
 * rows to `answer_tally_total_deltas` instead, so they never wait on a shared row, and
 * `answer_tally_totals_compact()` (the worker's fold job) moves those into this table. Readers sum
 * both, which equals the sum of `answer_tallies` over the days at every moment.
 */
export const answerTallyTotals = pgTable('answer_tally_totals', answerTotalColumns(), (t) => [
  primaryKey({ name: 'answer_tally_totals_pk', columns: [t.campaignId, t.unitId, t.formId, t.questionId, t.answer] }),
]);

/** Signed changes of `answer_tally_totals` not yet compacted into it (append-only; see above). */
export const answerTallyTotalDeltas = pgTable('answer_tally_total_deltas', answerTotalColumns(), (t) => [
  index('answer_tally_total_deltas_campaign_idx').on(t.campaignId),
]);

/**
 * Valid responses not yet folded into the tallies above (migration 0007): the insert trigger only
 * records the id here, so a submission never waits on the shared per-unit tally rows; the worker's
 * `tally-fold` job moves them into the tallies in batches. Readers use the `*_tallies_live` views
 * (folded tallies + this tail), so counts are exact at every moment (docs/0004-sipas-aggregation.md).
 */
export const tallyPending = pgTable(
  'tally_pending',
  {
    responseId: uuid('response_id').primaryKey(),
    /**
     * The response's campaign (migration 0037), so a results page can tell in a few index entries
     * whether a campaign's tail is small enough to count (docs/0027-large-unfolded-tail.md).
     */
    campaignId: uuid('campaign_id').notNull(),
    /**
     * What the response counts for, written with it (migration 0042): its unit, form and tally day,
     * and its countable answers as parallel arrays of question ids and answer texts (the text of
     * `value #>> '{}'`, blank, `''` and `[]` left out). The fold and the read-time count of a small
     * tail read only these rows, never `responses` (docs/0032-pending-tail-answers.md); a review
     * decision or any other update of a pending response rewrites its row. `valid`: whether the
     * response is valid now; a pending response that a review decision made suspect or invalid stays
     * pending and counts nothing (empty arrays) until the fold drops it or a decision brings it back.
     */
    valid: boolean('valid').notNull(),
    unitId: integer('unit_id').notNull(),
    formId: integer('form_id').notNull(),
    day: date('day').notNull(),
    questionIds: text('question_ids').array().notNull(),
    answerTexts: text('answer_texts').array().notNull(),
  },
  (t) => [index('tally_pending_campaign_idx').on(t.campaignId)],
);

/** One row: when the fold last moved responses into the tallies (shown beside figures that leave a tail out). */
export const tallyFoldState = pgTable(
  'tally_fold_state',
  {
    id: boolean('id').primaryKey().default(true),
    foldedAt: timestamp('folded_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('tally_fold_state_one_row', sql`${t.id}`)],
);

/**
 * Responses NOT in review state `valid` (suspect, pending, invalid), per campaign × unit × Vietnam
 * day × state × channel, kept by statement-level triggers on `responses` in the same transaction as
 * every insert, review decision and delete (migration 0039, docs/0030-review-state-counts.md), so
 * the results page counts them without reading `responses`. Valid responses are counted by the
 * tallies above. Writers append signed delta rows (+1 entering a count, -1 leaving it) and never
 * update a shared row; `response_state_counts_compact()` (the worker's fold job) sums each key's
 * rows into one. Readers sum a campaign's rows, which is exact at every moment. Derived data
 * (rebuildable from `responses`), so no keys.
 */
export const responseStateCounts = pgTable(
  'response_state_counts',
  {
    campaignId: uuid('campaign_id').notNull(),
    unitId: integer('unit_id').notNull(),
    day: date('day').notNull(),
    reviewState: text('review_state').notNull(),
    channel: text('channel').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [index('response_state_counts_key_idx').on(t.campaignId, t.unitId, t.day, t.reviewState, t.channel)],
);
