import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { units } from './units.ts';
import { organisations, users } from './users.ts';

export const campaignKinds = ['staff', 'sipas'] as const;

/** One survey round (đợt khảo sát). Settings hold the per-campaign method conventions. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: campaignKinds }).notNull(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** Set when an admin closes the campaign early. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When the campaign's personal data was deleted, RETENTION_DAYS after it closed (docs/0014). */
    personalDataPurgedAt: timestamp('personal_data_purged_at', { withTimezone: true }),
    settings: jsonb('settings').notNull().default({}),
    /**
     * SIPAS: the form code each channel offers ({ kiosk, online, field[] }); null = the 2021 defaults
     * (docs/0022). Checked against stored SIPAS forms when saved.
     */
    channelForms: jsonb('channel_forms'),
    /**
     * Staff: the template code each respondent group answers ({ T1: code, ... T6: code }); null = the
     * standard codes (docs/0022). Checked against stored staff forms of that group when saved.
     */
    staffTemplates: jsonb('staff_templates'),
    /** Default target sample per unit (a per-unit override lives in campaign_targets). */
    targetPerUnit: integer('target_per_unit'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('campaigns_kind_check', sql`${t.kind} in ('staff','sipas')`),
    check('campaigns_window_check', sql`${t.closesAt} > ${t.opensAt}`),
    uniqueIndex('campaigns_name_key').on(t.name),
  ],
);

export const campaignTargets = pgTable(
  'campaign_targets',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    target: integer('target').notNull(),
    /** Dossiers N the target was computed from (n = ceil(N/(1+N·e²))), when it was not entered. */
    dossiers: integer('dossiers'),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId] }), check('campaign_targets_target_check', sql`${t.target} >= 0`)],
);

/** Which supervising organisations watch a campaign. */
export const campaignSupervisors = pgTable(
  'campaign_supervisors',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.organisationId] })],
);

/** Appraised self-assessment (điểm tự đánh giá đã thẩm định) and adjusted max points, imported per year. */
export const selfAssessments = pgTable(
  'self_assessments',
  {
    year: integer('year').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    selfAssessment: numeric('self_assessment', { precision: 8, scale: 4 }).notNull(),
    adjustedMax: numeric('adjusted_max', { precision: 8, scale: 4 }).notNull(),
    staffSurveyPoints: numeric('staff_survey_points', { precision: 8, scale: 4 }),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitId] }), index('self_assessments_unit_idx').on(t.unitId)],
);
