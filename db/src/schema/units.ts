import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const unitGroups = ['department', 'public_service_unit', 'central_agency', 'district', 'commune'] as const;
export type UnitGroup = (typeof unitGroups)[number];

/** An agency being evaluated. Units have history: renames and mergers point to a successor. */
export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    group: text('group', { enum: unitGroups }).notNull(),
    validFrom: date('valid_from').notNull().default('2000-01-01'),
    validTo: date('valid_to'),
    successorId: integer('successor_id').references((): AnyPgColumn => units.id),
    /** Dossiers handled per year: the population N of the SIPAS sample-size formula. */
    dossiersPerYear: integer('dossiers_per_year'),
    /** The unit's PAR focal point (đầu mối CCHC), who receives response-rate digests. */
    focalPointEmail: text('focal_point_email'),
    /** The focal point's name, for the digest's greeting and the admin's list. */
    focalPointName: text('focal_point_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    check('units_group_check', sql`${t.group} in ('department','public_service_unit','central_agency','district','commune')`),
    check('units_validity_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** Administrative procedures (thủ tục) a unit handles, offered as an optional choice at the kiosk. */
export const unitProcedures = pgTable(
  'unit_procedures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id').notNull().references(() => units.id),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('unit_procedures_unit_name_key').on(t.unitId, t.name)],
);

/** District → commune → hamlet hierarchy for locality sampling. */
export const localities = pgTable(
  'localities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id').notNull().references(() => units.id),
    parentId: integer('parent_id').references((): AnyPgColumn => localities.id),
    level: text('level', { enum: ['commune', 'hamlet'] }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    // coalesce: two communes of one district (parent null) must not share a name either.
    uniqueIndex('localities_unit_parent_name_key').on(t.unitId, sql`coalesce(${t.parentId}, 0)`, t.name),
    index('localities_parent_idx').on(t.parentId),
    check('localities_level_check', sql`(${t.level} = 'commune' and ${t.parentId} is null) or (${t.level} = 'hamlet' and ${t.parentId} is not null)`),
  ],
);
