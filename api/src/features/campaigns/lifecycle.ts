/**
 * Closing a campaign early and reopening it (issue 17 item 1). Each change and its reason go to the
 * audit log in the same transaction; kiosk caches are reset so counters follow within a request.
 */
import type { CampaignClose, CampaignReopen } from '@hailong/contracts';
import type { Db } from '@hailong/db';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record.ts';
import { resetTargetCache } from '../kiosks/target.ts';
import { closeCampaign, reopenCampaign, type CampaignRow } from './repo.ts';
import { getCampaign } from './service.ts';

export async function closeEarly(db: Db, id: string, input: CampaignClose, actor: string | null): Promise<CampaignRow> {
  await getCampaign(db, id);
  await db.transaction(async (tx) => {
    if (await closeCampaign(tx, id)) {
      await recordAudit(tx, {
        actorUserId: actor,
        action: 'campaign.close',
        entity: 'campaign',
        entityId: id,
        details: { reason: input?.reason ?? null },
      });
    }
  });
  resetTargetCache(db);
  return getCampaign(db, id);
}

export async function reopen(
  db: Db,
  id: string,
  input: CampaignReopen,
  actor: string | null,
  now = new Date(),
): Promise<CampaignRow> {
  const c = await getCampaign(db, id);
  const closesAt = input.closesAt ? new Date(input.closesAt) : undefined;
  if ((closesAt ?? c.closesAt) <= now) throw new AppError('CAMPAIGN_END_PASSED', { field: 'closesAt' });
  if (closesAt && closesAt <= c.opensAt)
    throw new AppError('VALIDATION_FAILED', [{ field: 'closesAt', message: 'Ngày kết thúc phải sau ngày bắt đầu' }]);
  await db.transaction(async (tx) => {
    await reopenCampaign(tx, id, closesAt);
    await recordAudit(tx, {
      actorUserId: actor,
      action: 'campaign.reopen',
      entity: 'campaign',
      entityId: id,
      details: { reason: input.reason, ...(closesAt ? { closesAt: closesAt.toISOString() } : {}) },
    });
  });
  resetTargetCache(db);
  return getCampaign(db, id);
}
