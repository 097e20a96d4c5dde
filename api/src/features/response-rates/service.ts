import type { RateCounts, ResponseRates } from '@hailong/contracts';
import type { DbOrTx } from '@hailong/db';
import { roundHalfUp } from '@hailong/scoring';
import { getCampaign } from '../campaigns/service.ts';
import { campaignDay } from '../units/as-of.ts';
import { countsByDay, countsByUnitAndGroup, type CellRow, type CountRow } from './repo.ts';

/** Default target response rate (%) below which a unit is highlighted; campaign.settings.targetRate overrides. */
export const DEFAULT_TARGET_RATE = 90;

export function ratePercent(completed: number, invited: number): number {
  return invited === 0 ? 0 : roundHalfUp((100 * completed) / invited, 2);
}

function toCounts(r: Omit<CountRow, 'key' | 'name' | 'unit_group'>): RateCounts {
  const { invited, delivered, bounced, failed, opened, started, completed } = r;
  return { invited, delivered, bounced, failed, opened, started, completed, rate: ratePercent(completed, invited) };
}

function sum(rows: CountRow[]): Omit<CountRow, 'key' | 'name' | 'unit_group'> {
  const t = { invited: 0, delivered: 0, bounced: 0, failed: 0, opened: 0, started: 0, completed: 0 };
  for (const r of rows) for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += r[k];
  return t;
}

/** Sums the (unit, group) cells by unit or by group, keeping first-seen order (the SQL sorts). */
function rollUp(cells: CellRow[], keyOf: (c: CellRow) => string): CountRow[] {
  const m = new Map<string, CellRow[]>();
  for (const c of cells) m.set(keyOf(c), [...(m.get(keyOf(c)) ?? []), c]);
  return [...m.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, rows]) => ({ key, name: rows[0]?.name ?? null, unit_group: rows[0]?.unit_group ?? null, ...sum(rows) }));
}

export async function responseRates(db: DbOrTx, campaignId: string): Promise<ResponseRates> {
  const campaign = await getCampaign(db, campaignId);
  const [cells, days] = await Promise.all([
    countsByUnitAndGroup(db, campaignId, campaignDay(campaign)),
    countsByDay(db, campaignId),
  ]);
  const units = rollUp(cells, (c) => c.key);
  const groups = rollUp(cells, (c) => c.respondent_group);
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
