/**
 * The online-service form 02/2021-DVCTT at /o/<unitCode>: anyone with the link may answer; an
 * optional dossier code (mã hồ sơ) allows one response per dossier per campaign. The dossier code
 * is stored only as a keyed hash (HMAC with TOKEN_SECRET) scoped to the campaign, so a database
 * dump cannot be searched for a dossier by trying codes; nothing identifies the respondent. A unit
 * may require a dossier number or a rating code (units.online_code_required). Bursts are stored
 * suspect (stuffing.ts).
 */
import { channelFormCodes, requireOffered } from '../campaigns/channel-forms.ts';
import { toPublicForm, type OnlineFormInfo, type OnlineResponseInput } from '@hailong/contracts';
import { isUniqueViolation, schema, type Db } from '@hailong/db';
import type { OnlineLimits } from '@hailong/runtime';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { keyedHash } from '../../lib/tokens.ts';
import { latestForm, openSipasCampaign } from '../kiosks/target.ts';
import { consumeRatingCode, ratingCodeHash } from '../rating-codes/service.ts';
import { checkAnswers, responsePayloadHash, type StoreResult } from '../submissions/service.ts';
import { batchRowResult } from '../submissions/batch-result.ts';
import type { SubmitBatcher } from '../submissions/batcher.ts';
import { findUnitId, onlineSubmitInTx, type OnlineSubmission, type OnlineSubmitRow } from './repo.ts';
import { onlineAddressKey } from './stuffing.ts';

/** Dossier codes are compared trimmed and upper-cased (" h48.01-… " is the same dossier as "H48.01-…"). */
export function normaliseDossierCode(code: string): string {
  return code.trim().toUpperCase();
}

export function dossierHash(secret: string, campaignId: string, dossierCode: string): string {
  return keyedHash(secret, 'dossier', `${campaignId}:${normaliseDossierCode(dossierCode)}`);
}

interface OnlineUnit {
  id: number;
  code: string;
  name: string;
  codeRequired: boolean;
}

async function unitOrThrow(db: Db, unitCode: string): Promise<OnlineUnit> {
  const { units } = schema;
  const rows = await db
    .select({ id: units.id, code: units.code, name: units.name, codeRequired: units.onlineCodeRequired })
    .from(units)
    .where(eq(units.code, unitCode))
    .limit(1);
  if (!rows[0]) throw new AppError('UNIT_UNKNOWN');
  return rows[0];
}

/** The unit's setting: form 02 requires a dossier number or a rating code (admin; audited). */
export async function setOnlineCodeRequired(
  db: Db,
  unitCode: string,
  codeRequired: boolean,
  actorUserId: string | null,
): Promise<{ unitCode: string; codeRequired: boolean }> {
  const { units, auditLog } = schema;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(units)
      .set({ onlineCodeRequired: codeRequired })
      .where(eq(units.code, unitCode))
      .returning({ code: units.code, codeRequired: units.onlineCodeRequired });
    const row = rows[0];
    if (!row) throw new AppError('UNIT_UNKNOWN');
    await tx.insert(auditLog).values({
      actorUserId,
      action: 'unit.online_code_required',
      entity: 'unit',
      entityId: row.code,
      details: { codeRequired },
    });
    return { unitCode: row.code, codeRequired: row.codeRequired };
  });
}

export interface OnlineSubmitContext {
  secret: string;
  limits: OnlineLimits;
  /** The caller's address (TRUST_PROXY decides which); only its keyed hash is stored. */
  address: string;
}

export async function onlineFormInfo(db: Db, unitCode: string): Promise<OnlineFormInfo> {
  const unit = await unitOrThrow(db, unitCode);
  const campaign = await openSipasCampaign(db).catch(() => undefined);
  const form = await latestForm(db, channelFormCodes(campaign, 'online')[0] ?? '');
  const campaignOpen = campaign !== undefined;
  return {
    unitCode: unit.code,
    unitName: unit.name,
    campaignOpen,
    codeRequired: unit.codeRequired,
    form: toPublicForm(form.definition),
  };
}

function toResult(row: OnlineSubmitRow | undefined, clientId: string, hash: string): StoreResult {
  if (!row) throw new Error('online_submit_batch answered nothing for a form');
  if (row.outcome === 'code_required') throw new AppError('ONLINE_CODE_REQUIRED', { field: 'dossierCode' });
  return batchRowResult(row, clientId, hash);
}

/**
 * Validates and hashes the form here (the same `checkAnswers`/`responsePayloadHash` as every
 * channel), then judges and stores it in one database call with the forms that arrived meanwhile
 * (`online_submit_batch`, repo.ts). With a rating code the form goes alone, in a transaction that
 * consumes the code first.
 */
export async function submitOnlineResponse(
  db: Db,
  batcher: SubmitBatcher<OnlineSubmission, OnlineSubmitRow>,
  ctx: OnlineSubmitContext,
  unitCode: string,
  input: OnlineResponseInput,
): Promise<StoreResult> {
  const { secret } = ctx;
  const unitId = await findUnitId(db, unitCode);
  if (unitId === undefined) throw new AppError('UNIT_UNKNOWN');
  const campaign = await openSipasCampaign(db);
  requireOffered(campaign, 'online', input.formCode);
  const form = await latestForm(db, input.formCode);
  const answers = checkAnswers(form, input.answers);
  const dossierCodeHash = input.dossierCode ? dossierHash(secret, campaign.id, input.dossierCode) : null;
  const ratingCode = input.ratingCode;
  const payloadExtra = { dossier: dossierCodeHash, ratingCode: ratingCode ? ratingCodeHash(secret, ratingCode) : null };
  const hash = responsePayloadHash({ form, answers, unitId, payloadExtra });
  const submission: OnlineSubmission = {
    clientId: input.clientId,
    campaignId: campaign.id,
    formId: form.id,
    unitId,
    sourceId: onlineAddressKey(secret, campaign.id, ctx.address),
    answers,
    payloadHash: hash,
    startedAt: input.startedAt ? new Date(input.startedAt).toISOString() : null,
    completedAt: input.completedAt ? new Date(input.completedAt).toISOString() : null,
    dossierCodeHash,
    codeGiven: Boolean(input.dossierCode ?? ratingCode),
    addressLimit: ctx.limits.addressPerHour,
    unitLimit: ctx.limits.unitPerHour,
  };
  try {
    if (!ratingCode) return toResult(await batcher.submit(submission), input.clientId, hash);
    return await db.transaction(async (tx) => {
      await consumeRatingCode(tx, secret, ratingCode, campaign.id, unitId);
      return toResult(await onlineSubmitInTx(tx, submission), input.clientId, hash);
    });
  } catch (err) {
    if (isUniqueViolation(err, 'responses_dossier_key')) throw new AppError('DOSSIER_ALREADY_RATED', { field: 'dossierCode' });
    throw err;
  }
}
