import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/** The kinds a province started with; the set is data (`unit_kinds`), these are only the seeded ones. */
export const unitGroups = [
  'department',
  'public_service_unit',
  'central_agency',
  'district',
  'commune',
  'ward',
  'special_zone',
] as const;
export type UnitGroup = (typeof unitGroups)[number];

/** A province or centrally-run city (tỉnh / thành phố trực thuộc Trung ương); it owns its units. */
export const provinces = pgTable(
  'provinces',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('provinces_code_key').on(t.code)],
);

/**
 * Kinds of unit (sở, đơn vị sự nghiệp, huyện, xã, phường, đặc khu…) as data. `tier` places the kind
 * in the administration (province-level agency, district, commune level); `par_group` is the PAR
 * Index group its units are ranked in.
 */
export const unitKinds = pgTable(
  'unit_kinds',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    tier: text('tier', { enum: ['province', 'district', 'commune'] }).notNull(),
    parGroup: text('par_group').notNull(),
  },
  (t) => [check('unit_kinds_tier_check', sql`${t.tier} in ('province','district','commune')`)],
);

/**
 * An agency being evaluated. Its code never changes and is never reused; its name, kind and parent
 * change over time (`unit_versions`); `name`, `group` and `parent_id` here are the latest version.
 * Valid from `valid_from` through `valid_to` (inclusive; null: still exists).
 */
export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    group: text('group')
      .notNull()
      .references(() => unitKinds.code),
    provinceId: integer('province_id')
      .notNull()
      .references(() => provinces.id),
    parentId: integer('parent_id').references((): AnyPgColumn => units.id),
    validFrom: date('valid_from').notNull().default('2000-01-01'),
    validTo: date('valid_to'),
    /** Retired: lineage lives in unit_event_links (a split has many successors). */
    successorId: integer('successor_id').references((): AnyPgColumn => units.id),
    /** Dossiers handled per year: the population N of the SIPAS sample-size formula. */
    dossiersPerYear: integer('dossiers_per_year'),
    /** The unit's PAR focal point (đầu mối CCHC), who receives response-rate digests. */
    focalPointEmail: text('focal_point_email'),
    /** The focal point's name, for the digest's greeting and the admin's list. */
    focalPointName: text('focal_point_name'),
    /** Online form 02 asks for a dossier number or a rating code, and refuses a response without one. */
    onlineCodeRequired: boolean('online_code_required').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    index('units_parent_idx').on(t.parentId),
    check('units_validity_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** A unit's name, kind and parent from `valid_from` until the next version (or the unit's end). */
export const unitVersions = pgTable(
  'unit_versions',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    validFrom: date('valid_from').notNull(),
    name: text('name').notNull(),
    group: text('group')
      .notNull()
      .references(() => unitKinds.code),
    parentId: integer('parent_id').references((): AnyPgColumn => units.id),
    eventId: integer('event_id').references((): AnyPgColumn => unitEvents.id),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.validFrom] })],
);

export const unitEventKinds = ['rename', 'merge', 'split', 'transfer', 'dissolve'] as const;
export type UnitEventKind = (typeof unitEventKinds)[number];

/** A reorganisation with its effective date and legal basis (decision number), as imported. */
export const unitEvents = pgTable(
  'unit_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: unitEventKinds }).notNull(),
    effectiveDate: date('effective_date').notNull(),
    basis: text('basis').notNull(),
    /** The import the event came in (one file), for the audit trail. */
    importId: uuid('import_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('unit_events_kind_check', sql`${t.kind} in ('rename','merge','split','transfer','dissolve')`),
    index('unit_events_import_idx').on(t.importId),
  ],
);

/**
 * Lineage edges of an event: `from_unit_id` → `to_unit_id`. A merge has one edge per predecessor,
 * a split one per successor; a rename or transfer links a unit to itself; a dissolution has no successor.
 */
export const unitEventLinks = pgTable(
  'unit_event_links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    eventId: integer('event_id')
      .notNull()
      .references(() => unitEvents.id),
    fromUnitId: integer('from_unit_id')
      .notNull()
      .references(() => units.id),
    toUnitId: integer('to_unit_id').references(() => units.id),
  },
  (t) => [index('unit_event_links_from_idx').on(t.fromUnitId), index('unit_event_links_to_idx').on(t.toUnitId)],
);

/** Administrative procedures (thủ tục) a unit handles, offered as an optional choice at the kiosk. */
export const unitProcedures = pgTable(
  'unit_procedures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('unit_procedures_unit_name_key').on(t.unitId, t.name)],
);

/**
 * Locality hierarchy for locality sampling. Two shapes: province → district unit → commune → hamlet
 * (a commune row under a district unit, hamlets under it), and the two-tier province → commune/ward
 * unit → village (ấp, khóm, tổ dân phố: a hamlet row directly under a commune-level unit).
 */
export const localities = pgTable(
  'localities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    parentId: integer('parent_id').references((): AnyPgColumn => localities.id),
    level: text('level', { enum: ['commune', 'hamlet'] }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    // coalesce: two communes of one district (parent null) must not share a name either.
    uniqueIndex('localities_unit_parent_name_key').on(t.unitId, sql`coalesce(${t.parentId}, 0)`, t.name),
    index('localities_parent_idx').on(t.parentId),
    check('localities_level_check', sql`(${t.level} = 'commune' and ${t.parentId} is null) or ${t.level} = 'hamlet'`),
  ],
);
