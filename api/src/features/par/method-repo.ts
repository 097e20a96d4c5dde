/** Versions of a year's PAR method (table par_methods). */
import { schema, type DbOrTx } from '@hailong/db';
import type { ParMethod } from '@hailong/scoring';
import { desc, eq, lt, sql } from 'drizzle-orm';

const m = schema.parMethods;

export interface ParMethodRow {
  year: number;
  version: number;
  method: ParMethod;
  basis: 'seed' | 'copy' | 'edit';
  copiedFromYear: number | null;
  createdAt: Date;
}

const columns = {
  year: m.year,
  version: m.version,
  method: m.method,
  basis: m.basis,
  copiedFromYear: m.copiedFromYear,
  createdAt: m.createdAt,
};

/** The version in force for `year` (the highest), if the year has one. */
export async function currentMethodRow(db: DbOrTx, year: number): Promise<ParMethodRow | undefined> {
  const rows = await db.select(columns).from(m).where(eq(m.year, year)).orderBy(desc(m.version)).limit(1);
  return rows[0] as ParMethodRow | undefined;
}

/** The method in force of the latest year before `year` (or, when none, of the earliest year after it). */
export async function nearestMethodRow(db: DbOrTx, year: number): Promise<ParMethodRow | undefined> {
  const before = await db.select(columns).from(m).where(lt(m.year, year)).orderBy(desc(m.year), desc(m.version)).limit(1);
  if (before[0]) return before[0] as ParMethodRow;
  const after = await db.select(columns).from(m).orderBy(m.year, desc(m.version)).limit(1);
  return after[0] as ParMethodRow | undefined;
}

/** Adds a version; a concurrent save of the same version fails on the primary key. */
export async function insertMethodVersion(
  db: DbOrTx,
  row: {
    year: number;
    version: number;
    method: ParMethod;
    basis: ParMethodRow['basis'];
    copiedFromYear?: number | null;
    createdBy?: string | null;
  },
): Promise<ParMethodRow | undefined> {
  const inserted = await db.insert(m).values(row).onConflictDoNothing().returning(columns);
  return inserted[0] as ParMethodRow | undefined;
}

/** Whether the year has results a method change would alter: imported self-assessments or valid responses in its campaigns. */
export async function yearHasResults(db: DbOrTx, year: number): Promise<boolean> {
  const { rows } = await db.execute<{ has: boolean }>(sql`
    select exists (select 1 from ${schema.selfAssessments} where ${schema.selfAssessments.year} = ${year})
        or exists (select 1 from ${schema.formTallies} t join ${schema.campaigns} c on c.id = t.campaign_id where c.year = ${year} and t.n > 0) as has`);
  return rows[0]?.has === true;
}
