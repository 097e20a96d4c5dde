/**
 * The PAR Index table of a year: appraised self-assessment (imported) + staff-survey points
 * (imported, or computed from the year's staff campaign) + SIPAS points (the year's SIPAS
 * campaign, via the SQL counting path). Units missing a part are listed in `incomplete` with every
 * reason instead of being scored with a made-up zero.
 */
import type { ParMissing, ParTableBody } from '@hailong/contracts';
import type { DbOrTx } from '@hailong/db';
import { computeParTable, computeStaffPoints, publishParTable, ScoringInputError, type ParTable, type ParUnitInput, type SipasResult, type StaffSource } from '@hailong/scoring';
import { AppError } from '../../errors.ts';
import type { CampaignRow } from '../campaigns/repo.ts';
import { countCampaignAnswers } from '../aggregation/sipas-counts-repo.ts';
import { findStoredFormById } from '../forms/repo.ts';
import { latestCampaign, yearReferenceDay } from './reference-day.ts';
import { selfAssessmentsOf } from './self-assessment-service.ts';
import { campaignSipasResults, listUnits } from './sipas-service.ts';

type Missing = ParMissing;

/** Staff-survey points per unit id from the staff campaign's valid responses. */
export async function staffPointsByUnit(db: DbOrTx, campaign: CampaignRow | undefined): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!campaign) return out;
  const counts = await countCampaignAnswers(db, campaign.id);
  for (const [unitId, byForm] of counts) {
    const sources: StaffSource[] = [];
    for (const f of byForm.values()) {
      const form = await findStoredFormById(db, f.formId);
      if (form?.definition.kind === 'staff') sources.push({ form: form.definition, counts: f.counts });
    }
    const result = computeStaffPoints(sources);
    if (result.subCriteria.some((s) => s.points !== null)) out.set(unitId, result.points);
  }
  return out;
}

function sipasMissing(sipas: SipasResult | undefined, hasCampaign: boolean): Missing | null {
  if (!hasCampaign) return 'no_sipas_campaign';
  if (!sipas || sipas.status === 'no_data') return 'sipas_no_data';
  return sipas.status === 'not_enough_data' ? 'sipas_not_enough_data' : null;
}

export async function parTableOf(db: DbOrTx, year: number): Promise<{ body: ParTableBody; table: ParTable }> {
  const [sipasCampaign, staffCampaign] = [await latestCampaign(db, 'sipas', year), await latestCampaign(db, 'staff', year)];
  const self = await selfAssessmentsOf(db, year);
  const sipas = new Map(sipasCampaign ? (await campaignSipasResults(db, sipasCampaign)).map((s) => [s.unit.id, s.result]) : []);
  const surveyed = await staffPointsByUnit(db, staffCampaign);
  const inputs: (ParUnitInput & { staffSource: 'imported' | 'survey' })[] = [];
  const incomplete: ParTableBody['incomplete'] = [];
  const day = await yearReferenceDay(db, year);
  for (const unit of await listUnits(db, day, [...self.keys(), ...sipas.keys(), ...surveyed.keys()])) {
    const s = self.get(unit.id);
    const staff = s?.staffSurveyPoints ?? surveyed.get(unit.id) ?? null;
    const sp = sipas.get(unit.id);
    const missing: Missing[] = [];
    if (!s) missing.push('no_self_assessment');
    if (staff === null) missing.push('no_staff_points');
    const sm = sipasMissing(sp, sipasCampaign !== undefined);
    if (sm) missing.push(sm);
    if (missing.length > 0 || !s || staff === null || sp?.sipasPercent == null) {
      incomplete.push({ unitCode: unit.code, unitName: unit.name, group: unit.parGroup, missing });
      continue;
    }
    inputs.push({
      unitCode: unit.code, unitName: unit.name, group: unit.parGroup, maxPoints: s.maxPoints, selfAssessment: s.selfAssessment,
      staffSurveyPoints: staff, sipasPercent: sp.sipasPercent, staffSource: s.staffSurveyPoints !== null ? 'imported' : 'survey',
    });
  }
  let table;
  try {
    table = publishParTable(computeParTable(inputs));
  } catch (err) {
    if (err instanceof ScoringInputError) throw new AppError('PAR_INPUT_INVALID', err.issues);
    throw err;
  }
  const source = new Map(inputs.map((i) => [i.unitCode, i.staffSource]));
  const body: ParTableBody = {
    year,
    sipasCampaignId: sipasCampaign?.id ?? null,
    staffCampaignId: staffCampaign?.id ?? null,
    units: table.units.map((u) => ({ ...u, staffSource: source.get(u.unitCode) ?? 'imported' })),
    groups: table.groups,
    overall: table.overall,
    incomplete,
  };
  return { body, table };
}
