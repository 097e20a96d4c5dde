import { schema, type DbOrTx } from '@hailong/db';
import { asc, eq, sql } from 'drizzle-orm';
import { pgArray } from '../submissions/pg-array.ts';

const { assignments, units, campaigns, users, responses } = schema;

export async function insertAssignment(db: DbOrTx, values: typeof assignments.$inferInsert): Promise<string> {
  const rows = await db.insert(assignments).values(values).returning({ id: assignments.id });
  if (!rows[0]) throw new Error('insert returned no row');
  return rows[0].id;
}

export async function findEnumerator(db: DbOrTx, id: string) {
  const rows = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

export async function findUnitByCode(db: DbOrTx, code: string) {
  const rows = await db.select({ id: units.id, code: units.code }).from(units).where(eq(units.code, code)).limit(1);
  return rows[0];
}

export async function listEnumeratorAssignments(db: DbOrTx, enumeratorId: string) {
  return db
    .select({
      id: assignments.id,
      campaignId: assignments.campaignId,
      campaign: campaigns,
      unitCode: units.code,
      unitName: units.name,
      localityId: assignments.localityId,
      quota: assignments.quota,
      collected: assignments.collected,
    })
    .from(assignments)
    .innerJoin(units, eq(units.id, assignments.unitId))
    .innerJoin(campaigns, eq(campaigns.id, assignments.campaignId))
    .where(eq(assignments.enumeratorId, enumeratorId))
    .orderBy(asc(campaigns.opensAt), asc(units.code));
}

/** The assignments a sync batch refers to, with what flagging needs from their campaign. */
export async function loadAssignments(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: assignments.id,
      enumeratorId: assignments.enumeratorId,
      campaignId: assignments.campaignId,
      unitId: assignments.unitId,
      quota: assignments.quota,
      opensAt: campaigns.opensAt,
      closesAt: campaigns.closesAt,
      closedAt: campaigns.closedAt,
      settings: campaigns.settings,
    })
    .from(assignments)
    .innerJoin(campaigns, eq(campaigns.id, assignments.campaignId))
    .where(sql`${assignments.id} = any(${pgArray(ids)}::uuid[])`);
}
export type LoadedAssignment = Awaited<ReturnType<typeof loadAssignments>>[number];

/** Atomic quota counter: adds n and returns the new count (row lock held until commit). */
export async function addCollected(db: DbOrTx, assignmentId: string, n: number): Promise<number> {
  const rows = await db
    .update(assignments)
    .set({ collected: sql`${assignments.collected} + ${n}` })
    .where(eq(assignments.id, assignmentId))
    .returning({ collected: assignments.collected });
  return rows[0]?.collected ?? 0;
}

/** How many stored responses of these sources share each payload hash (identical answer patterns). */
export async function countPatterns(db: DbOrTx, sourceIds: string[], hashes: string[]): Promise<Map<string, number>> {
  if (sourceIds.length === 0 || hashes.length === 0) return new Map();
  const rows = await db
    .select({ hash: responses.payloadHash, n: sql<number>`count(*)::int` })
    .from(responses)
    .where(sql`${responses.sourceId} = any(${pgArray(sourceIds)}::uuid[]) and ${responses.payloadHash} = any(${pgArray(hashes)}::text[])`)
    .groupBy(responses.payloadHash);
  return new Map(rows.map((r) => [r.hash, r.n]));
}

export async function assignmentIdsOf(db: DbOrTx, enumeratorId: string): Promise<string[]> {
  const rows = await db.select({ id: assignments.id }).from(assignments).where(eq(assignments.enumeratorId, enumeratorId));
  return rows.map((r) => r.id);
}
