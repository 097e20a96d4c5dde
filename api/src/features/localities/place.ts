/**
 * An assignment's place in words (hamlet, commune, district) from its locality row, its parent and
 * its unit. The SQL joins that feed it are the same wherever a place is shown.
 */
import type { Place } from '@hailong/contracts';
import { sql } from 'drizzle-orm';

export type PlaceRow = {
  locality_level: string | null;
  locality_name: string | null;
  parent_name: string | null;
  unit_group: string | null;
  unit_name: string | null;
};

/** Columns for `placeOf`, given the aliases `l` (locality), `lp` (its parent) and `un` (unit). */
export const placeColumns = sql`l.level as locality_level, l.name as locality_name, lp.name as parent_name, un."group" as unit_group, un.name as unit_name`;
/** Joins for `placeColumns`, given an assignments alias `a`. */
export const placeJoins = sql`left join localities l on l.id = a.locality_id left join localities lp on lp.id = l.parent_id`;

/** Hamlet and commune from the locality; the district is the unit when it is one. */
export function placeOf(r: PlaceRow): Place {
  const hamlet = r.locality_level === 'hamlet' ? r.locality_name : null;
  const commune = r.locality_level === 'hamlet' ? r.parent_name : r.locality_level === 'commune' ? r.locality_name : null;
  return { hamlet, commune, district: r.unit_group === 'district' ? r.unit_name : null };
}
