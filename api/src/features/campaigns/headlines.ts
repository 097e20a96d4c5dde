/**
 * The headline figure of every campaign in the list: the staff response rate (completed / invited),
 * or the SIPAS forms collected (every stored response not rejected) against the sample target
 * (each unit's planned target, else the campaign's per-unit target × the units in use).
 */
import type { CampaignHeadline } from '@hailong/contracts';
import type { DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';
import { DEFAULT_TARGET_RATE, ratePercent } from '../response-rates/service.ts';
import type { CampaignRow } from './repo.ts';

type StaffRow = { campaign_id: string; invited: number; completed: number };
type SipasRow = { campaign_id: string; collected: number; planned: number | null; units: number };

async function staffCounts(db: DbOrTx): Promise<Map<string, StaffRow>> {
  const res = await db.execute<StaffRow>(sql`
    select i.campaign_id, count(*)::int as invited, count(i.completed_at)::int as completed
    from invitations i join campaigns c on c.id = i.campaign_id where c.kind = 'staff' group by i.campaign_id`);
  return new Map(res.rows.map((r) => [r.campaign_id, r]));
}

async function sipasCounts(db: DbOrTx): Promise<Map<string, SipasRow>> {
  const res = await db.execute<SipasRow>(sql`
    select c.id as campaign_id,
      (select count(*) from responses r where r.campaign_id = c.id and r.review_state <> 'invalid')::int as collected,
      (select sum(t.target) from campaign_targets t where t.campaign_id = c.id)::int as planned,
      (select count(*) from units u where u."group" <> 'commune' and u.valid_from <= make_date(c.year, 12, 31)
         and (u.valid_to is null or u.valid_to >= make_date(c.year, 1, 1)))::int as units
    from campaigns c where c.kind = 'sipas'`);
  return new Map(res.rows.map((r) => [r.campaign_id, r]));
}

export async function campaignHeadlines(db: DbOrTx, campaigns: CampaignRow[]): Promise<CampaignHeadline[]> {
  const [staff, sipas] = await Promise.all([staffCounts(db), sipasCounts(db)]);
  return campaigns.map((c): CampaignHeadline => {
    if (c.kind === 'staff') {
      const r = staff.get(c.id) ?? { invited: 0, completed: 0 };
      const target = Number((c.settings as { targetRate?: unknown }).targetRate ?? DEFAULT_TARGET_RATE);
      return {
        kind: 'staff',
        campaignId: c.id,
        invited: r.invited,
        completed: r.completed,
        rate: ratePercent(r.completed, r.invited),
        targetRate: target,
      };
    }
    const r = sipas.get(c.id);
    const target = r?.planned ?? (c.targetPerUnit !== null && r ? c.targetPerUnit * r.units : null);
    return { kind: 'sipas', campaignId: c.id, collected: r?.collected ?? 0, target };
  });
}
