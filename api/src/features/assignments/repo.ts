import { schema, type DbOrTx } from '@hailong/db';
import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { pgArray } from '../submissions/pg-array.ts';

const { assignments, units, campaigns, users, localities, unitKinds } = schema;
const parentLocality = alias(localities, 'parent_locality');

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
      unitGroup: units.group,
      unitTier: unitKinds.tier,
      localityId: assignments.localityId,
      localityLevel: localities.level,
      localityName: localities.name,
      parentName: parentLocality.name,
      quota: assignments.quota,
      collected: assignments.collected,
    })
    .from(assignments)
    .innerJoin(units, eq(units.id, assignments.unitId))
    .innerJoin(campaigns, eq(campaigns.id, assignments.campaignId))
    .leftJoin(localities, eq(localities.id, assignments.localityId))
    .leftJoin(parentLocality, eq(parentLocality.id, localities.parentId))
    .leftJoin(unitKinds, eq(unitKinds.code, units.group))
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
      kind: campaigns.kind,
      channelForms: campaigns.channelForms,
    })
    .from(assignments)
    .innerJoin(campaigns, eq(campaigns.id, assignments.campaignId))
    .where(sql`${assignments.id} = any(${pgArray(ids)}::uuid[])`);
}
export type LoadedAssignment = Awaited<ReturnType<typeof loadAssignments>>[number];

/** Atomic quota counter: adds n and returns the new count (row lock held until commit); null if the assignment is gone. */
export async function addCollected(db: DbOrTx, assignmentId: string, n: number): Promise<number | null> {
  const rows = await db
    .update(assignments)
    .set({ collected: sql`${assignments.collected} + ${n}` })
    .where(eq(assignments.id, assignmentId))
    .returning({ collected: assignments.collected });
  return rows[0]?.collected ?? null;
}

/**
 * How many stored field responses of this enumerator in this campaign share each of these payload
 * hashes (identical answer patterns), over all of the enumerator's assignments. Reads only the
 * entries of these hashes (responses_enumerator_pattern_idx), however many forms are stored.
 */
export async function countPatterns(
  db: DbOrTx,
  enumeratorId: string,
  campaignId: string,
  hashes: string[],
): Promise<Map<string, number>> {
  if (hashes.length === 0) return new Map();
  const r = await db.execute<{ hash: string; n: number }>(sql`
    select r.payload_hash as hash, count(*)::int as n
    from assignments a
    join responses r on r.source_id = a.id and r.channel = 'enumerator' and r.payload_hash = any(${pgArray(hashes)}::text[])
    where a.enumerator_id = ${enumeratorId} and a.campaign_id = ${campaignId}
    group by r.payload_hash`);
  return new Map(r.rows.map((x) => [x.hash, x.n]));
}

/**
 * Adds `identical_pattern` to this enumerator's stored forms with these hashes. Forms still in
 * their automatic state (valid, no supervisor reason) go back to `pending`; decided forms keep
 * their decision. Returns how many rows changed.
 */
export async function flagStoredPatterns(
  db: DbOrTx,
  enumeratorId: string,
  campaignId: string,
  hashes: string[],
): Promise<number> {
  if (hashes.length === 0) return 0;
  const r = await db.execute(sql`
    update responses r
    set flags = array_append(r.flags, 'identical_pattern'),
        review_state = case when r.review_state = 'valid' and r.review_reason is null then 'pending' else r.review_state end
    from assignments a
    where a.id = r.source_id and r.channel = 'enumerator' and a.enumerator_id = ${enumeratorId} and a.campaign_id = ${campaignId}
      and r.payload_hash = any(${pgArray(hashes)}::text[]) and not ('identical_pattern' = any(r.flags))`);
  return r.rowCount ?? 0;
}

export async function assignmentIdsOf(db: DbOrTx, enumeratorId: string): Promise<string[]> {
  const rows = await db.select({ id: assignments.id }).from(assignments).where(eq(assignments.enumeratorId, enumeratorId));
  return rows.map((r) => r.id);
}
