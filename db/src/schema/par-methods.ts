import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * The PAR method of a year (docs/0012), versioned: every save adds a version, the highest is in
 * force. `basis` says where a version came from: the built-in 2021 seed, a copy of an earlier year,
 * or an edit.
 */
export const parMethods = pgTable(
  'par_methods',
  {
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    method: jsonb('method').notNull(),
    basis: text('basis', { enum: ['seed', 'copy', 'edit'] }).notNull(),
    /** The year copied, for `copy`. */
    copiedFromYear: integer('copied_from_year'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.version] }),
    check('par_methods_version_check', sql`${t.version} >= 1`),
    check('par_methods_basis_check', sql`${t.basis} in ('seed','copy','edit')`),
  ],
);
