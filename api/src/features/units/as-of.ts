/**
 * The registry as of a day: SQL fragments every list uses to show the units valid on a reference
 * day under the name and kind they had then. They refer to the `units` table by name, so use them
 * in queries over `units` itself (not an alias).
 */
import { schema } from '@hailong/db';
import { sql, type SQL } from 'drizzle-orm';

const { units } = schema;

/** A day (YYYY-MM-DD) in Vietnam time (UTC+7). */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Start of the current day in Vietnam (UTC+7, no daylight saving). */
export function vnDayStart(now = Date.now()): Date {
  const day = 24 * 60 * 60 * 1000;
  const offset = 7 * 60 * 60 * 1000;
  return new Date(Math.floor((now + offset) / day) * day - offset);
}

export function vnToday(): string {
  return vnDay(new Date());
}

/** The unit existed on `day` (valid_from ≤ day ≤ valid_to, an open end meaning "still exists"). */
export function unitValidOn(day: string): SQL {
  return sql`(${units.validFrom} <= ${day}::date and (${units.validTo} is null or ${units.validTo} >= ${day}::date))`;
}

/** The unit's name on `day`: its latest version starting on or before that day. */
export function unitNameOn(day: string): SQL<string> {
  return sql<string>`coalesce((select v.name from unit_versions v where v.unit_id = ${units.id} and v.valid_from <= ${day}::date order by v.valid_from desc limit 1), ${units.name})`;
}

/** The unit's kind on `day`. */
export function unitGroupOn(day: string): SQL<string> {
  return sql<string>`coalesce((select v.group from unit_versions v where v.unit_id = ${units.id} and v.valid_from <= ${day}::date order by v.valid_from desc limit 1), ${units.group})`;
}

/** The name on `day` of the unit aliased `alias` in a raw query (its last name if it ended before). */
export function nameOnAlias(alias: string, day: string): SQL<string> {
  const u = sql.raw(alias);
  return sql<string>`coalesce((select v.name from unit_versions v where v.unit_id = ${u}.id and v.valid_from <= least(${day}::date, coalesce(${u}.valid_to, ${day}::date)) order by v.valid_from desc limit 1), ${u}.name)`;
}

/** A campaign's reference day: the day it opens (Vietnam time). Its lists show the units of that day. */
export function campaignDay(campaign: { opensAt: Date }): string {
  return vnDay(campaign.opensAt);
}
