/** Admin queries on assignments: the campaign's list, quota edits and deletion of unused ones. */
import type { DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';

type AssignmentRow = {
  id: string;
  enumerator_id: string;
  enumerator_name: string;
  organisation: string | null;
  unit_code: string;
  unit_name: string;
  locality_id: number | null;
  locality_name: string | null;
  quota: number;
  collected: number;
  valid: number;
};

export async function listCampaignAssignments(db: DbOrTx, campaignId: string) {
  const r = await db.execute<AssignmentRow>(sql`
    select a.id, a.enumerator_id, u.full_name as enumerator_name, o.name as organisation, un.code as unit_code, un.name as unit_name,
           a.locality_id, l.name as locality_name, a.quota, a.collected,
           (select count(*)::int from responses r where r.source_id = a.id and r.channel = 'enumerator' and r.review_state = 'valid') as valid
    from assignments a
    join users u on u.id = a.enumerator_id
    left join organisations o on o.id = u.organisation_id
    join units un on un.id = a.unit_id
    left join localities l on l.id = a.locality_id
    where a.campaign_id = ${campaignId}
    order by u.full_name, un.code, l.name nulls first`);
  return r.rows.map((x) => ({
    id: x.id,
    enumeratorId: x.enumerator_id,
    enumeratorName: x.enumerator_name,
    organisation: x.organisation,
    unitCode: x.unit_code,
    unitName: x.unit_name,
    localityId: x.locality_id,
    localityName: x.locality_name,
    quota: x.quota,
    collected: x.collected,
    valid: x.valid,
  }));
}

export async function updateQuota(
  db: DbOrTx,
  id: string,
  quota: number,
): Promise<{ id: string; quota: number; collected: number } | undefined> {
  const r = await db.execute<{ id: string; quota: number; collected: number }>(sql`
    update assignments set quota = ${quota} where id = ${id} returning id, quota, collected`);
  return r.rows[0];
}

/**
 * Deletes the assignment only if no form was ever stored for it, in one statement: the row lock it
 * takes also waits for a sync that is bumping this assignment's counter, and that sync then finds
 * the assignment gone and rejects its forms. Returns 'deleted' | 'has_forms' | 'missing'.
 */
export async function deleteUnused(db: DbOrTx, id: string): Promise<'deleted' | 'has_forms' | 'missing'> {
  const r = await db.execute<{ id: string }>(sql`
    delete from assignments a where a.id = ${id} and a.collected = 0
      and not exists (select 1 from responses r where r.source_id = a.id and r.channel = 'enumerator')
    returning a.id`);
  if (r.rows.length > 0) return 'deleted';
  const still = await db.execute<{ id: string }>(sql`select id from assignments where id = ${id}`);
  return still.rows.length > 0 ? 'has_forms' : 'missing';
}
