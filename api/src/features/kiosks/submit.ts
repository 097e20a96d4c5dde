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
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { consumeRatingCode, ratingCodeHash } from '../rating-codes/service.ts';
import { storeResponse, type StoreResult } from '../submissions/service.ts';
import { touchDevice, type KioskRow } from './repo.ts';
import { latestForm, openSipasCampaign } from './target.ts';

const KIOSK_FORMS: readonly string[] = [FORM_CODES.quick, FORM_CODES.counter];

export interface StuffingVerdict {
  flags: string[];
  reason: string | null;
}

/** Sessions of the device near `completedAt` and in the hour before it (excluding this client id). */
export async function stuffingVerdict(tx: DbOrTx, device: KioskRow, clientId: string, completedAt: Date): Promise<StuffingVerdict> {
  const { responses } = schema;
  const t = completedAt.toISOString();
  const gap = device.minIntervalSeconds;
  const rows = await tx
    .select({
      near: sql<number>`count(*) filter (where abs(extract(epoch from (${responses.completedAt} - ${t}::timestamptz))) < ${gap})::int`,
      hour: sql<number>`count(*) filter (where ${responses.completedAt} > ${t}::timestamptz - interval '1 hour' and ${responses.completedAt} <= ${t}::timestamptz)::int`,
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
  return { flags, reason: reasons.length > 0 ? reasons.join('; ') : null };
}

async function alreadyStored(tx: DbOrTx, clientId: string): Promise<boolean> {
  const rows = await tx.select({ id: schema.responses.id }).from(schema.responses).where(eq(schema.responses.clientId, clientId)).limit(1);
  return rows.length > 0;
}

export async function submitKioskResponse(db: Db, device: KioskRow, input: KioskResponseInput): Promise<StoreResult> {
  if (!KIOSK_FORMS.includes(input.formCode)) throw new AppError('FORM_UNKNOWN', { field: 'formCode' });
  const campaign = await openSipasCampaign(db);
  const form = await latestForm(db, input.formCode);
  const completedAt = new Date(input.completedAt);
  const base = {
    clientId: input.clientId,
    campaignId: campaign.id,
    form,
    unitId: device.unitId,
    channel: 'kiosk' as const,
    sourceId: device.id,
    answers: input.answers,
    startedAt: new Date(input.startedAt),
    completedAt,
    partial: input.partial ?? false,
    partialValidation: input.partial ?? false,
    procedureName: input.procedureName ?? null,
    payloadExtra: input.ratingCode ? { ratingCode: ratingCodeHash(input.ratingCode) } : {},
  };
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`kiosk:${device.id}`}))`);
    if (await alreadyStored(tx, input.clientId)) return storeResponse(tx, base);
    const verdict = await stuffingVerdict(tx, device, input.clientId, completedAt);
    if (input.ratingCode) await consumeRatingCode(tx, input.ratingCode, campaign.id, device.unitId);
    return storeResponse(tx, {
      ...base,
      reviewState: verdict.flags.length > 0 ? 'suspect' : 'valid',
      reviewReason: verdict.reason,
      flags: verdict.flags,
    });
  });
  await touchDevice(db, device.id, input.appVersion, input.pendingCount);
  return result;
}
