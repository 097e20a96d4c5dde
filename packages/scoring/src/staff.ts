/**
 * Staff-survey points of one unit (METHOD.md §3). Each question feeds one PAR sub-criterion with a
 * maximum; answer options weigh a percentage (A 100, B 60, C 20, D 0; E "không đánh giá được" has
 * no weight and is excluded): points_j = max_j × Σ weight/100 / nValid_j. When several templates
 * ask the same sub-criterion the answers are pooled (default) or the per-template points averaged.
 */
import type { AnswerCounts } from './answers.ts';
import { ScoringInputError, type ScoringIssue } from './errors.ts';
import type { ParScoringMap, ParSubCriterionMap, ScoredForm } from './form-map.ts';
import { meanOfPresent } from './likert.ts';

export type TemplateMethod = 'pooled' | 'mean_of_templates';

/** One template's counts of answers about the unit. */
export interface StaffSource {
  form: ScoredForm;
  counts: AnswerCounts;
}

export interface StaffTemplateTally {
  form?: string | undefined;
  validAnswers: number;
  /** Σ weight / 100 over the valid answers. */
  weightSum: number;
  points: number | null;
}

export interface StaffSubCriterionResult {
  code: string;
  maxPoints: number;
  validAnswers: number;
  /** Null when no template had a valid answer. */
  points: number | null;
  templates: StaffTemplateTally[];
}

export interface StaffResult {
  /** Σ points over the sub-criteria that have answers. */
  points: number;
  /** Σ maxPoints over all sub-criteria asked. */
  maxPoints: number;
  subCriteria: StaffSubCriterionResult[];
  /** Sub-criteria without any valid answer. */
  missing: string[];
}

export interface StaffSettings {
  templateMethod: TemplateMethod;
  /**
   * The year's maximum per sub-criterion for the rated unit's group (`staffMaximaOf`). When given,
   * exactly these sub-criteria are scored, with these maxima: a template's own maxima are ignored,
   * a sub-criterion the group does not score is left out, and one no template asked is missing.
   */
  maxima?: ReadonlyMap<string, number> | undefined;
}

/** Valid answers and their weight sum for one sub-criterion in one template. */
export function staffTally(
  counts: AnswerCounts,
  par: ParScoringMap,
  sub: ParSubCriterionMap,
): { validAnswers: number; weightSum: number } {
  let validAnswers = 0;
  let weightSum = 0;
  for (const questionId of sub.questions) {
    for (const [key, n] of counts.get(questionId) ?? []) {
      const weight = par.optionWeights[key];
      if (weight === undefined) continue;
      validAnswers += n;
      weightSum += (n * weight) / 100;
    }
  }
  return { validAnswers, weightSum };
}

function checkMap(par: ParScoringMap, form: string): ScoringIssue[] {
  const issues: ScoringIssue[] = [];
  for (const [option, w] of Object.entries(par.optionWeights)) {
    if (!Number.isFinite(w) || w < 0) issues.push({ unitCode: form, field: `optionWeights.${option}`, reason: 'negative' });
    else if (w > 100) issues.push({ unitCode: form, field: `optionWeights.${option}`, reason: 'above_100' });
  }
  for (const sub of par.subCriteria) {
    if (!(sub.maxPoints > 0)) issues.push({ unitCode: form, field: `${sub.code}.maxPoints`, reason: 'not_positive' });
  }
  return issues;
}

function tallyAll(
  sources: readonly StaffSource[],
  maxima: ReadonlyMap<string, number> | undefined,
): Map<string, StaffSubCriterionResult> {
  const bySub = new Map<string, StaffSubCriterionResult>();
  for (const [code, maxPoints] of maxima ?? [])
    bySub.set(code, { code, maxPoints, validAnswers: 0, points: null, templates: [] });
  const issues: ScoringIssue[] = [];
  for (const { form, counts } of sources) {
    const par = form.scoring.par;
    if (!par) continue;
    issues.push(...checkMap(par, form.code ?? '?'));
    for (const sub of par.subCriteria) {
      const maxPoints = maxima ? maxima.get(sub.code) : sub.maxPoints;
      if (maxPoints === undefined) continue;
      const { validAnswers, weightSum } = staffTally(counts, par, sub);
      const points = validAnswers > 0 ? (maxPoints * weightSum) / validAnswers : null;
      const entry = bySub.get(sub.code) ?? { code: sub.code, maxPoints, validAnswers: 0, points: null, templates: [] };
      if (entry.maxPoints !== maxPoints)
        issues.push({
          unitCode: form.code ?? '?',
          field: `${sub.code}.maxPoints`,
          reason: 'inconsistent',
          limit: entry.maxPoints,
        });
      entry.validAnswers += validAnswers;
      entry.templates.push({ form: form.code, validAnswers, weightSum, points });
      bySub.set(sub.code, entry);
    }
  }
  if (issues.length > 0) throw new ScoringInputError(issues);
  return bySub;
}

function subPoints(entry: StaffSubCriterionResult, method: TemplateMethod): number | null {
  if (method === 'mean_of_templates') return meanOfPresent(entry.templates.map((t) => t.points));
  if (entry.validAnswers === 0) return null;
  const weightSum = entry.templates.reduce((a, t) => a + t.weightSum, 0);
  return (entry.maxPoints * weightSum) / entry.validAnswers;
}

/** Staff-survey points of a unit from the counts of every template that rated it. */
export function computeStaffPoints(sources: readonly StaffSource[], options: Partial<StaffSettings> = {}): StaffResult {
  const method = options.templateMethod ?? 'pooled';
  const subCriteria = [...tallyAll(sources, options.maxima).values()].map((entry) => ({
    ...entry,
    points: subPoints(entry, method),
  }));
  return {
    points: subCriteria.reduce((a, s) => a + (s.points ?? 0), 0),
    maxPoints: subCriteria.reduce((a, s) => a + s.maxPoints, 0),
    subCriteria,
    missing: subCriteria.filter((s) => s.points === null).map((s) => s.code),
  };
}
