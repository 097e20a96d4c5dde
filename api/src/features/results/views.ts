/** Per-counter and per-day views of a campaign's kiosk/online responses (quick rate by overall question). */
import type { Db } from '@hailong/db';
import { roundOrNull, percentOrNull } from '@hailong/scoring';
import { findStoredForm } from '../forms/repo.ts';
import { FORM_CODES } from '@hailong/forms';
import { getCampaign } from '../campaigns/service.ts';
import { groupedQuickRows } from './repo.ts';
import { resultSettings } from './service.ts';

async function quickSetup(db: Db) {
  const quick = await findStoredForm(db, FORM_CODES.quick);
  return { ids: quick ? [quick.id] : [], overall: quick?.definition.scoring.sipas?.overallQuestion ?? 'OV' };
}

export async function resultsBy(db: Db, campaignId: string, by: 'counter' | 'day') {
  const campaign = await getCampaign(db, campaignId);
  const { minSample } = resultSettings(campaign.settings);
  const q = await quickSetup(db);
  const rows = await groupedQuickRows(db, campaignId, by, q.ids, q.overall);
  return rows.map((r) => ({
    key: r.key,
    unitCode: r.unitCode,
    counterName: r.counterName,
    validResponses: r.valid,
    suspectResponses: r.suspect,
    quickForms: r.quickJudged,
    quickRatePercent: r.quickJudged >= minSample ? roundOrNull(percentOrNull(r.quickSatisfied, r.quickJudged)) : null,
  }));
}
