/**
 * The PAR method of one year (docs/0012): per unit group the maxima of self-assessment, staff
 * survey and SIPAS; SIPAS component weights and how forms are combined; the staff item bank with
 * each item's maximum by group; the bands; rounding. Pure data plus its rules: `checkParMethod`
 * lists every problem with a field path, the `*Of` helpers turn a method into the settings the
 * scoring functions take.
 */
import type { ParGroup, ParSettings } from './par-settings.ts';
import type { ComponentMethod, SipasMethod, SipasSettings } from './sipas.ts';
import type { TemplateMethod } from './staff.ts';

export interface ParGroupMaxima {
  selfAssessmentMax: number;
  staffSurveyMax: number;
  sipasMax: number;
}

export interface ParMethodBand {
  band: number;
  /** Lower bound of the band (0–100). */
  min: number;
  /** Whether `min` itself belongs to the band (≥) or not (>). */
  inclusive: boolean;
}

export interface StaffItemMaxima {
  /** PAR sub-criterion code (the staff question id of the item bank). */
  code: string;
  /** Maximum points per group; a group not listed does not score this item. */
  maxPoints: Partial<Record<ParGroup, number>>;
}

export interface ParMethod {
  groups: Partial<Record<ParGroup, ParGroupMaxima>>;
  sipas: {
    /** Weight per component code; components not listed weigh 1. */
    componentWeights: Record<string, number>;
    /** How forms 01 and 02 (and the criteria of a component) are combined. */
    componentMethod: ComponentMethod;
    sipasMethod: SipasMethod;
    minSample: number;
  };
  staff: {
    templateMethod: TemplateMethod;
    items: StaffItemMaxima[];
  };
  /** Ordered from the best band down; the last one starts at 0 inclusive. */
  bands: ParMethodBand[];
  rounding: { decimals: number; mode: 'half_up' };
}

export interface ParMethodIssue {
  /** Path of the field, e.g. `staff.items` or `bands.2.min`. */
  field: string;
  reason:
    | 'sum_mismatch'
    | 'not_positive'
    | 'negative'
    | 'duplicate'
    | 'gap'
    | 'not_descending'
    | 'out_of_range'
    | 'unknown_group'
    | 'missing';
  /** What the rule expected (e.g. the group's staff maximum), when there is one number. */
  expected?: number;
  actual?: number;
}

/** Sums of item maxima are compared to the group maximum within this tolerance (floating point). */
const SUM_TOLERANCE = 1e-9;

/**
 * Sóc Trăng 2021 (METHOD.md §1, §3 and the decisions after the first round). The staff maxima per
 * group are those the 2021 templates can reach: departments (T1, T2, T3) and districts (T1, T4, T5)
 * with the item bank's maxima (1.0, unit-internal items 0.5) give 22 and 23; public service units
 * and central agencies are rated by T6 alone (15 items), so its items weigh more there: 13 × 1.5 +
 * 2 × 2 = 23.5 and 12 × 2 + 2 × 3 = 30 (the public-service-unit autonomy item does not apply to
 * central agencies).
 */
export const parMethod2021: ParMethod = {
  groups: {
    department: { selfAssessmentMax: 63, staffSurveyMax: 22, sipasMax: 15 },
    district: { selfAssessmentMax: 62, staffSurveyMax: 23, sipasMax: 15 },
    public_service_unit: { selfAssessmentMax: 61.5, staffSurveyMax: 23.5, sipasMax: 15 },
    central_agency: { selfAssessmentMax: 54, staffSurveyMax: 30, sipasMax: 16 },
  },
  sipas: {
    componentWeights: { TC: 1, TT: 1, CC: 1, KQ: 1, PA: 1 },
    componentMethod: 'pooled',
    sipasMethod: 'mean_of_components',
    minSample: 30,
  },
  staff: { templateMethod: 'pooled', items: staffItems2021() },
  bands: [
    { band: 1, min: 90, inclusive: false },
    { band: 2, min: 80, inclusive: true },
    { band: 3, min: 65, inclusive: true },
    { band: 4, min: 50, inclusive: true },
    { band: 5, min: 0, inclusive: true },
  ],
  rounding: { decimals: 2, mode: 'half_up' },
};

