/**
 * SIPAS per unit for a campaign: counts from SQL (aggregation/sipas-counts-repo.ts), indices from
 * @hailong/scoring (computeSipas + publishSipas: rounded, small cells withheld). Forms feeding
 * SIPAS are chosen by kind (default: counter form 01 and online form 02; the quick counter form is
 * reported by /results).
 */
import type { CampaignSipas, SipasUnit } from '@hailong/contracts';
import type { DbOrTx } from '@hailong/db';
import {
  computeSipas,
  defaultSipasSettings,
  mergeCounts,
  publishShareLines,
  publishSipas,
  rankPublished,
  sipasSettingsOfMethod,
  type AnswerCounts,
  type ParMethod,
  type SipasResult,
  type SipasSettings,
  type SipasSource,
} from '@hailong/scoring';
import { getCampaign } from '../campaigns/service.ts';
import type { CampaignRow } from '../campaigns/repo.ts';
import { pendingTail, tallySourceOf, type TallySource } from '../aggregation/pending-tail.ts';
import { countSipasAnswers, type FormCounts } from '../aggregation/sipas-counts-repo.ts';
import { findStoredFormById, type StoredForm } from '../forms/repo.ts';
import { campaignDay, vnDay } from '../units/as-of.ts';
import { unitRefsOn, type UnitRef } from '../units/registry-repo.ts';
import { methodOf } from './method-service.ts';

export interface SipasCampaignSettings extends SipasSettings {
  sipasKinds: string[];
}

/**
 * Reads the per-campaign method settings over `base` — the campaign year's method (docs/0012), or
 * the METHOD.md defaults: a setting the campaign states wins, anything else comes from the year.
 */
export function sipasSettingsOf(settings: unknown, base: SipasSettings = defaultSipasSettings): SipasCampaignSettings {
  const s = (settings ?? {}) as Record<string, unknown>;
  const weights =
    s.componentWeights && typeof s.componentWeights === 'object'
      ? (s.componentWeights as Record<string, number>)
      : base.componentWeights;
  const pick = <T extends string>(value: unknown, options: readonly T[], fallback: T): T =>
    options.find((o) => o === value) ?? fallback;
  return {
    minSample: typeof s.minSample === 'number' && s.minSample >= 1 ? s.minSample : base.minSample,
    componentMethod: pick(s.componentMethod, ['pooled', 'mean_of_items'] as const, base.componentMethod),
    sipasMethod: pick(s.sipasMethod, ['mean_of_components', 'overall_question'] as const, base.sipasMethod),
    componentWeights: weights,
    sipasKinds: Array.isArray(s.sipasKinds)
      ? s.sipasKinds.filter((k): k is string => typeof k === 'string')
      : ['sipas_counter', 'sipas_online'],
  };
}

export { vnDay };

export function campaignWindow(c: CampaignRow): { from: string; to: string } {
  const end = c.closedAt && c.closedAt < c.closesAt ? c.closedAt : c.closesAt;
  return { from: vnDay(c.opensAt), to: vnDay(new Date(end.getTime() - 1)) };
}

export type { UnitRef };

/** Units of the registry on `day` (and those `alsoIds` names), under their names of that day. */
export async function listUnits(db: DbOrTx, day: string, alsoIds: Iterable<number> = []): Promise<UnitRef[]> {
  return unitRefsOn(db, day, alsoIds);
}

async function storedForms(db: DbOrTx, ids: Iterable<number>): Promise<Map<number, StoredForm>> {
  const out = new Map<number, StoredForm>();
  for (const id of new Set(ids)) {
    const form = await findStoredFormById(db, id);
    if (form) out.set(id, form);
  }
  return out;
}

/**
 * Full-precision SIPAS of one unit from its per-form counts. Every SIPAS form used in the
 * campaign is a source (with empty counts where the unit has none), so all units list the same
 * components and criteria.
 */
export function unitSipas(
  unitCode: string,
  byForm: ReadonlyMap<number, FormCounts> | undefined,
  forms: Map<number, StoredForm>,
  settings: SipasCampaignSettings,
): SipasResult {
  const sipasForms = [...forms.values()]
    .filter((f) => settings.sipasKinds.includes(f.definition.kind))
    .sort((a, b) => a.id - b.id);
  const sources = sourcesByCode(sipasForms, byForm);
  const validForms = sipasForms.reduce((a, f) => a + (byForm?.get(f.id)?.validForms ?? 0), 0);
  const { sipasKinds: _kinds, ...options } = settings;
  return computeSipas({ unitCode, sources, validForms }, options);
}

/**
 * One source per form code: the versions of a form (e.g. 01/2021-TT v1 and v2) ask the same
 * criteria, so their answers are added up and read with the latest version's scoring map.
 */
function sourcesByCode(sipasForms: readonly StoredForm[], byForm: ReadonlyMap<number, FormCounts> | undefined): SipasSource[] {
  const byCode = new Map<string, { form: StoredForm; counts: AnswerCounts[]; validForms: number }>();
  for (const f of sipasForms) {
    const seen = byCode.get(f.code);
    const counts = byForm?.get(f.id);
    const entry = seen ?? { form: f, counts: [], validForms: 0 };
    if (f.version > entry.form.version) entry.form = f;
    if (counts) {
      entry.counts.push(counts.counts);
      entry.validForms += counts.validForms;
    }
    byCode.set(f.code, entry);
  }
  return [...byCode.values()].map((e) => ({ form: e.form.definition, counts: mergeCounts(e.counts), validForms: e.validForms }));
}

