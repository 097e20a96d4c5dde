/** Focal points: list (all units or one staff campaign's units), set and clear, each change audited. */
import type { FocalPoint, FocalPointInput } from '@hailong/contracts';
import type { Db } from '@hailong/db';
import { AppError } from '../../errors.ts';
import { getCampaign } from '../campaigns/service.ts';
import { auditFocalPoint, listAll, listForCampaign, updateFocalPoint } from './repo.ts';

export async function listFocalPoints(db: Db, campaignId?: string): Promise<FocalPoint[]> {
  if (!campaignId) return listAll(db);
  const campaign = await getCampaign(db, campaignId);
  if (campaign.kind !== 'staff') throw new AppError('CAMPAIGN_NOT_STAFF');
  return listForCampaign(db, campaignId);
}

/** `input` null clears the focal point (the unit then gets no digest). */
export async function changeFocalPoint(
  db: Db,
  unitCode: string,
  input: FocalPointInput | null,
  actorUserId: string | null,
): Promise<FocalPoint> {
  return db.transaction(async (tx) => {
    const row = await updateFocalPoint(tx, unitCode, input?.name ?? null, input?.email ?? null);
    if (!row) throw new AppError('UNIT_UNKNOWN', { unitCode });
    await auditFocalPoint(tx, actorUserId, unitCode, input === null);
    return row;
  });
}
