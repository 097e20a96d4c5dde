/**
 * tokenHash → unit of the paired device, cached per process: the kiosk submit path needs the unit
 * before its one database call (the payload hash covers it). A device's unit never changes (re-pairing
 * issues a new token), so an entry can never be wrong; authentication and revocation are still
 * checked in the database (`kiosk_submit_batch`) on every call. Unknown tokens are not cached.
 */
import { schema, type DbOrTx } from '@hailong/db';
import { eq } from 'drizzle-orm';

const MAX_ENTRIES = 20_000;
const caches = new WeakMap<object, Map<string, number>>();

export async function deviceUnitId(db: DbOrTx, tokenHash: string): Promise<number | undefined> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(tokenHash);
  if (hit !== undefined) return hit;
  const { kioskDevices } = schema;
  const rows = await db
    .select({ unitId: kioskDevices.unitId })
    .from(kioskDevices)
    .where(eq(kioskDevices.deviceTokenHash, tokenHash))
    .limit(1);
  const unitId = rows[0]?.unitId;
  if (unitId === undefined) return undefined;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(tokenHash, unitId);
  return unitId;
}
