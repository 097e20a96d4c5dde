/**
 * SIPAS (citizen satisfaction) of one unit from answer counts. METHOD.md §2:
 * criterion rate = 100 × count(4|5) / count(1..5); component = pooled answers of its criteria across
 * every form that carries it (or the mean of its criteria, a setting);
 * answers); SIPAS = weighted mean of the components (or the overall question's rate).
 * Results keep full precision; `publishSipas` rounds them and applies small-cell suppression.
 */
import type { AnswerCounts } from './answers.ts';
import { ScoringInputError } from './errors.ts';
import type { ScoredForm, SipasComponentMap } from './form-map.ts';
import { likertTally, meanOfPresent, percentOrNull } from './likert.ts';
import { expectationShares, mergePerception, perceptionShares, type PerceptionShare } from './perception.ts';

export type ComponentMethod = 'mean_of_items' | 'pooled';
export type SipasMethod = 'mean_of_components' | 'overall_question';
export type SipasStatus = 'ok' | 'not_enough_data' | 'no_data';

export interface SipasSettings {
  componentMethod: ComponentMethod;
  sipasMethod: SipasMethod;
  /** Weight per component code; components not listed weigh 1. */
  componentWeights: Readonly<Record<string, number>>;
  /** Units with fewer valid forms are published as 'not_enough_data'. */
  minSample: number;
}

/**
 * METHOD.md, decisions after the first round: answers are pooled within each component across
 * forms (every answer weighs the same, whichever form carried it); `mean_of_items` stays a setting.
 */
export const defaultSipasSettings: SipasSettings = {
  componentMethod: 'pooled',
  sipasMethod: 'mean_of_components',
  componentWeights: {},
  minSample: 30,
};

export interface CriterionResult {
  code: string;
  /** Code of the form the criterion belongs to, when the form has one. */
  form?: string | undefined;
  satisfied: number;
  valid: number;
  ratePercent: number | null;
}

export interface ComponentResult {
  code: string;
  weight: number;
  ratePercent: number | null;
  /** True when none of its criteria had a valid answer; it is left out of SIPAS. */
  dropped: boolean;
  criteria: CriterionResult[];
}

/** One form's counts for the unit (several forms, e.g. 01 and 02, may feed one SIPAS). */
export interface SipasSource {
  form: ScoredForm;
  counts: AnswerCounts;
  /** Valid forms of this form alone (for its own figure's status); defaults to the unit's. */
  validForms?: number | undefined;
}

export interface SipasInput {
  /** Used in error messages only. */
  unitCode?: string;
  sources: readonly SipasSource[];
  /** Number of valid forms of the unit (responses in state `valid` inside the campaign window). */
  validForms: number;
}

/** The same computation on one form's answers alone, reported beside the combined figure. */
export interface FormSipas {
  form: string;
  status: SipasStatus;
  validForms: number;
  validAnswers: number;
  sipasPercent: number | null;
  components: Array<{ code: string; ratePercent: number | null }>;
}

export interface SipasResult {
  status: SipasStatus;
  validForms: number;
  sipasPercent: number | null;
  components: ComponentResult[];
  droppedComponents: string[];
  overall: CriterionResult | null;
  perception: PerceptionShare[];
  /** The expectation shares (e.g. "rất nhiều" per improvement item), in the form's order. */
  expectations: PerceptionShare[];
  /** Per-form figures (one entry per source form, in source order). */
  byForm: FormSipas[];
}

/** The rate of one criterion (question) from its answer counts. */
export function criterionRate(counts: AnswerCounts, questionId: string, form?: string): CriterionResult {
  const { satisfied, valid } = likertTally(counts, questionId);
  return { code: questionId, form, satisfied, valid, ratePercent: percentOrNull(satisfied, valid) };
}

/** A component's rate from its criteria: mean of the non-null criterion rates, or pooled answers. */
export function componentRate(criteria: readonly CriterionResult[], method: ComponentMethod): number | null {
  if (method === 'mean_of_items') return meanOfPresent(criteria.map((c) => c.ratePercent));
  const satisfied = criteria.reduce((a, c) => a + c.satisfied, 0);
  const valid = criteria.reduce((a, c) => a + c.valid, 0);
  return percentOrNull(satisfied, valid);
}

/** Weighted mean of the components that are not dropped; null when none remain. */
export function weightedSipas(components: readonly ComponentResult[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of components) {
    if (c.ratePercent === null) continue;
    sum += c.weight * c.ratePercent;
    weights += c.weight;
  }
  return weights > 0 ? sum / weights : null;
}

function collectCriteria(sources: readonly SipasSource[]): Map<string, CriterionResult[]> {
  const byComponent = new Map<string, CriterionResult[]>();
  for (const { form, counts } of sources) {
    const components: readonly SipasComponentMap[] = form.scoring.sipas?.components ?? [];
    for (const component of components) {
      const list = byComponent.get(component.code) ?? [];
      for (const q of component.criteria) list.push(criterionRate(counts, q, form.code));
      byComponent.set(component.code, list);
    }
  }
  return byComponent;
}