function staffItems2021(): StaffItemMaxima[] {
  const provincial: [string, Partial<Record<ParGroup, number>>][] = [
    ['LD_CONSISTENCY', { department: 1, district: 1 }],
    ['LD_REASONABLENESS', { department: 1, district: 1 }],
    ['LD_FEASIBILITY', { department: 1, district: 1 }],
    ['LD_TIMELY_HANDLING', { department: 1, district: 1 }],
    ['ORG_STRUCTURE', { department: 1, district: 1, public_service_unit: 1.5, central_agency: 2 }],
    ['ORG_FUNCTIONS', { department: 1, district: 1, public_service_unit: 1.5, central_agency: 2 }],
    ['ORG_WORKING_RULES', { department: 1, district: 1, public_service_unit: 1.5, central_agency: 2 }],
    ['ORG_DECENTRALISATION', { district: 1 }],
    ['CS_RECRUIT_TRANSPARENT', { department: 1, district: 1, public_service_unit: 1.5, central_agency: 2 }],
    ['CS_RECRUIT_INTEGRITY', { department: 1, district: 1, public_service_unit: 1.5, central_agency: 2 }],
    ['CS_APPOINT_TRANSPARENT', { department: 1, district: 1, public_service_unit: 1.5, central_agency: 2 }],
    ['CS_APPOINT_INTEGRITY', { department: 1, district: 1, public_service_unit: 1.5, central_agency: 2 }],
    ['CS_TRAINING_QUALITY', { department: 1, district: 1, public_service_unit: 1.5, central_agency: 2 }],
    ['CS_STAFF_COMPETENCE', { department: 1, district: 1 }],
    ['CS_STAFF_RESPONSIBILITY', { department: 1, district: 1 }],
    ['CS_NO_ABUSE', { department: 1, district: 1, public_service_unit: 1.5, central_agency: 2 }],
    ['CS_TALENT_ATTRACTION', { department: 1, district: 1 }],
    ['PF_ADMIN_FUNDS_AUTONOMY', { department: 1, district: 1 }],
    ['PF_THRIFT', { department: 1, district: 1, public_service_unit: 1.5, central_agency: 2 }],
    ['PF_PUBLIC_ASSETS', { department: 1, district: 1, public_service_unit: 1.5, central_agency: 2 }],
    ['PF_PSU_AUTONOMY', { public_service_unit: 1.5 }],
    ['EG_PORTAL_QUALITY', { department: 1, district: 1, public_service_unit: 1.5, central_agency: 2 }],
    ['UI_LEADER_ATTENTION', { department: 0.5, district: 0.5, public_service_unit: 2, central_agency: 3 }],
    ['UI_PAR_OFFICER', { department: 0.5, district: 0.5 }],
    ['UI_RULES_FOLLOWED', { department: 0.5, district: 0.5 }],
    ['UI_FAIR_ASSIGNMENT', { department: 0.5, district: 0.5 }],
    ['UI_REWARDS_BENEFITS', { public_service_unit: 2, central_agency: 3 }],
  ];
  return provincial.map(([code, maxPoints]) => ({ code, maxPoints }));
}

/** A deep copy (a new year starts as a copy of the previous one). */
export function copyParMethod(method: ParMethod): ParMethod {
  return structuredClone(method);
}

/** Σ of the items' maxima for one group. */
export function staffItemsSum(method: ParMethod, group: ParGroup): number {
  return method.staff.items.reduce((a, item) => a + (item.maxPoints[group] ?? 0), 0);
}

function positive(field: string, value: number): ParMethodIssue[] {
  return Number.isFinite(value) && value > 0 ? [] : [{ field, reason: 'not_positive', actual: value }];
}

function groupIssues(method: ParMethod): ParMethodIssue[] {
  const issues: ParMethodIssue[] = [];
  const groups = Object.entries(method.groups) as [ParGroup, ParGroupMaxima][];
  if (groups.length === 0) issues.push({ field: 'groups', reason: 'missing' });
  for (const [group, m] of groups) {
    issues.push(...positive(`groups.${group}.selfAssessmentMax`, m.selfAssessmentMax));
    issues.push(...positive(`groups.${group}.staffSurveyMax`, m.staffSurveyMax));
    issues.push(...positive(`groups.${group}.sipasMax`, m.sipasMax));
    const sum = staffItemsSum(method, group);
    if (Math.abs(sum - m.staffSurveyMax) > SUM_TOLERANCE) {
      issues.push({ field: `groups.${group}.staffSurveyMax`, reason: 'sum_mismatch', expected: m.staffSurveyMax, actual: sum });
    }
  }
  return issues;
}

