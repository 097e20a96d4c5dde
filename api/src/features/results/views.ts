/**
 * Per-counter and per-day views of a campaign's kiosk/online responses (quick rate by overall
 * question). A group's rate is shown only from `minSample` judged forms; within a unit, whose totals
 * /results shows, the groups are suppressed together (@hailong/scoring suppressGroups): a single
 * withheld group is joined by a second one, so the unit total minus the shown groups gives nothing
 * away. Fewer than SUPPRESS_MIN_CELL forms is marked 'small' ("< 5").
 */
import type { Db } from '@hailong/db';
import { roundOrNull, percentOrNull, sipasSettingsOfMethod, suppressGroups, type CellState } from '@hailong/scoring';
import { methodOf } from '../par/method-service.ts';
import { findStoredForm } from '../forms/repo.ts';
import { FORM_CODES } from '@hailong/forms';
import { getCampaign } from '../campaigns/service.ts';
import { groupedQuickRows, type GroupQuickRow } from './repo.ts';
import { resultSettings } from './service.ts';

async function quickSetup(db: Db) {
  const quick = await findStoredForm(db, FORM_CODES.quick);
  return { ids: quick ? [quick.id] : [], overall: quick?.definition.scoring.sipas?.overallQuestion ?? 'OV' };
}

/** Which groups' rates are withheld: per unit, groups with judged forms, threshold max(minSample, minCell). */
function withheld(rows: GroupQuickRow[], threshold: number): Map<GroupQuickRow, CellState> {
  const out = new Map<GroupQuickRow, CellState>();
  const byUnit = new Map<string, GroupQuickRow[]>();
  for (const r of rows) if (r.quickJudged > 0) byUnit.set(r.unitCode, [...(byUnit.get(r.unitCode) ?? []), r]);
  for (const group of byUnit.values()) {
    const { states } = suppressGroups(
      group.map((r) => r.quickJudged),
      threshold,
    );
    group.forEach((r, i) => out.set(r, states[i] ?? 'shown'));
  }
  return out;
}

export async function resultsBy(db: Db, campaignId: string, by: 'counter' | 'day', minCell: number) {
  const campaign = await getCampaign(db, campaignId);
  const { minSample } = resultSettings(campaign.settings, sipasSettingsOfMethod(await methodOf(db, campaign.year)));
  const q = await quickSetup(db);
  const rows = await groupedQuickRows(db, campaignId, by, q.ids, q.overall);
  const states = withheld(rows, Math.max(minSample, minCell));
  return rows.map((r) => {
    const state = states.get(r) ?? 'shown';
    const shown = state === 'shown' && r.quickJudged >= minSample;
    return {
      key: r.key,
      unitCode: r.unitCode,
      counterName: r.counterName,
      validResponses: r.valid,
      suspectResponses: r.suspect,
      quickForms: r.quickJudged,
      quickRatePercent: shown ? roundOrNull(percentOrNull(r.quickSatisfied, r.quickJudged)) : null,
      suppressed:
        state === 'secondary' ? ('secondary' as const) : r.quickJudged > 0 && r.quickJudged < minCell ? ('small' as const) : null,
    };
  });
}
