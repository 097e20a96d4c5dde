/**
 * The PAR Index table of a year: appraised self-assessment (imported) + staff-survey points
 * (imported, or computed from the year's staff campaign) + SIPAS points (the year's SIPAS
 * campaign, via the SQL counting path), scored with the year's method (docs/0012). Units missing a
 * part are listed in `incomplete` with every reason instead of being scored with a made-up zero; a
 * surveyed unit with staff sub-criteria nobody answered names them in `missingSubCriteria`.
 * Staff points computed from 1 … minCell − 1 staff responses would show those few people's answers:
 * they are withheld (`staff_too_few_responses`, issue 14; docs/0015), and so are the unit's total,
 * index and band, which would give them back by subtraction — the unit is not in the table.
 */
import type { ParMissing, ParTableBody } from '@hailong/contracts';
import type { DbOrTx } from '@hailong/db';
import {
  computeParTable,
  computeStaffPoints,
  isParGroup,
  parSettingsOf,
  pooledSipasOf,
  publishParTable,
  roundOrNull,
  ScoringInputError,
  staffMaximaOf,
  type ParMethod,
  type ParTable,
  type ParUnitInput,
  type SipasResult,
  type StaffResult,
  type StaffSource,
} from '@hailong/scoring';
import { AppError } from '../../errors.ts';
import type { CampaignRow } from '../campaigns/repo.ts';
import { countCampaignAnswers, type CampaignCounts } from '../aggregation/sipas-counts-repo.ts';
import { findStoredFormById } from '../forms/repo.ts';
import { methodOf } from './method-service.ts';
import { latestCampaign, yearReferenceDay } from './reference-day.ts';
import { selfAssessmentsOf } from './self-assessment-service.ts';
import { campaignSipasResults, listUnits, type UnitRef } from './sipas-service.ts';

type Missing = ParMissing;

/**
 * Staff-survey points per unit id from the staff campaign's valid responses, scored with the year's
 * item maxima for the unit's group (every template that rated the unit counts; a sub-criterion of the
 * group that no answer reached is reported missing).
 */
export async function staffPointsByUnit(
  db: DbOrTx,
  campaign: CampaignRow | undefined,
  method: ParMethod,
  units: readonly UnitRef[],
): Promise<Map<number, StaffResult>> {
  const out = new Map<number, StaffResult>();
  if (!campaign) return out;
  const groupOf = new Map(units.map((u) => [u.id, u.parGroup]));
  const counts = await countCampaignAnswers(db, campaign.id);
  for (const [unitId, byForm] of counts) {
    const sources: StaffSource[] = [];
    for (const f of byForm.values()) {
      const form = await findStoredFormById(db, f.formId);
      if (form?.definition.kind === 'staff') sources.push({ form: form.definition, counts: f.counts });
    }
    const group = groupOf.get(unitId);
    if (sources.length === 0 || group === undefined || !isParGroup(group)) continue;
    const result = computeStaffPoints(sources, {
      templateMethod: method.staff.templateMethod,
      maxima: staffMaximaOf(method, group),
    });
    if (result.subCriteria.some((s) => s.points !== null)) out.set(unitId, result);
  }
  return out;
}

function sipasMissing(sipas: SipasResult | undefined, hasCampaign: boolean): Missing | null {
  if (!hasCampaign) return 'no_sipas_campaign';
  if (!sipas || sipas.status === 'no_data') return 'sipas_no_data';
  return sipas.status === 'not_enough_data' ? 'sipas_not_enough_data' : null;
}

/** Staff responses per unit id: every valid staff form counted for the unit. */
function staffResponsesByUnit(counts: CampaignCounts): Map<number, number> {
  return new Map([...counts].map(([unitId, byForm]) => [unitId, [...byForm.values()].reduce((a, f) => a + f.validForms, 0)]));
}

export async function parTableOf(
  db: DbOrTx,
  year: number,
  minCell: number,
): Promise<{ body: ParTableBody; table: ParTable; pooledSipasPercent: number | null }> {
  const [sipasCampaign, staffCampaign] = [await latestCampaign(db, 'sipas', year), await latestCampaign(db, 'staff', year)];
  const method = await methodOf(db, year);
  const self = await selfAssessmentsOf(db, year);
  const sipasResults = sipasCampaign ? await campaignSipasResults(db, sipasCampaign, method, minCell) : [];
  const sipas = new Map(sipasResults.map((s) => [s.unit.id, s.result]));
  const pooledSipas = pooledSipasOf(sipasResults.filter((s) => s.result.status === 'ok').map((s) => s.result));
  const day = await yearReferenceDay(db, year);
  const staffCounts: CampaignCounts = staffCampaign ? await countCampaignAnswers(db, staffCampaign.id) : new Map<number, never>();
  const staffResponses = staffResponsesByUnit(staffCounts);
  const units = await listUnits(db, day, [...self.keys(), ...sipas.keys(), ...staffResponses.keys()]);
  const surveyed = await staffPointsByUnit(db, staffCampaign, method, units);
  const inputs: (ParUnitInput & { staffSource: 'imported' | 'survey' })[] = [];
  const incomplete: ParTableBody['incomplete'] = [];
  for (const unit of units) {
    const s = self.get(unit.id);
    const responses = staffResponses.get(unit.id) ?? 0;
    const tooFew = s?.staffSurveyPoints == null && responses > 0 && responses < minCell;
    const surveyedStaff = s?.staffSurveyPoints == null && !tooFew ? surveyed.get(unit.id) : undefined;
    const staff = s?.staffSurveyPoints ?? surveyedStaff?.points ?? null;
    const sp = sipas.get(unit.id);
    const missing: Missing[] = [];
    if (!s) missing.push('no_self_assessment');
    if (tooFew) missing.push('staff_too_few_responses');
    else if (staff === null) missing.push('no_staff_points');
    else if (surveyedStaff && surveyedStaff.missing.length > 0) missing.push('staff_sub_criteria_missing');
    const sm = sipasMissing(sp, sipasCampaign !== undefined);
    if (sm) missing.push(sm);
    if (missing.length > 0 || !s || staff === null || sp?.sipasPercent == null) {
      const subCriteria = surveyedStaff?.missing.length ? { missingSubCriteria: surveyedStaff.missing } : {};
      incomplete.push({ unitCode: unit.code, unitName: unit.name, group: unit.parGroup, missing, ...subCriteria });
      continue;
    }
    inputs.push({
      unitCode: unit.code,
      unitName: unit.name,
      group: unit.parGroup,
      maxPoints: s.maxPoints,
      selfAssessment: s.selfAssessment,
      staffSurveyPoints: staff,
      sipasPercent: sp.sipasPercent,
      staffSource: s.staffSurveyPoints !== null ? 'imported' : 'survey',
    });
  }
  let table;
  try {
    table = publishParTable(
      computeParTable(inputs, { ...parSettingsOf(method), decimals: method.rounding.decimals }),
      method.rounding.decimals,
    );
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
    minCell,
    incomplete,
    sipasOverall: {
      pooledPercent: roundOrNull(pooledSipas, method.rounding.decimals),
      meanOfUnitsPercent:
        table.units.length > 0
          ? roundOrNull(inputs.reduce((a, u) => a + u.sipasPercent, 0) / inputs.length, method.rounding.decimals)
          : null,
    },
  };
  return { body, table, pooledSipasPercent: roundOrNull(pooledSipas, method.rounding.decimals) };
}
