/**
 * A kiosk submission: device → open SIPAS campaign → anti-stuffing check → storeResponse, with
 * the check and the insert in ONE transaction under a per-device advisory lock, so two requests
 * from the same tablet cannot both see "no recent session" and slip through together.
 *
 * Anti-stuffing is keyed by device, never by IP (a whole office shares one IP). A session whose
 * completion time is closer than `minIntervalSeconds` to another session of the same device, or
 * that would exceed `hourlyCap` sessions in the hour before it, is stored with review state
 * 'suspect', a flag and a reason, and stays out of results until a reviewer accepts it. Times are
 * the tablet's completion times, so a queue flushed after an outage is judged by when people
 * actually answered, not by when the network came back.
 */
import { FORM_CODES } from '@hailong/forms';
import type { KioskResponseInput } from '@hailong/contracts';
import { schema, type Db, type DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { consumeRatingCode, ratingCodeHash } from '../rating-codes/service.ts';
import { storeResponse, type StoreResult } from '../submissions/service.ts';
import { lockAndTouchDevice, type DeviceLimits } from './repo.ts';
import { latestForm, openSipasCampaign } from './target.ts';

const KIOSK_FORMS: readonly string[] = [FORM_CODES.quick, FORM_CODES.counter];

export interface StuffingVerdict {
  flags: string[];
  reason: string | null;
  /** A response with this client id is already stored (a replay: no verdict needed). */
  exists: boolean;
}

/** Sessions of the device near `completedAt` and in the hour before it (excluding this client id). */
export async function stuffingVerdict(tx: DbOrTx, device: DeviceLimits, clientId: string, completedAt: Date): Promise<StuffingVerdict> {
  const { responses } = schema;
  const t = completedAt.toISOString();
  const gap = device.minIntervalSeconds;
  const rows = await tx
    .select({
      near: sql<number>`count(*) filter (where abs(extract(epoch from (${responses.completedAt} - ${t}::timestamptz))) < ${gap})::int`,
      hour: sql<number>`count(*) filter (where ${responses.completedAt} > ${t}::timestamptz - interval '1 hour' and ${responses.completedAt} <= ${t}::timestamptz)::int`,
      exists: sql<boolean>`exists (select 1 from responses x where x.client_id = ${clientId})`,
    })
    .from(responses)
    .where(
      sql`${responses.sourceId} = ${device.id} and ${responses.clientId} <> ${clientId}
        and ${responses.completedAt} > ${t}::timestamptz - interval '1 hour' - make_interval(secs => ${gap})
        and ${responses.completedAt} < ${t}::timestamptz + make_interval(secs => ${gap})`,
    );
  const near = rows[0]?.near ?? 0;
  const hour = rows[0]?.hour ?? 0;
  const flags: string[] = [];
  const reasons: string[] = [];
  if (near > 0) {
    flags.push('min_interval');
    reasons.push(`another session of this device within ${gap} s`);
  }
  if (hour >= device.hourlyCap) {
    flags.push('hourly_cap');
    reasons.push(`${hour} sessions of this device in the previous hour (cap ${device.hourlyCap})`);
  }
  return { flags, reason: reasons.length > 0 ? reasons.join('; ') : null, exists: rows[0]?.exists ?? false };
}

/**
 * Submits one session for the device holding `tokenHash`. One statement takes the per-device lock,
 * authenticates (unknown or revoked → 401) and records last seen / app version / pending count.
 */
export async function submitKioskResponse(db: Db, tokenHash: string, input: KioskResponseInput): Promise<StoreResult> {
  if (!KIOSK_FORMS.includes(input.formCode)) throw new AppError('FORM_UNKNOWN', { field: 'formCode' });
  const campaign = await openSipasCampaign(db);
  const form = await latestForm(db, input.formCode);
  const completedAt = new Date(input.completedAt);
  const base = {
    clientId: input.clientId,
    campaignId: campaign.id,
    form,
    channel: 'kiosk' as const,
    answers: input.answers,
    startedAt: new Date(input.startedAt),
    completedAt,
    partial: input.partial ?? false,
    partialValidation: input.partial ?? false,
    procedureName: input.procedureName ?? null,
    payloadExtra: input.ratingCode ? { ratingCode: ratingCodeHash(input.ratingCode) } : {},
  };
  return db.transaction(async (tx) => {
    const device = await lockAndTouchDevice(tx, tokenHash, input.appVersion, input.pendingCount);
    if (!device) throw new AppError('DEVICE_UNAUTHORIZED');
    const row = { ...base, unitId: device.unitId, sourceId: device.id };
    const verdict = await stuffingVerdict(tx, device, input.clientId, completedAt);
    if (verdict.exists) return storeResponse(tx, row); // replay (200) or conflict (409)
    if (input.ratingCode) await consumeRatingCode(tx, input.ratingCode, campaign.id, device.unitId);
    return storeResponse(tx, {
      ...row,
      reviewState: verdict.flags.length > 0 ? 'suspect' : 'valid',
      reviewReason: verdict.reason,
      flags: verdict.flags,
    });
  });
}
