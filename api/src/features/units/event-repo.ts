/** Writes of the reorganisation import: events, lineage links, new units, name/kind/parent versions, ends. */
import { schema, type DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';

const { unitEvents, unitEventLinks, units, unitVersions } = schema;

export async function insertEvent(
  db: DbOrTx,
  e: { kind: typeof unitEvents.$inferInsert.kind; effectiveDate: string; basis: string; importId: string },
): Promise<number> {
  const [row] = await db.insert(unitEvents).values(e).returning({ id: unitEvents.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function insertLinks(db: DbOrTx, eventId: number, links: { from: number; to: number | null }[]): Promise<void> {
  if (links.length === 0) return;
  await db.insert(unitEventLinks).values(links.map((l) => ({ eventId, fromUnitId: l.from, toUnitId: l.to })));
}

export interface NewUnit {
  code: string;
  name: string;
  group: string;
  provinceId: number;
  validFrom: string;
  eventId: number;
}

export async function createUnit(db: DbOrTx, u: NewUnit): Promise<number> {
  const [row] = await db
    .insert(units)
    .values({ code: u.code, name: u.name, group: u.group, provinceId: u.provinceId, validFrom: u.validFrom })
    .returning({ id: units.id });
  if (!row) throw new Error('insert returned no row');
  await db
    .insert(unitVersions)
    .values({ unitId: row.id, validFrom: u.validFrom, name: u.name, group: u.group, eventId: u.eventId });
  return row.id;
}

export interface VersionChange {
  name?: string;
  group?: string;
  parentId?: number | null;
}

/** A new version from `day` on, copying what `change` leaves out from the version before it. */
export async function addVersion(db: DbOrTx, unitId: number, day: string, change: VersionChange, eventId: number): Promise<void> {
  const keepParent = change.parentId === undefined;
  await db.execute(sql`
    insert into unit_versions (unit_id, valid_from, name, "group", parent_id, event_id)
    select v.unit_id, ${day}::date, coalesce(${change.name ?? null}::text, v.name), coalesce(${change.group ?? null}::text, v.group),
           case when ${keepParent} then v.parent_id else ${change.parentId ?? null}::integer end, ${eventId}
      from unit_versions v where v.unit_id = ${unitId} and v.valid_from < ${day}::date
     order by v.valid_from desc limit 1`);
  await refreshCurrent(db, unitId);
}

/** units.name/group/parent_id follow the unit's latest version. */
async function refreshCurrent(db: DbOrTx, unitId: number): Promise<void> {
  await db.execute(sql`
    update units u set name = v.name, "group" = v.group, parent_id = v.parent_id
      from (select * from unit_versions where unit_id = ${unitId} order by valid_from desc limit 1) v
     where u.id = ${unitId}`);
}

/** The unit's last day is the day before `day`. */
export async function endUnit(db: DbOrTx, unitId: number, day: string): Promise<void> {
  await db.execute(sql`update units set valid_to = ${day}::date - 1 where id = ${unitId}`);
}

export async function lockRegistry(db: DbOrTx): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('unit-registry'))`);
}

export async function auditImport(
  db: DbOrTx,
  actorUserId: string | null,
  importId: string,
  details: Record<string, unknown>,
): Promise<void> {
  await db
    .insert(schema.auditLog)
    .values({ actorUserId, action: 'unit_events.import', entity: 'unit_event_import', entityId: importId, details });
}
