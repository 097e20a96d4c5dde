/**
 * Who may watch a campaign's fieldwork: admins always; supervisors and observers only when their
 * organisation (MTTQ, Hội CCB) is attached to the campaign (campaign_supervisors).
 */
import { schema, type DbOrTx } from '@hailong/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { AuthUser } from '../../plugins/auth.ts';
import { getCampaign } from '../campaigns/service.ts';

export function currentUser(u: AuthUser | null): AuthUser {
  if (!u) throw new AppError('UNAUTHENTICATED');
  return u;
}

export async function assertCanWatch(db: DbOrTx, user: AuthUser, campaignId: string) {
  const campaign = await getCampaign(db, campaignId);
  if (user.role === 'admin') return campaign;
  if (user.role !== 'supervisor' && user.role !== 'observer') throw new AppError('FORBIDDEN');
  const { campaignSupervisors } = schema;
  const rows =
    user.organisationId === null
      ? []
      : await db
          .select({ c: campaignSupervisors.campaignId })
          .from(campaignSupervisors)
          .where(and(eq(campaignSupervisors.campaignId, campaignId), eq(campaignSupervisors.organisationId, user.organisationId)))
          .limit(1);
  if (rows.length === 0) throw new AppError('NOT_SUPERVISED');
  return campaign;
}
