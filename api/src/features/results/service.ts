/**
 * Campaign results per unit: SIPAS % from forms 01/02 and the counter quick rate from the quick
 * form, over the responses the campaign counts — valid and inside the campaign window, the same
 * rule and the same counting function as /sipas (../aggregation/campaign-window.ts); suspect,
 * pending and invalid ones inside the window are reported, not scored. Percentages come from
 * @hailong/scoring. A unit below the minimum sample shows null, never a small-cell percentage, and
 * neither its satisfied count; component rates of fewer than SUPPRESS_MIN_CELL answers are withheld
 * as in /sipas (publishSipas with minCell, issue 14).
 */
import type { CampaignResults, UnitResult } from '@hailong/contracts';
import type { Db, DbOrTx } from '@hailong/db';
import {
  computeSipas,
  countSatisfied,
  countsFromRows,
  defaultSatisfiedRule,
  likertTally,
  publishSipas,
  quickRate,
  roundOrNull,
  sipasSettingsOfMethod,
  type AnswerCounts,
  type SatisfiedRule,
  type SipasSettings,
  type SipasSource,
} from '@hailong/scoring';
import { countUnscoredResponses } from '../aggregation/review-state-counts-repo.ts';
import { pendingTail, tallySourceOf, type TallySource } from '../aggregation/pending-tail.ts';
import { countCampaignAnswers, type FormCounts } from '../aggregation/sipas-counts-repo.ts';
import { getCampaign } from '../campaigns/service.ts';
import { findStoredFormById, type StoredForm } from '../forms/repo.ts';
import { methodOf } from '../par/method-service.ts';
import { campaignWindow, listUnits, sipasSettingsOf, type SipasCampaignSettings } from '../par/sipas-service.ts';
import { campaignDay } from '../units/as-of.ts';
import { validAnswers } from './repo.ts';

/** The campaign's SIPAS method (the same reading as /sipas) plus the quick-form rule. */
export interface ResultSettings extends SipasCampaignSettings {
  quickRule: SatisfiedRule;
}

export function resultSettings(settings: unknown, base?: SipasSettings): ResultSettings {
  const s = (settings ?? {}) as Record<string, unknown>;
  const rules: SatisfiedRule[] = ['overall_in_4_5', 'mean_ge_4', 'all_in_4_5'];
  return { ...sipasSettingsOf(settings, base), quickRule: rules.find((r) => r === s.quickSatisfiedRule) ?? defaultSatisfiedRule };
}

/**
 * The pure part: one unit's figures from its counts. Exported so tests can feed in-memory counts.
 * `minCell` (SUPPRESS_MIN_CELL) withholds the quick rate and count of fewer forms, and small components.
 */
export function unitResult(
  u: { unitCode: string; unitName: string; states: Record<string, number> },
  byForm: { form: StoredForm; validForms: number; counts: AnswerCounts }[],
  settings: ResultSettings,
  quickTally?: { satisfied: number; valid: number },
  minCell = 1,
): UnitResult {
  const sipasParts = byForm.filter((f) => settings.sipasKinds.includes(f.form.definition.kind));
  const sources: SipasSource[] = sipasParts.map((f) => ({ form: f.form.definition, counts: f.counts }));
  const sipasForms = sipasParts.reduce((a, f) => a + f.validForms, 0);
  const { sipasKinds: _kinds, quickRule: _rule, ...method } = settings;
  const published = publishSipas(computeSipas({ unitCode: u.unitCode, sources, validForms: sipasForms }, method), { minCell });
  const quick = byForm.filter((f) => f.form.definition.kind === 'sipas_quick');
  const tally =
    quickTally ??
    quick.reduce(
      (a, f) => {
        const t = likertTally(f.counts, f.form.definition.scoring.sipas?.overallQuestion ?? 'OV');
        return { satisfied: a.satisfied + t.satisfied, valid: a.valid + t.valid };
      },
      { satisfied: 0, valid: 0 },
    );
  const rate = quickRate(tally);
  const quickShown = tally.valid >= Math.max(settings.minSample, minCell);
  return {
    unitCode: u.unitCode,
    unitName: u.unitName,
    validResponses: u.states.valid ?? 0,
    suspectResponses: u.states.suspect ?? 0,
    invalidResponses: u.states.invalid ?? 0,
    sipasPercent: published.sipasPercent,
    sipasStatus: published.status,
    sipasForms,
    quickRatePercent: quickShown ? roundOrNull(rate.ratePercent) : null,
    quickForms: tally.valid,
    quickSatisfied: quickShown ? tally.satisfied : null,
    components: published.components.map((c) => ({
      code: c.code,
      ratePercent: c.ratePercent,
      dropped: c.dropped,
      suppressed: c.suppressed,
    })),
  };
}