/** The SIPAS settings of a campaign: its own settings over its year's method. */
export async function campaignSipasSettings(
  db: DbOrTx,
  campaign: CampaignRow,
  method?: ParMethod,
): Promise<SipasCampaignSettings> {
  return sipasSettingsOf(campaign.settings, sipasSettingsOfMethod(method ?? (await methodOf(db, campaign.year))));
}

/**
 * A unit's SIPAS of 1 … minCell − 1 valid forms (possible only with a minimum sample below
 * SUPPRESS_MIN_CELL) is not published: 'not_enough_data', as /sipas withholds it (docs/0015).
 */
function belowMinCell(result: SipasResult, minCell: number): SipasResult {
  return result.status === 'ok' && result.validForms < minCell
    ? { ...result, status: 'not_enough_data', sipasPercent: null }
    : result;
}

/**
 * Every unit's full-precision SIPAS for a campaign (units without responses: status no_data); with
 * `minCell`, units under it are 'not_enough_data' (the PAR table and the year-over-year comparison).
 */
export async function campaignSipasResults(
  db: DbOrTx,
  campaign: CampaignRow,
  method?: ParMethod,
  minCell = 1,
): Promise<{ unit: UnitRef; result: SipasResult }[]> {
  return (await sipasResultsWithForms(db, campaign, await campaignSipasSettings(db, campaign, method), minCell)).results;
}

async function sipasResultsWithForms(
  db: DbOrTx,
  campaign: CampaignRow,
  settings: SipasCampaignSettings,
  minCell = 1,
  source: TallySource = 'live',
): Promise<{ results: { unit: UnitRef; result: SipasResult }[]; forms: Map<number, StoredForm> }> {
  const counts = await countSipasAnswers(db, campaign.id, { source });
  const forms = await storedForms(
    db,
    [...counts.values()].flatMap((m) => [...m.keys()]),
  );
  const units = await listUnits(db, campaignDay(campaign), counts.keys());
  const results = units.map((unit) => ({
    unit,
    result: belowMinCell(unitSipas(unit.code, counts.get(unit.id), forms, settings), minCell),
  }));
  return { results, forms };
}

type Label = { vi: string; en: string };

/** The label of each perception and expectation code, from the SIPAS forms (latest version first). */
function shareLabels(forms: Map<number, StoredForm>, kinds: readonly string[]): Map<string, Label> {
  const labels = new Map<string, Label>();
  const latestFirst = [...forms.values()]
    .filter((f) => kinds.includes(f.definition.kind))
    .sort((a, b) => b.version - a.version || b.id - a.id);
  for (const f of latestFirst) {
    const { perception = [], expectations = [] } = f.definition.scoring;
    for (const item of [...perception, ...expectations]) if (!labels.has(item.code)) labels.set(item.code, item.label);
  }
  return labels;
}

/**
 * The published SIPAS of every unit; breakdowns under `minCell` answers are withheld (issue 14). An
 * unfolded tail of more than `pendingMax` responses is left out and reported (pending-tail.ts).
 */
export async function campaignSipas(db: DbOrTx, campaignId: string, minCell: number, pendingMax: number): Promise<CampaignSipas> {
  const campaign = await getCampaign(db, campaignId);
  const settings = await campaignSipasSettings(db, campaign);
  const pending = await pendingTail(db, campaignId, pendingMax);
  const { results, forms } = await sipasResultsWithForms(db, campaign, settings, 1, tallySourceOf(pending));
  const published = results.map(({ unit, result }) => ({ unit, result, p: publishSipas(result, { minCell }) }));
  const shown = published.map(({ p }) => p.status === 'ok' && p.suppressed === null);
  const perception = publishShareLines(
    published.map(({ result }, i) => ({ shares: result.perception, shown: shown[i] ?? false })),
    minCell,
  );
  const expectations = publishShareLines(
    published.map(({ result }, i) => ({ shares: result.expectations, shown: shown[i] ?? false })),
    minCell,
  );
  const labels = shareLabels(forms, settings.sipasKinds);
  const labelOf = (code: string): Label => labels.get(code) ?? { vi: code, en: code };
  const units: SipasUnit[] = published.map(({ unit, p }, i) => {
    return {
      unitCode: unit.code,
      unitName: unit.name,
      group: unit.group,
      status: p.status,
      validForms: p.validForms,
      sipasPercent: p.sipasPercent,
      overallPercent: p.overallPercent,
      components: p.components,
      droppedComponents: p.droppedComponents,
      perception: perception.units[i] ?? [],
      expectations: rankPublished(expectations.units[i] ?? []),
      byForm: p.byForm,
      suppressed: p.suppressed,
    };
  });
  const overall = {
    validForms: results.reduce((a, r) => a + r.result.validForms, 0),
    perception: perception.overall.map((s) => ({ ...s, label: labelOf(s.code) })),
    expectations: rankPublished(expectations.overall).map((s) => ({ ...s, label: labelOf(s.code) })),
  };
  return { campaignId, minSample: settings.minSample, minCell, window: campaignWindow(campaign), pending, units, overall };
}
