/** SQL of the sampling plan: per-unit targets with counts, the locality tree with quotas, plan writes. */
import { schema, type DbOrTx } from '@hailong/db';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { nameOnAlias } from '../units/as-of.ts';

const { campaignTargets, campaignLocalityQuotas, localities } = schema;

export type UnitTargetRow = {
  code: string;
  name: string;
  group: string;
  target: number;
  dossiers: number | null;
  collected: number;
  valid: number;
};

/** Units with a target in the campaign or with responses in it, with collected and valid counts. */
export async function unitTargets(db: DbOrTx, campaignId: string, day: string): Promise<UnitTargetRow[]> {
  const r = await db.execute<UnitTargetRow>(sql`
    with counts as (
      select unit_id, count(*)::int as collected, count(*) filter (where review_state = 'valid')::int as valid
      from responses where campaign_id = ${campaignId} group by unit_id)
    select u.code, ${nameOnAlias('u', day)} as name, u."group", coalesce(ct.target, c.target_per_unit, 0)::int as target, ct.dossiers,
           coalesce(n.collected, 0)::int as collected, coalesce(n.valid, 0)::int as valid
    from units u
    join campaigns c on c.id = ${campaignId}
    left join campaign_targets ct on ct.campaign_id = c.id and ct.unit_id = u.id
    left join counts n on n.unit_id = u.id
    where ct.unit_id is not null or n.unit_id is not null
    order by u.code`);
  return r.rows;
}

export type LocalityTreeRow = {
  id: number | null;
  parent_id: number | null;
  level: 'commune' | 'hamlet' | null;
  name: string | null;
  unit_code: string;
  unit_name: string;
  tier: 'district' | 'commune';
  quota: number | null;
  collected: number;
};

/**
 * Every district- or commune-tier unit valid on the campaign's day (with or without localities) and
 * any unit with a quota in the campaign, with its localities and this campaign's quotas.
 */
export async function localityRows(db: DbOrTx, campaignId: string, day: string): Promise<LocalityTreeRow[]> {
  const r = await db.execute<LocalityTreeRow>(sql`
    select l.id, l.parent_id, l.level, l.name, u.code as unit_code, ${nameOnAlias('u', day)} as unit_name, k.tier, q.quota,
           coalesce((select sum(a.collected) from assignments a where a.campaign_id = ${campaignId} and a.locality_id = l.id), 0)::int as collected
    from units u
    join unit_kinds k on k.code = u."group"
    left join localities l on l.unit_id = u.id
    left join campaign_locality_quotas q on q.locality_id = l.id and q.campaign_id = ${campaignId}
    where (k.tier in ('district', 'commune') and u.valid_from <= ${day}::date and (u.valid_to is null or u.valid_to >= ${day}::date))
       or exists (select 1 from campaign_locality_quotas q2 join localities l2 on l2.id = q2.locality_id where q2.campaign_id = ${campaignId} and l2.unit_id = u.id)
    order by u.code, l.name`);
  return r.rows;
}

export interface TargetWrite {
  unitId: number;
  target: number;
  dossiers: number | null;
}

export async function upsertTargets(tx: DbOrTx, campaignId: string, rows: TargetWrite[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(campaignTargets)
    .values(rows.map((r) => ({ campaignId, ...r })))
    .onConflictDoUpdate({
      target: [campaignTargets.campaignId, campaignTargets.unitId],
      set: { target: sql`excluded.target`, dossiers: sql`excluded.dossiers` },
    });
}

export async function deleteTargets(tx: DbOrTx, campaignId: string): Promise<void> {
  await tx.delete(campaignTargets).where(eq(campaignTargets.campaignId, campaignId));
}

export interface HamletWrite {
  unitId: number;
  commune: string;
  hamlet: string;
  quota: number;
}

const key = (a: number, b: string) => `${a}\u0000${b}`;

/**
 * Finds or creates the communes, then the hamlets; returns each hamlet's id in the order given. A row
 * without a commune is a village directly under a commune-level unit.
 */
export async function ensureHamlets(tx: DbOrTx, rows: HamletWrite[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const communes = [
    ...new Map(
      rows.filter((r) => r.commune !== '').map((r) => [key(r.unitId, r.commune), { unitId: r.unitId, name: r.commune }]),
    ).values(),
  ];
  if (communes.length > 0)
    await tx
      .insert(localities)
      .values(communes.map((c) => ({ ...c, level: 'commune' as const, parentId: null })))
      .onConflictDoNothing();
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const found = await tx
    .select({ id: localities.id, unitId: localities.unitId, name: localities.name })
    .from(localities)
    .where(and(inArray(localities.unitId, unitIds), isNull(localities.parentId), eq(localities.level, 'commune')));
  const communeId = new Map(found.map((c) => [key(c.unitId, c.name), c.id]));
  const hamlets = rows.map((r) => ({
    unitId: r.unitId,
    parentId: r.commune === '' ? null : (communeId.get(key(r.unitId, r.commune)) ?? 0),
    level: 'hamlet' as const,
    name: r.hamlet,
  }));
  await tx.insert(localities).values(hamlets).onConflictDoNothing();
  const foundHamlets = await tx
    .select({ id: localities.id, unitId: localities.unitId, parentId: localities.parentId, name: localities.name })
    .from(localities)
    .where(and(inArray(localities.unitId, unitIds), eq(localities.level, 'hamlet')));
  const hamletId = new Map(foundHamlets.map((h) => [`${h.unitId}\u0000${h.parentId ?? 0}\u0000${h.name}`, h.id]));
  return hamlets.map((h) => hamletId.get(`${h.unitId}\u0000${h.parentId ?? 0}\u0000${h.name}`) ?? 0);
}

export async function replaceLocalityQuotas(
  tx: DbOrTx,
  campaignId: string,
  quotas: { localityId: number; quota: number }[],
): Promise<void> {
  await tx.delete(campaignLocalityQuotas).where(eq(campaignLocalityQuotas.campaignId, campaignId));
  if (quotas.length === 0) return;
  await tx.insert(campaignLocalityQuotas).values(quotas.map((q) => ({ campaignId, ...q })));
}

export async function upsertHamletQuota(db: DbOrTx, campaignId: string, localityId: number, quota: number): Promise<void> {
  await db
    .insert(campaignLocalityQuotas)
    .values({ campaignId, localityId, quota })
    .onConflictDoUpdate({ target: [campaignLocalityQuotas.campaignId, campaignLocalityQuotas.localityId], set: { quota } });
}

export async function deleteHamletQuota(db: DbOrTx, campaignId: string, localityId: number): Promise<void> {
  await db
    .delete(campaignLocalityQuotas)
    .where(and(eq(campaignLocalityQuotas.campaignId, campaignId), eq(campaignLocalityQuotas.localityId, localityId)));
}

/** Units valid on `day` by code, with their kind's tier (district units take communes, commune-level units villages). */
export async function unitsByCode(
  db: DbOrTx,
  day: string,
): Promise<Map<string, { id: number; code: string; group: string; tier: string }>> {
  const r = await db.execute<{ id: number; code: string; group: string; tier: string }>(sql`
    select u.id, u.code, u."group", k.tier from units u join unit_kinds k on k.code = u."group"
     where u.valid_from <= ${day}::date and (u.valid_to is null or u.valid_to >= ${day}::date)`);
  return new Map(r.rows.map((u) => [u.code, u]));
}
