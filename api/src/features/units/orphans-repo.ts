/**
 * Work still attached to units that no longer exist on a day (merged, split or dissolved): kiosks
 * not revoked and assignments of campaigns not closed, each with the units its unit went to, for the
 * admin to move. Responses are never moved: they keep the unit they were given to.
 */
import type { OrphanedWork } from '@hailong/contracts';
import type { DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';

const successors =
  sql.raw(`coalesce((select array_agg(t.code order by t.code) from unit_event_links l join units t on t.id = l.to_unit_id
                                      where l.from_unit_id = u.id and l.to_unit_id <> u.id), '{}')`);
const ended = (day: string) => sql`(u.valid_to is not null and u.valid_to < ${day}::date)`;

export async function orphanedWork(db: DbOrTx, day: string): Promise<OrphanedWork> {
  const kiosks = await db.execute<OrphanedWork['kiosks'][number]>(sql`
    select k.id, u.code as "unitCode", u.name as "unitName", k.counter_name as "counterName", ${successors} as successors
      from kiosk_devices k join units u on u.id = k.unit_id
     where k.revoked_at is null and ${ended(day)}
     order by u.code, k.counter_name`);
  const assignments = await db.execute<OrphanedWork['assignments'][number]>(sql`
    select a.id, a.campaign_id as "campaignId", u.code as "unitCode", u.name as "unitName", ${successors} as successors
      from assignments a join units u on u.id = a.unit_id join campaigns c on c.id = a.campaign_id
     where c.closed_at is null and c.closes_at > now() and ${ended(day)}
     order by u.code, a.id`);
  return { asOf: day, kiosks: kiosks.rows, assignments: assignments.rows };
}
