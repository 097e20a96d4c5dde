/**
 * Stuffing of the online form 02 (issue 11; docs/0009-abuse-limits.md). Anyone with the link may
 * answer, so a burst of forms (one script, or many addresses at once) must not move a unit's SIPAS.
 * Like a kiosk's limits, nothing is refused: beyond a rate the response is stored `suspect` with a
 * flag and a reason, left out of results until a reviewer accepts it on the results page.
 *
 *   address_rate  more than ONLINE_ADDRESS_MAX_PER_HOUR responses from one address (any unit)
 *   unit_rate     more than ONLINE_UNIT_MAX_PER_HOUR responses for one unit (any address)
 *
 * The response that crosses a limit also flags the others of the same address (or unit) in that
 * hour that were never flagged, so the whole burst leaves the results, not only its tail. The
 * address is never stored: `source_id` of an online response is an HMAC of it (installation secret,
 * scoped to the campaign), enough to recognise a burst and useless to look an address up. The
 * checks run under transaction-scoped advisory locks on the unit and the address (always in that
 * order), so concurrent submissions are counted one after the other; inside one API process the
 * submissions of a unit also queue in memory (`oneAtATime`) before taking a database connection, so
 * a burst waits in line instead of holding the whole pool on the lock.
 */
import type { DbOrTx } from '@hailong/db';
import type { OnlineLimits } from '@hailong/runtime';
import { sql, type SQL } from 'drizzle-orm';
import { keyedHash } from '../../lib/tokens.ts';

export interface StuffingVerdict {
  flags: string[];
  reason: string | null;
}

/** The caller's address as `responses.source_id`: a campaign-scoped HMAC in UUID form. */
export function onlineAddressKey(secret: string, campaignId: string, address: string): string {
  const h = keyedHash(secret, 'online-address', `${campaignId}:${address}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `fn` after every earlier call with the same key has settled (in this process). */
export function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(fn, fn);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

const recent = sql`r.received_at > now() - interval '1 hour'`;

async function lock(tx: DbOrTx, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/**
 * How many of the campaign's online responses matching `where` arrived in the last hour, counting no
 * further than `upTo` (enough to tell whether a limit is crossed; partial indexes of migration 0034
 * keep it to the hour's rows of that unit or address).
 */
async function countRecent(tx: DbOrTx, campaignId: string, where: SQL, upTo: number): Promise<number> {
  const res = await tx.execute(sql`
    select count(*)::int as n from (
      select 1 from responses r
       where r.campaign_id = ${campaignId} and r.channel = 'online' and ${recent} and ${where}
       limit ${upTo}) recent`);
  return (res.rows[0] as { n: number } | undefined)?.n ?? 0;
}

/** Marks the never-flagged valid responses of the burst suspect (the tallies follow by trigger). */
async function flagBurst(tx: DbOrTx, campaignId: string, where: SQL, flag: string, reason: string): Promise<void> {
  await tx.execute(sql`
    update responses r set review_state = 'suspect', flags = array_append(r.flags, ${flag}), review_reason = ${reason}
     where r.campaign_id = ${campaignId} and r.channel = 'online' and ${recent} and ${where}
       and r.review_state = 'valid' and cardinality(r.flags) = 0`);
}

/**
 * Decides, inside the submission's transaction and before its insert, whether the response is part
 * of a burst; flags the earlier responses of the burst when this one crosses a limit.
 */
export async function onlineStuffingVerdict(
  tx: DbOrTx,
  limits: OnlineLimits,
  s: { campaignId: string; unitId: number; addressKey: string },
): Promise<StuffingVerdict> {
  await lock(tx, `online-unit:${s.campaignId}:${s.unitId}`);
  await lock(tx, `online-address:${s.addressKey}`);
  const byUnit = sql`r.unit_id = ${s.unitId}`;
  const byAddress = sql`r.source_id = ${s.addressKey}`;
  // This response is one more: a limit is crossed once `limit` others arrived within the hour.
  const unitOver = (await countRecent(tx, s.campaignId, byUnit, limits.unitPerHour)) >= limits.unitPerHour;
  const addressOver = (await countRecent(tx, s.campaignId, byAddress, limits.addressPerHour)) >= limits.addressPerHour;
  const flags: string[] = [];
  const reasons: string[] = [];
  if (addressOver) {
    const reason = `more than ${limits.addressPerHour} online responses from one address in the last hour (limit ${limits.addressPerHour})`;
    flags.push('address_rate');
    reasons.push(reason);
    await flagBurst(tx, s.campaignId, byAddress, 'address_rate', reason);
  }
  if (unitOver) {
    const reason = `more than ${limits.unitPerHour} online responses for this unit in the last hour (limit ${limits.unitPerHour})`;
    flags.push('unit_rate');
    reasons.push(reason);
    await flagBurst(tx, s.campaignId, byUnit, 'unit_rate', reason);
  }
  return { flags, reason: reasons.length > 0 ? reasons.join('; ') : null };
}
