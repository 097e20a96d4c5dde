/**
 * The online-service form 02/2021-DVCTT at /o/<unitCode>: anyone with the link may answer; an
 * optional dossier code (mã hồ sơ) allows one response per dossier per campaign. The dossier code
 * is stored only as a keyed hash (HMAC with TOKEN_SECRET) scoped to the campaign, so a database
 * dump cannot be searched for a dossier by trying codes; nothing identifies the respondent.
 */
import { FORM_CODES } from '@hailong/forms';
import { toPublicForm, type OnlineFormInfo, type OnlineResponseInput } from '@hailong/contracts';
import { isUniqueViolation, type Db } from '@hailong/db';
import { AppError } from '../../errors.ts';
import { keyedHash } from '../../lib/tokens.ts';
import { findUnitByCode, type UnitRow } from '../kiosks/repo.ts';
import { latestForm, openSipasCampaign } from '../kiosks/target.ts';
import { consumeRatingCode, ratingCodeHash } from '../rating-codes/service.ts';
import { storeResponse, type StoreResult } from '../submissions/service.ts';

/** Dossier codes are compared trimmed and upper-cased (" h48.01-… " is the same dossier as "H48.01-…"). */
export function normaliseDossierCode(code: string): string {
  return code.trim().toUpperCase();
}

export function dossierHash(secret: string, campaignId: string, dossierCode: string): string {
  return keyedHash(secret, 'dossier', `${campaignId}:${normaliseDossierCode(dossierCode)}`);
}

async function unitOrThrow(db: Db, unitCode: string): Promise<UnitRow> {
  const unit = await findUnitByCode(db, unitCode);
  if (!unit) throw new AppError('UNIT_UNKNOWN');
  return unit;
}

export async function onlineFormInfo(db: Db, unitCode: string): Promise<OnlineFormInfo> {
  const unit = await unitOrThrow(db, unitCode);
  const form = await latestForm(db, FORM_CODES.online);
  const campaignOpen = await openSipasCampaign(db).then(
    () => true,
    () => false,
  );
  return { unitCode: unit.code, unitName: unit.name, campaignOpen, form: toPublicForm(form.definition) };
}

export async function submitOnlineResponse(db: Db, secret: string, unitCode: string, input: OnlineResponseInput): Promise<StoreResult> {
  if (input.formCode !== FORM_CODES.online) throw new AppError('FORM_UNKNOWN', { field: 'formCode' });
  const unit = await unitOrThrow(db, unitCode);
  const campaign = await openSipasCampaign(db);
  const form = await latestForm(db, input.formCode);
  const dossierCodeHash = input.dossierCode ? dossierHash(secret, campaign.id, input.dossierCode) : null;
  const now = new Date();
  try {
    return await db.transaction(async (tx) => {
      if (input.ratingCode) await consumeRatingCode(tx, secret, input.ratingCode, campaign.id, unit.id);
      return storeResponse(tx, {
        clientId: input.clientId,
        campaignId: campaign.id,
        form,
        unitId: unit.id,
        channel: 'online',
        answers: input.answers,
        startedAt: input.startedAt ? new Date(input.startedAt) : null,
        completedAt: input.completedAt ? new Date(input.completedAt) : now,
        dossierCodeHash,
        payloadExtra: { dossier: dossierCodeHash, ratingCode: input.ratingCode ? ratingCodeHash(secret, input.ratingCode) : null },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'responses_dossier_key')) throw new AppError('DOSSIER_ALREADY_RATED', { field: 'dossierCode' });
    throw err;
  }
}