async function formsById(db: DbOrTx, ids: Iterable<number>): Promise<Map<number, StoredForm>> {
  const out = new Map<number, StoredForm>();
  for (const id of new Set(ids)) {
    const f = await findStoredFormById(db, id);
    if (f) out.set(id, f);
  }
  return out;
}

/** Quick-form tallies per unit for rules that need each form (mean_ge_4, all_in_4_5). */
async function perFormQuickTallies(
  db: DbOrTx,
  campaignId: string,
  forms: Map<number, StoredForm>,
  rule: SatisfiedRule,
  source: TallySource,
) {
  const quick = [...forms.values()].filter((f) => f.definition.kind === 'sipas_quick');
  const out = new Map<number, { satisfied: number; valid: number }>();
  if (rule === 'overall_in_4_5' || !quick[0]) return out;
  const rows = await validAnswers(
    db,
    campaignId,
    quick.map((f) => f.id),
    source,
  );
  const byUnit = new Map<number, Record<string, never>[]>();
  for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r.answers]);
  for (const [unitId, answers] of byUnit) out.set(unitId, countSatisfied(answers, quick[0].definition, rule));
  return out;
}

/** One unit's forms with its counts (empty where the unit has none), for `unitResult`. */
function unitForms(forms: Map<number, StoredForm>, byForm: ReadonlyMap<number, FormCounts> | undefined) {
  return [...forms].map(([formId, form]) => ({
    form,
    validForms: byForm?.get(formId)?.validForms ?? 0,
    counts: byForm?.get(formId)?.counts ?? countsFromRows([]),
  }));
}

/** `pendingMax` (RESULTS_PENDING_MAX): a larger unfolded tail is left out and reported (pending-tail.ts). */
export async function campaignResults(db: Db, campaignId: string, minCell: number, pendingMax: number): Promise<CampaignResults> {
  const campaign = await getCampaign(db, campaignId);
  const settings = resultSettings(campaign.settings, sipasSettingsOfMethod(await methodOf(db, campaign.year)));
  const pending = await pendingTail(db, campaignId, pendingMax);
  const source = tallySourceOf(pending);
  const [counts, unscored] = [
    await countCampaignAnswers(db, campaignId, { source }),
    await countUnscoredResponses(db, campaignId),
  ];
  const forms = await formsById(
    db,
    [...counts.values()].flatMap((m) => [...m.keys()]),
  );
  const quickTallies = await perFormQuickTallies(db, campaignId, forms, settings.quickRule, source);
  const counted = (await listUnits(db, campaignDay(campaign), [...counts.keys(), ...unscored.keys()])).filter(
    (u) => counts.has(u.id) || unscored.has(u.id),
  );
  const units = counted.map((unit) => {
    const byForm = unitForms(forms, counts.get(unit.id));
    const other = unscored.get(unit.id);
    const states = {
      valid: byForm.reduce((a, f) => a + f.validForms, 0),
      suspect: other?.suspect ?? 0,
      invalid: other?.invalid ?? 0,
    };
    return unitResult({ unitCode: unit.code, unitName: unit.name, states }, byForm, settings, quickTallies.get(unit.id), minCell);
  });
  return { campaignId, minSample: settings.minSample, minCell, window: campaignWindow(campaign), pending, units };
}
