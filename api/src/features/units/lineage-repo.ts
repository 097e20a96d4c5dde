/** SQL of a unit's lineage: the units it came from and went to through events, and its versions. */
import type { UnitLineage } from '@hailong/contracts';
import type { DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';

type Step = UnitLineage['predecessors'][number];
type Version = UnitLineage['history'][number];

const nameOn = (unit: ReturnType<typeof sql.raw>, day: ReturnType<typeof sql.raw>) =>
  sql`(select v.name from unit_versions v where v.unit_id = ${unit} and v.valid_from <= ${day} order by v.valid_from desc limit 1)`;

/** Units this one came from (by merge or split), each under its last name before the event. */
export async function predecessorsOf(db: DbOrTx, unitId: number): Promise<Step[]> {
  const r = await db.execute<Step>(sql`
    select f.code, coalesce(${nameOn(sql.raw('f.id'), sql.raw('e.effective_date - 1'))}, f.name) as name,
           e.kind as event, e.effective_date::text as "effectiveDate", e.basis
      from unit_event_links l join unit_events e on e.id = l.event_id join units f on f.id = l.from_unit_id
     where l.to_unit_id = ${unitId} and l.from_unit_id <> ${unitId}
     order by e.effective_date, f.code`);
  return r.rows;
}

/** Units this one went to (by merge or split), each under its name from the event on. */
export async function successorsOf(db: DbOrTx, unitId: number): Promise<Step[]> {
  const r = await db.execute<Step>(sql`
    select t.code, coalesce(${nameOn(sql.raw('t.id'), sql.raw('e.effective_date'))}, t.name) as name,
           e.kind as event, e.effective_date::text as "effectiveDate", e.basis
      from unit_event_links l join unit_events e on e.id = l.event_id join units t on t.id = l.to_unit_id
     where l.from_unit_id = ${unitId} and l.to_unit_id <> ${unitId}
     order by e.effective_date, t.code`);
  return r.rows;
}

export async function versionsOf(db: DbOrTx, unitId: number): Promise<Version[]> {
  const r = await db.execute<Version>(sql`
    select v.valid_from::text as "validFrom", v.name, v.group, p.code as "parentCode", e.kind as event, e.basis
      from unit_versions v left join units p on p.id = v.parent_id left join unit_events e on e.id = v.event_id
     where v.unit_id = ${unitId} order by v.valid_from`);
  return r.rows;
}

/** Every lineage edge between units (merge and split only), for mapping figures across years. */
export async function allReshapeLinks(
  db: DbOrTx,
): Promise<{ fromId: number; toId: number; kind: 'merge' | 'split'; effectiveDate: string }[]> {
  const r = await db.execute<{ fromId: number; toId: number; kind: 'merge' | 'split'; effectiveDate: string }>(sql`
    select l.from_unit_id as "fromId", l.to_unit_id as "toId", e.kind, e.effective_date::text as "effectiveDate"
      from unit_event_links l join unit_events e on e.id = l.event_id
     where e.kind in ('merge','split') and l.to_unit_id is not null and l.to_unit_id <> l.from_unit_id`);
  return r.rows;
}
