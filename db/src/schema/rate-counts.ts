import { date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';

/**
 * Response-rate counts of staff-survey invitations, derived from `invitations` (× the respondent's
 * unit and group) by statement-level triggers in the same transaction as every write (migration
 * 0030, docs/0020-response-rate-counts.md). Writers only append signed delta rows, so concurrent
 * mail outcomes never wait on a shared counter row; the worker's fold job compacts a campaign's
 * rows to one per key. Readers sum the rows of one campaign, which is exact at every moment.
 * Derived data (rebuildable from `invitations`), so no foreign keys and no primary key.
 */
export const invitationCounts = pgTable(
  'invitation_counts',
  {
    campaignId: uuid('campaign_id').notNull(),
    unitId: integer('unit_id').notNull(),
    respondentGroup: text('respondent_group').notNull(),
    invited: integer('invited').notNull(),
    delivered: integer('delivered').notNull(),
    bounced: integer('bounced').notNull(),
    failed: integer('failed').notNull(),
    opened: integer('opened').notNull(),
    started: integer('started').notNull(),
    completed: integer('completed').notNull(),
  },
  (t) => [index('invitation_counts_key_idx').on(t.campaignId, t.unitId, t.respondentGroup)],
);

/** Per Vietnam calendar day: invitations first sent, first opened and completed that day (signed deltas, as above). */
export const invitationDayCounts = pgTable(
  'invitation_day_counts',
  {
    campaignId: uuid('campaign_id').notNull(),
    day: date('day').notNull(),
    sent: integer('sent').notNull(),
    opened: integer('opened').notNull(),
    completed: integer('completed').notNull(),
  },
  (t) => [index('invitation_day_counts_key_idx').on(t.campaignId, t.day)],
);
