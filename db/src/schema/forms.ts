import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** A versioned questionnaire. `first_used_at` is set when a response first uses it; from then on
 * the definition is immutable (enforced by a trigger). */
export const forms = pgTable(
  'forms',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    kind: text('kind', { enum: ['sipas_counter', 'sipas_online', 'sipas_quick', 'staff'] }).notNull(),
    definition: jsonb('definition').notNull(),
    firstUsedAt: timestamp('first_used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('forms_code_version_key').on(t.code, t.version), check('forms_version_check', sql`${t.version} > 0`)],
);
