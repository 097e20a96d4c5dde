import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.ts';
import { forms } from './forms.ts';
import { units } from './units.ts';

/** A civil servant / delegate invited to the staff survey (khảo sát CBCCVC). */
export const respondents = pgTable(
  'respondents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    respondentGroup: text('respondent_group', { enum: ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'] }).notNull(),
    optedOutAt: timestamp('opted_out_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('respondents_campaign_email_key').on(t.campaignId, sql`lower(${t.email})`),
    index('respondents_unit_idx').on(t.campaignId, t.unitId),
    check('respondents_group_check', sql`${t.respondentGroup} in ('T1','T2','T3','T4','T5','T6')`),
  ],
);

/**
 * The units a respondent's answers count for (docs/0018): one answer set per rated unit. Most
 * respondents rate their own unit (`respondents.unit_id`, their home unit, which response rates and
 * focal points follow); a People's Council delegate (T1) rates several departments and districts.
 */
export const respondentUnits = pgTable(
  'respondent_units',
  {
    respondentId: uuid('respondent_id')
      .notNull()
      .references(() => respondents.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** The order the respondent answers them in (the order of the import cell). */
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.respondentId, t.unitId] }),
    uniqueIndex('respondent_units_position_key').on(t.respondentId, t.position),
    index('respondent_units_unit_idx').on(t.unitId),
  ],
);

/** One personalised link. Only the SHA-256 of the token is stored. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    respondentId: uuid('respondent_id')
      .notNull()
      .references(() => respondents.id, { onDelete: 'cascade' }),
    formId: integer('form_id')
      .notNull()
      .references(() => forms.id),
    tokenHash: text('token_hash').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    bouncedAt: timestamp('bounced_at', { withTimezone: true }),
    bounceReason: text('bounce_reason'),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
    remindersSent: integer('reminders_sent').notNull().default(0),
    /** Set when a mail to this respondent gave up after the retry window (docs/0003); cleared when one is sent or re-armed. */
    mailFailedAt: timestamp('mail_failed_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    draftAnswers: jsonb('draft_answers'),
    draftUpdatedAt: timestamp('draft_updated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
    uniqueIndex('invitations_respondent_key').on(t.respondentId),
    index('invitations_campaign_idx').on(t.campaignId),
  ],
);

export const mailKinds = ['invitation', 'reminder', 'digest'] as const;
export const mailStatuses = ['pending', 'sending', 'sent', 'retrying', 'failed', 'bounced', 'skipped'] as const;

/** What the worker delivered. The unique key makes "each round at most once" a database fact, not a
 * Redis one: a crashed worker or a flushed Redis cannot cause a second mail for the same round. */
export const mailDeliveries = pgTable(
  'mail_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    invitationId: uuid('invitation_id').references(() => invitations.id, { onDelete: 'cascade' }),
    /** For unit digests (escalation to the focal point). */
    unitId: integer('unit_id').references(() => units.id),
    kind: text('kind', { enum: mailKinds }).notNull(),
    round: integer('round').notNull().default(0),
    /** 'retrying': a transient failure, next try at next_attempt_at; 'failed': gave up after the retry window. */
    status: text('status', { enum: mailStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When a worker claimed the row for sending (status 'sending'). */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** Which worker holds the claim, and until when: the holder renews the lease while it sends; an
     * expired lease is a crashed worker and anyone may take the row over (docs/0003). */
    claimedBy: text('claimed_by'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    /** First transient failure of the current run of attempts; the retry window counts from here. */
    failingSince: timestamp('failing_since', { withTimezone: true }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    messageId: text('message_id'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('mail_deliveries_invitation_kind_round_key')
      .on(t.invitationId, t.kind, t.round)
      .where(sql`${t.invitationId} is not null`),
    uniqueIndex('mail_deliveries_unit_kind_round_key')
      .on(t.campaignId, t.unitId, t.kind, t.round)
      .where(sql`${t.unitId} is not null and ${t.invitationId} is null`),
    index('mail_deliveries_status_idx').on(t.status),
  ],
);
