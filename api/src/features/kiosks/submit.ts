/**
 * A kiosk submission: device → open SIPAS campaign → anti-stuffing check → insert, in ONE database
 * function (`kiosk_submit_batch`, migrations 0010–0013; `kiosk_submit` of 0008 is the one-session
 * reference it is tested against), sent with other sessions arriving at the same time in one round
 * trip (`KioskSubmitBatcher`; docs/0005-kiosk-submit-path.md). The API
 * validates the answers against the form version and computes the payload hash first (the same
 * `checkAnswers`/`responsePayloadHash` as every channel's `storeResponse`), then decides replay (200)
 * or conflict (409) from what the function returns.
 *
 * Anti-stuffing is keyed by device, never by IP (a whole office shares one IP). A session whose
 * completion time is closer than `minIntervalSeconds` to another session of the same device, or
 * that would exceed `hourlyCap` sessions in the hour before it, is stored with review state
 * 'suspect', a flag and a reason, and stays out of results until a reviewer accepts it. Times are
 * the tablet's completion times, so a queue flushed after an outage is judged by when people
 * actually answered, not by when the network came back.
 */
import { FORM_CODES } from '@hailong/forms';
import { requireKioskOffered } from '../campaigns/kiosk-form-history.ts';
import type { KioskResponseInput } from '@hailong/contracts';
import type { Db, DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { batchRowResult } from '../submissions/batch-result.ts';
import { consumeRatingCode, ratingCodeHash } from '../rating-codes/service.ts';
import { checkAnswers, responsePayloadHash, type StoreResult } from '../submissions/service.ts';
import { clockReason, completedBeforeOpening } from './clock.ts';
import { deviceUnitId } from './device-cache.ts';
import type { KioskSession, KioskSubmitBatcher, SubmitRow } from './submit-batcher.ts';
import { latestForm, openSipasCampaign } from './target.ts';

function toResult(row: SubmitRow | undefined, clientId: string, hash: string): StoreResult {
  if (!row || row.outcome === 'unauthorized') throw new AppError('DEVICE_UNAUTHORIZED');
  return batchRowResult(row, clientId, hash);
}

/**
 * Submits one session for the device holding `tokenHash`. Unknown or revoked device → 401. Without a
 * rating code the session goes through the batcher; with one, the code is consumed in the same
 * transaction as the insert (a replay does not consume it again).
 */
export async function submitKioskResponse(
  db: Db,
  batcher: KioskSubmitBatcher,
  secret: string,
  tokenHash: string,
  input: KioskResponseInput,
): Promise<StoreResult> {
  const unitId = await deviceUnitId(db, tokenHash);
  if (unitId === undefined) throw new AppError('DEVICE_UNAUTHORIZED');
  const campaign = await openSipasCampaign(db);
  // The quick form, or a full form the campaign's kiosks were offered (now or before a change).
  if (input.formCode !== FORM_CODES.quick) await requireKioskOffered(db, campaign, input.formCode);
  // A session completed before the open campaign started does not count in it (kept parked on the tablet).
  if (completedBeforeOpening(campaign, new Date(input.completedAt)))
    throw new AppError('CAMPAIGN_NOT_OPEN', { field: 'completedAt' });
  const form = await latestForm(db, input.formCode);
  const partial = input.partial ?? false;
  const answers = checkAnswers(form, input.answers, partial);
  const payloadExtra = input.ratingCode ? { ratingCode: ratingCodeHash(secret, input.ratingCode) } : {};
  const hash = responsePayloadHash({ form, answers, unitId, payloadExtra });
  const session: KioskSession = {
    tokenHash,
    clientId: input.clientId,
    campaignId: campaign.id,
    formId: form.id,
    answers,
    payloadHash: hash,
    startedAt: input.startedAt,
    completedAt: input.completedAt,
    partial,
    procedureName: input.procedureName ?? null,
    appVersion: input.appVersion ?? null,
    pendingCount: input.pendingCount ?? null,
    clockReason: clockReason(campaign, new Date(input.completedAt)),
  };
  const ratingCode = input.ratingCode;
  if (!ratingCode) return toResult(await batcher.submit(session), input.clientId, hash);
  return db.transaction(async (tx) => {
    const row = await submitInTx(tx, session);
    const result = toResult(row, input.clientId, hash);
    if (result.status === 'stored') await consumeRatingCode(tx, secret, ratingCode, campaign.id, unitId);
    return result;
  });
}

/** The same database function as the batcher's, with this one session, inside the caller's transaction. */
async function submitInTx(tx: DbOrTx, s: KioskSession): Promise<SubmitRow | undefined> {
  const res = await tx.execute(sql`select * from kiosk_submit_batch(${JSON.stringify([s])}::jsonb)`);
  const row = res.rows[0] as (Omit<SubmitRow, 'received_at'> & { received_at: Date | string | null }) | undefined;
  return row ? { ...row, received_at: row.received_at === null ? null : new Date(row.received_at) } : undefined;
}
