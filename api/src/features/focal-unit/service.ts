/**
 * A focal point's view of their own unit (issue 14 item 4). The unit always comes from the session
 * (`req.user.unitId`); a campaign or a person outside it is "not found", exactly like one that does
 * not exist, so a focal point cannot even learn which other units take part.
 */
import type { FocalCampaign, FocalRate, FocalUnit, NonRespondentList } from '@hailong/contracts';
import type { Db } from '@hailong/db';
import type { RespondentGroup } from '@hailong/forms';
import { AppError } from '../../errors.ts';
import { findCampaign, type CampaignRow } from '../campaigns/repo.ts';
import { getCampaign, isOpen } from '../campaigns/service.ts';
import { staffTemplateCode } from '../campaigns/staff-templates.ts';
import { ratePercent } from '../response-rates/service.ts';
import { nonRespondents, ratesByCampaignAndGroup, unitOf, unitTakesPart, type CampaignRateRow } from './repo.ts';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

function toCampaign(rows: CampaignRateRow[], campaign: CampaignRow | undefined): FocalCampaign {
  const first = rows[0];
  if (!first) throw new Error('a campaign without rows');
  const byTemplate: FocalRate[] = rows.map((r) => ({
    group: r.respondent_group as RespondentGroup,
    formCode: staffTemplateCode(campaign, r.respondent_group),
    invited: r.invited,
    delivered: r.delivered,
    completed: r.completed,
    rate: ratePercent(r.completed, r.invited),
  }));
  const sum = (k: 'invited' | 'delivered' | 'completed') => byTemplate.reduce((n, r) => n + r[k], 0);
  return {
    id: first.id,
    name: first.name,
    year: first.year,
    opensAt: new Date(first.opens_at).toISOString(),
    closesAt: new Date(first.closes_at).toISOString(),
    closedAt: iso(first.closed_at),
    personalDataPurgedAt: iso(first.personal_data_purged_at),
    byTemplate,
    total: {
      invited: sum('invited'),
      delivered: sum('delivered'),
      completed: sum('completed'),
      rate: ratePercent(sum('completed'), sum('invited')),
    },
  };
}

export async function focalUnit(db: Db, unitId: number): Promise<FocalUnit> {
  const unit = await unitOf(db, unitId);
  if (!unit) throw new AppError('UNIT_UNKNOWN');
  const byCampaign = new Map<string, CampaignRateRow[]>();
  for (const r of await ratesByCampaignAndGroup(db, unitId)) byCampaign.set(r.id, [...(byCampaign.get(r.id) ?? []), r]);
  const campaigns = await Promise.all([...byCampaign].map(async ([id, rows]) => toCampaign(rows, await findCampaign(db, id))));
  return { unit, campaigns };
}

/** The campaign, if it is a staff campaign the unit takes part in; otherwise CAMPAIGN_NOT_FOUND. */
export async function ownCampaign(db: Db, campaignId: string, unitId: number) {
  const c = await getCampaign(db, campaignId);
  if (c.kind !== 'staff' || !(await unitTakesPart(db, campaignId, unitId))) throw new AppError('CAMPAIGN_NOT_FOUND');
  return c;
}

export async function focalNonRespondents(
  db: Db,
  campaignId: string,
  unitId: number,
  minGapHours: number,
): Promise<NonRespondentList> {
  const c = await ownCampaign(db, campaignId, unitId);
  const purgedAt = iso(c.personalDataPurgedAt);
  // After the purge the names and emails are gone: say so rather than list blanks.
  const rows = purgedAt ? [] : await nonRespondents(db, campaignId, unitId);
  return {
    campaignId,
    personalDataPurgedAt: purgedAt,
    open: isOpen(c),
    minGapHours,
    people: rows.map((r) => ({
      respondentId: r.respondent_id,
      fullName: r.full_name,
      email: r.email,
      group: r.respondent_group as RespondentGroup,
      formCode: staffTemplateCode(c, r.respondent_group),
      delivery: r.delivery as NonRespondentList['people'][number]['delivery'],
      lastRemindedAt: iso(r.last_reminded_at),
      remindersSent: r.reminders_sent,
    })),
  };
}
