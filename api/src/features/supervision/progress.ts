/**
 * Fieldwork progress per enumerator, unit, organisation and locality. Counting happens in SQL per
 * assignment (one row each); the small roll-ups by key happen here.
 */
import type { Progress } from '@hailong/contracts';
import type { DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';

type AssignmentCounts = {
  enumerator_id: string;
  full_name: string;
  organisation: string | null;
  unit_code: string;
  unit_name: string;
  target: number | null;
  locality_id: number | null;
  locality_name: string | null;
  quota: number;
  collected: number;
  valid: number;
  invalid: number;
  pending: number;
};

export async function assignmentCounts(db: DbOrTx, campaignId: string): Promise<AssignmentCounts[]> {
  const r = await db.execute<AssignmentCounts>(sql`
    select a.enumerator_id, u.full_name, o.name as organisation, un.code as unit_code, un.name as unit_name,
           coalesce(ct.target, c.target_per_unit) as target, a.locality_id, l.name as locality_name, a.quota,
           count(r.id)::int as collected,
           count(r.id) filter (where r.review_state = 'valid')::int as valid,
           count(r.id) filter (where r.review_state = 'invalid')::int as invalid,
           count(r.id) filter (where r.review_state in ('pending', 'suspect'))::int as pending
    from assignments a
    join campaigns c on c.id = a.campaign_id
    join users u on u.id = a.enumerator_id
    left join organisations o on o.id = u.organisation_id
    join units un on un.id = a.unit_id
    left join localities l on l.id = a.locality_id
    left join campaign_targets ct on ct.campaign_id = a.campaign_id and ct.unit_id = a.unit_id
    left join responses r on r.source_id = a.id and r.channel = 'enumerator'
    where a.campaign_id = ${campaignId}
    group by a.id, u.full_name, o.name, un.code, un.name, ct.target, c.target_per_unit, l.name
    order by u.full_name, un.code`);
  return r.rows;
}

type Counts = { collected: number; valid: number; invalid: number; pending: number; quota: number };

function rollUp<K, T extends object>(
  rows: AssignmentCounts[],
  key: (r: AssignmentCounts) => K,
  head: (r: AssignmentCounts) => T,
): Array<T & Counts> {
  const out = new Map<K, T & Counts>();
  for (const r of rows) {
    const k = key(r);
    const acc = out.get(k) ?? { ...head(r), collected: 0, valid: 0, invalid: 0, pending: 0, quota: 0 };
    acc.collected += r.collected;
    acc.valid += r.valid;
    acc.invalid += r.invalid;
    acc.pending += r.pending;
    acc.quota += r.quota;
    out.set(k, acc);
  }
  return [...out.values()];
}

export async function campaignProgress(db: DbOrTx, campaignId: string): Promise<Progress> {
  const rows = await assignmentCounts(db, campaignId);
  return {
    byEnumerator: rollUp(
      rows,
      (r) => r.enumerator_id,
      (r) => ({ enumeratorId: r.enumerator_id, fullName: r.full_name, organisation: r.organisation }),
    ),
    byUnit: rollUp(
      rows,
      (r) => r.unit_code,
      (r) => ({ unitCode: r.unit_code, unitName: r.unit_name, target: r.target }),
    ),
    byOrganisation: rollUp(
      rows,
      (r) => r.organisation,
      (r) => ({ organisation: r.organisation }),
    ),
    byLocality: rollUp(
      rows.filter((r) => r.locality_id !== null),
      (r) => r.locality_id,
      (r) => ({ localityId: r.locality_id ?? 0, localityName: r.locality_name ?? '' }),
    ),
  };
}