function overallRate(sources: readonly SipasSource[]): CriterionResult | null {
  const asked = sources.filter((s) => s.form.scoring.sipas?.overallQuestion);
  if (asked.length === 0) return null;
  const tallies = asked.map((s) => likertTally(s.counts, s.form.scoring.sipas?.overallQuestion ?? ''));
  const satisfied = tallies.reduce((a, t) => a + t.satisfied, 0);
  const valid = tallies.reduce((a, t) => a + t.valid, 0);
  const code = asked[0]?.form.scoring.sipas?.overallQuestion ?? '';
  return { code, satisfied, valid, ratePercent: percentOrNull(satisfied, valid) };
}

function checkInput(input: SipasInput, settings: SipasSettings): void {
  const unitCode = input.unitCode ?? '?';
  if (!Number.isInteger(input.validForms) || input.validForms < 0) {
    throw new ScoringInputError([{ unitCode, field: 'validForms', reason: 'negative' }]);
  }
  for (const [code, w] of Object.entries(settings.componentWeights)) {
    if (!Number.isFinite(w) || w < 0)
      throw new ScoringInputError([{ unitCode, field: `componentWeights.${code}`, reason: 'negative' }]);
  }
  if (settings.sipasMethod === 'overall_question' && !input.sources.some((s) => s.form.scoring.sipas?.overallQuestion)) {
    throw new ScoringInputError([{ unitCode, field: 'overallQuestion', reason: 'missing' }]);
  }
}

function checkCounts(input: SipasInput, components: readonly ComponentResult[]): void {
  for (const criterion of components.flatMap((c) => c.criteria)) {
    if (criterion.valid > input.validForms) {
      const issue = {
        unitCode: input.unitCode ?? '?',
        field: criterion.code,
        reason: 'inconsistent',
        limit: input.validForms,
      } as const;
      throw new ScoringInputError([issue]);
    }
  }
}

function statusOf(validForms: number, sipasPercent: number | null, minSample: number): SipasStatus {
  if (validForms === 0 || sipasPercent === null) return 'no_data';
  return validForms < minSample ? 'not_enough_data' : 'ok';
}

function componentsOf(sources: readonly SipasSource[], settings: SipasSettings): ComponentResult[] {
  return [...collectCriteria(sources)].map(([code, criteria]) => {
    const ratePercent = componentRate(criteria, settings.componentMethod);
    return { code, weight: settings.componentWeights[code] ?? 1, ratePercent, dropped: ratePercent === null, criteria };
  });
}

function formSipas(source: SipasSource, unitValidForms: number, settings: SipasSettings): FormSipas {
  const components = componentsOf([source], settings);
  const overall = overallRate([source]);
  const sipasPercent = settings.sipasMethod === 'overall_question' ? (overall?.ratePercent ?? null) : weightedSipas(components);
  const validForms = source.validForms ?? unitValidForms;
  return {
    form: source.form.code ?? '',
    status: statusOf(validForms, sipasPercent, settings.minSample),
    validForms,
    validAnswers: components.reduce((a, c) => a + c.criteria.reduce((b, x) => b + x.valid, 0), 0),
    sipasPercent,
    components: components.map((c) => ({ code: c.code, ratePercent: c.ratePercent })),
  };
}

/** SIPAS of one unit; throws `ScoringInputError` on negative counts/weights or a missing overall question. */
export function computeSipas(input: SipasInput, options: Partial<SipasSettings> = {}): SipasResult {
  const settings: SipasSettings = { ...defaultSipasSettings, ...options };
  checkInput(input, settings);
  const components = componentsOf(input.sources, settings);
  checkCounts(input, components);
  const overall = overallRate(input.sources);
  const sipasPercent = settings.sipasMethod === 'overall_question' ? (overall?.ratePercent ?? null) : weightedSipas(components);
  return {
    status: statusOf(input.validForms, sipasPercent, settings.minSample),
    validForms: input.validForms,
    sipasPercent,
    components,
    droppedComponents: components.filter((c) => c.dropped).map((c) => c.code),
    overall,
    perception: mergePerception(input.sources.map((s) => perceptionShares(s.counts, s.form))),
    expectations: mergePerception(input.sources.map((s) => expectationShares(s.counts, s.form))),
    byForm: input.sources.map((s) => formSipas(s, input.validForms, settings)),
  };
}

/**
 * The SIPAS of a whole year over every valid form of every unit, answers pooled within each
 * component (each answer weighs the same, whichever unit and form it came from), weighted like a
 * unit's. Not the mean of the units' SIPAS: the 2021 report's 94.06 % is this figure.
 */
export function pooledSipasOf(results: readonly SipasResult[]): number | null {
  const byCode = new Map<string, { weight: number; satisfied: number; valid: number }>();
  for (const r of results) {
    for (const c of r.components) {
      const entry = byCode.get(c.code) ?? { weight: c.weight, satisfied: 0, valid: 0 };
      for (const criterion of c.criteria) {
        entry.satisfied += criterion.satisfied;
        entry.valid += criterion.valid;
      }
      byCode.set(c.code, entry);
    }
  }
  const components = [...byCode].map(([code, e]) => ({
    code,
    weight: e.weight,
    ratePercent: percentOrNull(e.satisfied, e.valid),
    dropped: e.valid === 0,
    criteria: [],
  }));
  return weightedSipas(components);
}