function itemIssues(method: ParMethod): ParMethodIssue[] {
  const issues: ParMethodIssue[] = [];
  const seen = new Set<string>();
  method.staff.items.forEach((item, i) => {
    if (seen.has(item.code)) issues.push({ field: `staff.items.${i}.code`, reason: 'duplicate' });
    seen.add(item.code);
    for (const [group, max] of Object.entries(item.maxPoints)) {
      if (!(group in method.groups)) issues.push({ field: `staff.items.${i}.maxPoints.${group}`, reason: 'unknown_group' });
      issues.push(...positive(`staff.items.${i}.maxPoints.${group}`, max ?? Number.NaN));
    }
  });
  return issues;
}

function sipasIssues(method: ParMethod): ParMethodIssue[] {
  const issues = Object.entries(method.sipas.componentWeights).flatMap(([code, w]) =>
    positive(`sipas.componentWeights.${code}`, w),
  );
  if (!Number.isInteger(method.sipas.minSample) || method.sipas.minSample < 1) {
    issues.push({ field: 'sipas.minSample', reason: 'not_positive', actual: method.sipas.minSample });
  }
  return issues;
}

/** Bands must cover 0–100 without gaps: lower bounds inside 0–100, strictly descending, the last at 0 inclusive. */
function bandIssues(bands: readonly ParMethodBand[]): ParMethodIssue[] {
  const issues: ParMethodIssue[] = [];
  if (bands.length === 0) return [{ field: 'bands', reason: 'missing' }];
  const numbers = new Set<number>();
  bands.forEach((b, i) => {
    if (numbers.has(b.band)) issues.push({ field: `bands.${i}.band`, reason: 'duplicate', actual: b.band });
    numbers.add(b.band);
    if (!(b.min >= 0 && b.min < 100)) issues.push({ field: `bands.${i}.min`, reason: 'out_of_range', actual: b.min });
    const previous = bands[i - 1];
    if (previous && !(b.min < previous.min))
      issues.push({ field: `bands.${i}.min`, reason: 'not_descending', expected: previous.min, actual: b.min });
  });
  const last = bands[bands.length - 1];
  if (last && !(last.min === 0 && last.inclusive))
    issues.push({ field: `bands.${bands.length - 1}.min`, reason: 'gap', expected: 0, actual: last.min });
  return issues;
}

/** Every problem with a method (empty when it can be saved). */
export function checkParMethod(method: ParMethod): ParMethodIssue[] {
  const rounding: ParMethodIssue[] =
    Number.isInteger(method.rounding.decimals) && method.rounding.decimals >= 0 && method.rounding.decimals <= 4
      ? []
      : [{ field: 'rounding.decimals', reason: 'out_of_range', actual: method.rounding.decimals }];
  return [...groupIssues(method), ...itemIssues(method), ...sipasIssues(method), ...bandIssues(method.bands), ...rounding];
}

/** The PAR table settings of a method (SIPAS and staff maxima per group, bands). */
export function parSettingsOf(method: ParMethod): ParSettings & { groups: readonly ParGroup[] } {
  const groups = Object.keys(method.groups) as ParGroup[];
  const pick = (key: keyof ParGroupMaxima) => Object.fromEntries(groups.map((g) => [g, method.groups[g]?.[key] ?? 0]));
  return {
    groups,
    sipasMax: pick('sipasMax') as Record<ParGroup, number>,
    staffSurveyMax: pick('staffSurveyMax'),
    bands: method.bands,
  };
}

/** The SIPAS settings of a method. */
export function sipasSettingsOfMethod(method: ParMethod): SipasSettings {
  const { componentWeights, componentMethod, sipasMethod, minSample } = method.sipas;
  return { componentWeights: { ...componentWeights }, componentMethod, sipasMethod, minSample };
}

/** Each staff item's maximum for one group (items the group does not score are left out). */
export function staffMaximaOf(method: ParMethod, group: ParGroup): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of method.staff.items) {
    const max = item.maxPoints[group];
    if (max !== undefined) out.set(item.code, max);
  }
  return out;
}
