import type { RateCounts, ResponseRates } from '@hailong/contracts';
import type { DbOrTx } from '@hailong/db';
import { roundHalfUp } from '@hailong/scoring';
import { getCampaign } from '../campaigns/service.ts';
import { countsByDay, countsByGroup, countsByUnit, type CountRow } from './repo.ts';

/** Default target response rate (%) below which a unit is highlighted; campaign.settings.targetRate overrides. */
export const DEFAULT_TARGET_RATE = 90;

export function ratePercent(completed: number, invited: number): number {
  return invited === 0 ? 0 : roundHalfUp((100 * completed) / invited, 2);
}

function toCounts(r: Omit<CountRow, 'key' | 'name' | 'unit_group'>): RateCounts {
  const { invited, delivered, bounced, opened, started, completed } = r;
  return { invited, delivered, bounced, opened, started, completed, rate: ratePercent(completed, invited) };
}

function sum(rows: CountRow[]): Omit<CountRow, 'key' | 'name' | 'unit_group'> {
  const t = { invited: 0, delivered: 0, bounced: 0, opened: 0, started: 0, completed: 0 };
  for (const r of rows) for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += r[k];
  return t;
}

export async function responseRates(db: DbOrTx, campaignId: string): Promise<ResponseRates> {
  const campaign = await getCampaign(db, campaignId);
  const [units, groups, days] = [await countsByUnit(db, campaignId), await countsByGroup(db, campaignId), await countsByDay(db, campaignId)];
  const overall = toCounts(sum(units));
  let cumulative = 0;
  const target = Number((campaign.settings as { targetRate?: unknown }).targetRate ?? DEFAULT_TARGET_RATE);
  return {
    campaignId,
    targetRate: Number.isFinite(target) ? target : DEFAULT_TARGET_RATE,
    overall,
    byUnit: units.map((u) => ({ unitCode: u.key, unitName: u.name ?? u.key, unitGroup: u.unit_group ?? '', ...toCounts(u) })),
    byGroup: groups.map((g) => ({ group: g.key as 'T1', ...toCounts(g) })),
    byDay: days.map((d) => {
      cumulative += d.completed;
      return { ...d, cumulativeRate: ratePercent(cumulative, overall.invited) };
    }),
  };
}
