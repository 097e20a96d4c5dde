import type { Campaign, CampaignCreate } from '@hailong/contracts';
import { isUniqueViolation, type Db, type DbOrTx } from '@hailong/db';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record.ts';
import { channelFormsOf } from './channel-forms.ts';
import { findCampaign, insertCampaign, type CampaignRow } from './repo.ts';

export function campaignStatus(c: CampaignRow, at = new Date()): Campaign['status'] {
  if (c.closedAt || c.closesAt <= at) return 'closed';
  return c.opensAt > at ? 'scheduled' : 'open';
}

export function isOpen(c: CampaignRow, at = new Date()): boolean {
  return campaignStatus(c, at) === 'open';
}

export function toCampaign(c: CampaignRow): Campaign {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    year: c.year,
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    status: campaignStatus(c),
    targetPerUnit: c.targetPerUnit,
    settings: (c.settings ?? {}) as Record<string, unknown>,
    channelForms: channelFormsOf(c),
  };
}

export async function createCampaign(db: Db, input: CampaignCreate, userId: string | null): Promise<CampaignRow> {
  try {
    return await db.transaction(async (tx) => {
      const c = await insertCampaign(tx, {
        kind: input.kind,
        name: input.name,
        year: input.year,
        opensAt: new Date(input.opensAt),
        closesAt: new Date(input.closesAt),
        targetPerUnit: input.targetPerUnit ?? null,
        settings: input.settings ?? {},
        createdBy: userId,
      });
      await recordAudit(tx, {
        actorUserId: userId,
        action: 'campaign.create',
        entity: 'campaign',
        entityId: c.id,
        details: { kind: c.kind },
      });
      return c;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'campaigns_name_key')) throw new AppError('CAMPAIGN_NAME_TAKEN', { field: 'name' });
    throw err;
  }
}

export async function getCampaign(db: DbOrTx, id: string): Promise<CampaignRow> {
  const c = await findCampaign(db, id);
  if (!c) throw new AppError('CAMPAIGN_NOT_FOUND');
  return c;
}
