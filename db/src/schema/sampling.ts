import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.ts';
import { localities } from './units.ts';

/** The national SIPAS method's forms per sampled hamlet. */
export const DEFAULT_HAMLET_QUOTA = 27;

/**
 * Locality sampling of one SIPAS campaign: the hamlets (ấp/khóm) drawn for it and the forms each must
 * yield. Localities are province reference data shared by campaigns; the sample changes per round.
 */
export const campaignLocalityQuotas = pgTable(
  'campaign_locality_quotas',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    localityId: integer('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    quota: integer('quota').notNull().default(DEFAULT_HAMLET_QUOTA),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.localityId] }),
    index('campaign_locality_quotas_locality_idx').on(t.localityId),
    check('campaign_locality_quotas_quota_check', sql`${t.quota} >= 0`),
  ],
);
