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
  /** The unit kind's tier: 'district' or 'commune' units name the district or commune themselves. */
  unit_tier: string | null;
};

/** Columns for `placeOf`, given the aliases `l` (locality), `lp` (its parent) and `un` (unit). */
export const placeColumns = sql`l.level as locality_level, l.name as locality_name, lp.name as parent_name, un."group" as unit_group, un.name as unit_name, uk.tier as unit_tier`;
/** Joins for `placeColumns`, given an assignments alias `a` and a units alias `un` joined before. */
export const placeJoins = sql`left join localities l on l.id = a.locality_id left join localities lp on lp.id = l.parent_id left join unit_kinds uk on uk.code = un."group"`;

/**
 * Hamlet and commune from the locality; the district is the unit when it is one. Two-tier
 * localities (a village directly under a commune-level unit) take the commune from the unit.
 */
export function placeOf(r: PlaceRow): Place {
  const tier = r.unit_tier ?? (r.unit_group === 'district' ? 'district' : null);
  const unitCommune = tier === 'commune' ? r.unit_name : null;
  const hamlet = r.locality_level === 'hamlet' ? r.locality_name : null;
  const commune =
    r.locality_level === 'hamlet'
      ? (r.parent_name ?? unitCommune)
      : r.locality_level === 'commune'
        ? r.locality_name
        : unitCommune;
  return { hamlet, commune, district: tier === 'district' ? r.unit_name : null };
}
