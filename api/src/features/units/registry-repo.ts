/** SQL of the unit registry: units as of a day, kinds, provinces, lookups used by the event import. */
import type { Unit } from '@hailong/contracts';
import { schema, type DbOrTx } from '@hailong/db';
import { asc, eq, sql } from 'drizzle-orm';

const { unitKinds, provinces } = schema;

/** Every unit valid on `day`, under its name, kind and parent of that day. */
export async function unitsOn(db: DbOrTx, day: string, provinceCode?: string): Promise<Unit[]> {
  const r = await db.execute<Unit>(sql`
    select u.code, v.name, v.group, k.par_group as "parGroup", k.tier, p.code as "provinceCode", pu.code as "parentCode",
           u.valid_from::text as "validFrom", u.valid_to::text as "validTo"
      from units u
      join lateral (select * from unit_versions x where x.unit_id = u.id and x.valid_from <= ${day}::date order by x.valid_from desc limit 1) v on true
      join unit_kinds k on k.code = v.group
      join provinces p on p.id = u.province_id
      left join units pu on pu.id = v.parent_id
     where u.valid_from <= ${day}::date and (u.valid_to is null or u.valid_to >= ${day}::date)
       and (${provinceCode ?? null}::text is null or p.code = ${provinceCode ?? null})
     order by u.code`);
  return r.rows;
}

export type RegistryUnit = {
  id: number;
  code: string;
  name: string;
  group: string;
  provinceId: number;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
  /** Start of the unit's latest version (a change must come after it). */
  lastChange: string;
};

export async function findRegistryUnit(db: DbOrTx, code: string): Promise<RegistryUnit | undefined> {
  const r = await db.execute<RegistryUnit>(sql`
    select u.id, u.code, u.name, u.group, u.province_id as "provinceId", u.parent_id as "parentId",
           u.valid_from::text as "validFrom", u.valid_to::text as "validTo",
           coalesce((select max(v.valid_from) from unit_versions v where v.unit_id = u.id), u.valid_from)::text as "lastChange"
      from units u where u.code = ${code}`);
  return r.rows[0];
}

export async function listKinds(db: DbOrTx): Promise<(typeof unitKinds.$inferSelect)[]> {
  return db.select().from(unitKinds).orderBy(asc(unitKinds.tier), asc(unitKinds.code));
}

export async function findProvince(db: DbOrTx, code: string): Promise<{ id: number; code: string } | undefined> {
  const rows = await db
    .select({ id: provinces.id, code: provinces.code })
    .from(provinces)
    .where(eq(provinces.code, code))
    .limit(1);
  return rows[0];
}

export type UnitRef = {
  id: number;
  code: string;
  name: string;
  group: string;
  parGroup: string;
  tier: 'province' | 'district' | 'commune';
};

/**
 * Units valid on `day`, plus the units `alsoIds` names (those that hold responses, say, whether or not
 * they exist that day), each under its name and kind on that day (or its last day, if it ended before).
 */
export async function unitRefsOn(db: DbOrTx, day: string, alsoIds: Iterable<number> = []): Promise<UnitRef[]> {
  const ids = `{${[...new Set(alsoIds)].map((n) => Math.trunc(n)).join(',')}}`;
  const r = await db.execute<UnitRef>(sql`
    select u.id, u.code, v.name, v.group, k.par_group as "parGroup", k.tier
      from units u
      join lateral (select * from unit_versions x where x.unit_id = u.id
                      and x.valid_from <= greatest(u.valid_from, least(${day}::date, coalesce(u.valid_to, ${day}::date)))
                    order by x.valid_from desc limit 1) v on true
      join unit_kinds k on k.code = v.group
     where (u.valid_from <= ${day}::date and (u.valid_to is null or u.valid_to >= ${day}::date)) or u.id = any(${ids}::int[])
     order by u.code`);
  return r.rows;
}
