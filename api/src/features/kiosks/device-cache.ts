/**
 * tokenHash → unit of the paired device, cached per process: the kiosk submit path needs the unit
 * before its one database call (the payload hash covers it). A device's unit never changes (re-pairing
 * issues a new token), so an entry can never be wrong; authentication and revocation are still
 * checked in the database (`kiosk_submit_batch`) on every call. Unknown tokens are not cached.
 */
import { schema } from '@hailong/db';
import { eq } from 'drizzle-orm';
import { immutableLookup } from '../../lib/immutable-lookup.ts';

export const deviceUnitId = immutableLookup<number>(20_000, async (db, tokenHash) => {
  const { kioskDevices } = schema;
  const rows = await db
    .select({ unitId: kioskDevices.unitId })
    .from(kioskDevices)
    .where(eq(kioskDevices.deviceTokenHash, tokenHash))
    .limit(1);
  return rows[0]?.unitId;
});
