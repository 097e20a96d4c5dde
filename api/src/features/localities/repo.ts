/** SQL for the locality hierarchy (district unit → commune → hamlet). */
import { schema, type DbOrTx } from '@hailong/db';
import { asc, eq, sql } from 'drizzle-orm';

const { localities, units, unitKinds, assignments } = schema;

const columns = {
  id: localities.id,
  unitId: localities.unitId,
  unitCode: units.code,
  parentId: localities.parentId,
  level: localities.level,
  name: localities.name,
};

export async function listLocalities(db: DbOrTx, unitCode?: string) {
  const q = db.select(columns).from(localities).innerJoin(units, eq(units.id, localities.unitId));
  return (unitCode === undefined ? q : q.where(eq(units.code, unitCode))).orderBy(
    asc(units.code),
    asc(localities.level),
    asc(localities.name),
  );
}
export type LocalityRow = Awaited<ReturnType<typeof listLocalities>>[number];

export async function findLocality(db: DbOrTx, id: number): Promise<LocalityRow | undefined> {
  const rows = await db
    .select(columns)
    .from(localities)
    .innerJoin(units, eq(units.id, localities.unitId))
    .where(eq(localities.id, id))
    .limit(1);
  return rows[0];
}

export async function findUnit(db: DbOrTx, code: string) {
  const rows = await db
    .select({ id: units.id, code: units.code, group: units.group, tier: unitKinds.tier })
    .from(units)
    .innerJoin(unitKinds, eq(unitKinds.code, units.group))
    .where(eq(units.code, code))
    .limit(1);
  return rows[0];
}

export async function insertLocality(db: DbOrTx, values: typeof localities.$inferInsert): Promise<number> {
  const rows = await db.insert(localities).values(values).returning({ id: localities.id });
  if (!rows[0]) throw new Error('insert returned no row');
  return rows[0].id;
}

export async function renameLocality(db: DbOrTx, id: number, name: string): Promise<void> {
  await db.update(localities).set({ name }).where(eq(localities.id, id));
}

export async function deleteLocality(db: DbOrTx, id: number): Promise<void> {
  await db.delete(localities).where(eq(localities.id, id));
}

/** Whether an assignment (of any campaign) points at the locality or, for a commune, at one of its hamlets. */
export async function usedByAssignment(db: DbOrTx, id: number): Promise<boolean> {
  const rows = await db
    .select({ id: assignments.id })
    .from(assignments)
    .where(
      sql`${assignments.localityId} = ${id} or ${assignments.localityId} in (select id from localities where parent_id = ${id})`,
    )
    .limit(1);
  return rows.length > 0;
}

export async function hasChildren(db: DbOrTx, id: number): Promise<boolean> {
  const rows = await db.select({ id: localities.id }).from(localities).where(eq(localities.parentId, id)).limit(1);
  return rows.length > 0;
}
