import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.ts';

/** `focal_point`: a unit's đầu mối CCHC, bound to that one unit (docs/0019-focal-point-role.md). */
export const userRoles = ['admin', 'enumerator', 'supervisor', 'observer', 'focal_point'] as const;
export type UserRole = (typeof userRoles)[number];

/** Enumerator organisations (Bưu điện tỉnh) and supervising bodies (MTTQ, Hội CCB). */
export const organisations = pgTable(
  'organisations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['enumerator', 'supervisor'] }).notNull(),
  },
  (t) => [uniqueIndex('organisations_name_key').on(t.name)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: userRoles }).notNull(),
    organisationId: integer('organisation_id').references(() => organisations.id),
    /** The one unit a focal point sees; required for that role and forbidden for the others. */
    unitId: integer('unit_id').references(() => units.id),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Login attempts since the last success, counted before the password is checked (docs/0009-abuse-limits.md). */
    failedLogins: integer('failed_logins').notNull().default(0),
    lastFailedLoginAt: timestamp('last_failed_login_at', { withTimezone: true }),
    /** No password is checked until then (lockout after repeated failures; an admin may unlock). */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    check('users_role_check', sql`${t.role} in ('admin','enumerator','supervisor','observer','focal_point')`),
    check('users_unit_role_check', sql`(${t.role} = 'focal_point') = (${t.unitId} is not null)`),
    index('users_unit_idx').on(t.unitId),
  ],
);

/** Login sessions; only the SHA-256 of the cookie token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/** Append-only record of who did what (reviews, imports, revocations, logins). No personal data in details. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    details: jsonb('details').notNull().default({}),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId)],
);

/**
 * Mail about an account (lockout), written in the same transaction as the event and sent by the
 * worker's sweeper: an outbox, so a crash between the event and the mail loses nothing.
 */
export const accountNotices = pgTable(
  'account_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['lockout'] }).notNull(),
    /** Facts for the message (lock end); never the password or the caller's address. */
    details: jsonb('details').notNull().default({}),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('account_notices_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
  ],
);
