/** SQL of the sampling plan: per-unit targets with counts, the locality tree with quotas, plan writes. */
import { schema, type DbOrTx } from '@hailong/db';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';

const { units, campaignTargets, campaignLocalityQuotas, localities } = schema;

export type UnitTargetRow = {
  code: string; name: string; group: string; target: number; dossiers: number | null; collected: number; valid: number;
};

/** Units with a target in the campaign or with responses in it, with collected and valid counts. */
export async function unitTargets(db: DbOrTx, campaignId: string): Promise<UnitTargetRow[]> {
  const r = await db.execute<UnitTargetRow>(sql`
    with counts as (
      select unit_id, count(*)::int as collected, count(*) filter (where review_state = 'valid')::int as valid
      from responses where campaign_id = ${campaignId} group by unit_id)
    select u.code, u.name, u."group", coalesce(ct.target, c.target_per_unit, 0)::int as target, ct.dossiers,
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
  id: number; parent_id: number | null; level: 'commune' | 'hamlet'; name: string; unit_code: string; unit_name: string;
  quota: number | null; collected: number;
};

/** Every district unit (with or without localities) and every locality, with this campaign's quotas. */
export async function localityRows(db: DbOrTx, campaignId: string): Promise<LocalityTreeRow[]> {
  const r = await db.execute<LocalityTreeRow>(sql`
    select l.id, l.parent_id, l.level, l.name, u.code as unit_code, u.name as unit_name, q.quota,
           coalesce((select sum(a.collected) from assignments a where a.campaign_id = ${campaignId} and a.locality_id = l.id), 0)::int as collected
    from units u
    left join localities l on l.unit_id = u.id
    left join campaign_locality_quotas q on q.locality_id = l.id and q.campaign_id = ${campaignId}
    where u."group" = 'district' or l.id is not null
    order by u.code, l.name`);
  return r.rows;
}

export interface TargetWrite { unitId: number; target: number; dossiers: number | null }

export async function upsertTargets(tx: DbOrTx, campaignId: string, rows: TargetWrite[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(campaignTargets)
    .values(rows.map((r) => ({ campaignId, ...r })))
    .onConflictDoUpdate({ target: [campaignTargets.campaignId, campaignTargets.unitId], set: { target: sql`excluded.target`, dossiers: sql`excluded.dossiers` } });
}

export async function deleteTargets(tx: DbOrTx, campaignId: string): Promise<void> {
  await tx.delete(campaignTargets).where(eq(campaignTargets.campaignId, campaignId));
}

export interface HamletWrite { unitId: number; commune: string; hamlet: string; quota: number }

const key = (a: number, b: string) => `${a}\u0000${b}`;

/** Finds or creates the communes, then the hamlets; returns each hamlet's id in the order given. */
export async function ensureHamlets(tx: DbOrTx, rows: HamletWrite[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const communes = [...new Map(rows.map((r) => [key(r.unitId, r.commune), { unitId: r.unitId, name: r.commune }])).values()];
  await tx.insert(localities).values(communes.map((c) => ({ ...c, level: 'commune' as const, parentId: null }))).onConflictDoNothing();
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const found = await tx.select({ id: localities.id, unitId: localities.unitId, name: localities.name }).from(localities)
    .where(and(inArray(localities.unitId, unitIds), isNull(localities.parentId)));
  const communeId = new Map(found.map((c) => [key(c.unitId, c.name), c.id]));
  const hamlets = rows.map((r) => ({ unitId: r.unitId, parentId: communeId.get(key(r.unitId, r.commune)) ?? 0, level: 'hamlet' as const, name: r.hamlet }));
  await tx.insert(localities).values(hamlets).onConflictDoNothing();
  const parents = [...new Set(hamlets.map((h) => h.parentId))];
  const foundHamlets = await tx.select({ id: localities.id, parentId: localities.parentId, name: localities.name }).from(localities)
    .where(inArray(localities.parentId, parents));
  const hamletId = new Map(foundHamlets.map((h) => [key(h.parentId ?? 0, h.name), h.id]));
  return hamlets.map((h) => hamletId.get(key(h.parentId, h.name)) ?? 0);
}

export async function replaceLocalityQuotas(tx: DbOrTx, campaignId: string, quotas: { localityId: number; quota: number }[]): Promise<void> {
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
  await db.delete(campaignLocalityQuotas).where(and(eq(campaignLocalityQuotas.campaignId, campaignId), eq(campaignLocalityQuotas.localityId, localityId)));
}

export async function unitsByCode(db: DbOrTx) {
  const rows = await db.select({ id: units.id, code: units.code, group: units.group }).from(units);
  return new Map(rows.map((u) => [u.code, u]));
}
