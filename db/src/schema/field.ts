import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.ts';
import { localities, units } from './units.ts';
import { users } from './users.ts';

/** A paired counter tablet. Pairing code and device token are stored hashed. */
export const kioskDevices = pgTable(
  'kiosk_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    counterName: text('counter_name').notNull(),
    mode: text('mode', { enum: ['quick', 'full'] })
      .notNull()
      .default('quick'),
    pairingCodeHash: text('pairing_code_hash'),
    pairingExpiresAt: timestamp('pairing_expires_at', { withTimezone: true }),
    deviceTokenHash: text('device_token_hash'),
    pairedAt: timestamp('paired_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    appVersion: text('app_version'),
    pendingCount: integer('pending_count').notNull().default(0),
    minIntervalSeconds: integer('min_interval_seconds').notNull().default(20),
    hourlyCap: integer('hourly_cap').notNull().default(120),
    /** An unfinished session on the tablet resets after this many idle seconds. */
    idleSeconds: integer('idle_seconds').notNull().default(60),
    // The tablet's last heartbeat (every minute, even when submissions fail): what it holds and why.
    lastHeartbeatAt: timestamp('last_heartbeat_at', { withTimezone: true }),
    queueLength: integer('queue_length').notNull().default(0),
    previousQueueLength: integer('previous_queue_length').notNull().default(0),
    /** Since when the queue has not been empty (null when it is). */
    queueWaitingSince: timestamp('queue_waiting_since', { withTimezone: true }),
    parkedCount: integer('parked_count').notNull().default(0),
    lastErrorCode: text('last_error_code'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
    /** Tablet clock minus server clock at the last heartbeat, in seconds. */
    clockSkewSeconds: integer('clock_skew_seconds'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('kiosk_devices_token_key').on(t.deviceTokenHash),
    uniqueIndex('kiosk_devices_pairing_key').on(t.pairingCodeHash),
    check('kiosk_devices_limits_check', sql`${t.minIntervalSeconds} >= 0 and ${t.hourlyCap} > 0`),
    check('kiosk_devices_idle_check', sql`${t.idleSeconds} between 15 and 600`),
  ],
);

/**
 * Sessions a tablet holds parked (the server answered a code that will never be accepted as sent),
 * as reported by its heartbeat; the admin releases them (the tablet re-sends) or discards them with
 * a reason (audited). `settled` once the tablet no longer holds them.
 */
export const kioskParkedItems = pgTable(
  'kiosk_parked_items',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => kioskDevices.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id').notNull(),
    code: text('code').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
    parkedAt: timestamp('parked_at', { withTimezone: true }).notNull(),
    state: text('state', { enum: ['parked', 'released', 'discarded', 'settled'] })
      .notNull()
      .default('parked'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.clientId] })],
);

/** One-time rating codes printed on result slips; hashed, single use. */
export const ratingCodes = pgTable(
  'rating_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rating_codes_code_key').on(t.codeHash)],
);

/** Units and/or localities given to an enumerator with a quota. */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    enumeratorId: uuid('enumerator_id')
      .notNull()
      .references(() => users.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    localityId: integer('locality_id').references(() => localities.id),
    quota: integer('quota').notNull(),
    collected: integer('collected').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assignments_scope_key').on(t.campaignId, t.enumeratorId, t.unitId, sql`coalesce(${t.localityId}, 0)`),
    index('assignments_enumerator_idx').on(t.enumeratorId),
    check('assignments_quota_check', sql`${t.quota} >= 0`),
  ],
);

/** Back-checks (phúc tra): a random share of each enumerator's forms re-contacted by supervisors. */
export const backChecks = pgTable(
  'back_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    responseId: uuid('response_id').notNull(),
    drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull().defaultNow(),
    outcome: text('outcome', { enum: ['pending', 'confirmed', 'not_reached', 'contradicted'] })
      .notNull()
      .default('pending'),
    note: text('note'),
    /** The supervisor who re-contacts the respondent: the only one (with admins) shown the contact details. */
    assignedTo: uuid('assigned_to').references(() => users.id),
    checkedBy: uuid('checked_by').references(() => users.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('back_checks_response_key').on(t.responseId), index('back_checks_assigned_idx').on(t.assignedTo)],
);
