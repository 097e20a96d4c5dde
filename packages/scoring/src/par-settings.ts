/**
 * PAR Index configuration (METHOD.md §1): unit groups, SIPAS maximum per group, the staff-survey
 * maximum per group used to refuse impossible input, and the bands (xếp loại). Bands differ
 * between provinces, so they are data: the first rule whose threshold the index reaches wins.
 */
import { roundHalfUp } from './round.ts';

export const parGroups = ['department', 'public_service_unit', 'central_agency', 'district', 'commune'] as const;
export type ParGroup = (typeof parGroups)[number];

export function isParGroup(value: string): value is ParGroup {
  return (parGroups as readonly string[]).includes(value);
}

export interface BandRule {
  band: number;
  /** Lower bound of the band. */
  min: number;
  /** Whether `min` itself belongs to the band (≥) or not (>). */
  inclusive: boolean;
}

/** Sóc Trăng 2021: Nhóm 1 > 90; Nhóm 2 80–90 (90.00 is Nhóm 2); 3: 65–<80; 4: 50–<65; 5: <50. */
export const defaultBands: readonly BandRule[] = [
  { band: 1, min: 90, inclusive: false },
  { band: 2, min: 80, inclusive: true },
  { band: 3, min: 65, inclusive: true },
  { band: 4, min: 50, inclusive: true },
  { band: 5, min: Number.NEGATIVE_INFINITY, inclusive: true },
];

export interface ParSettings {
  /** SIPAS points at 100 % satisfaction, per group. */
  sipasMax: Readonly<Record<ParGroup, number>>;
  /** Staff-survey maximum (survey max − SIPAS max) per group; groups not listed are not checked. */
  staffSurveyMax: Readonly<Partial<Record<ParGroup, number>>>;
  /** Ordered from the best band down; the last rule should catch everything. */
  bands: readonly BandRule[];
  /** Decimals of the printed index that bands and ranks compare (2 unless the year's method says otherwise). */
  decimals?: number | undefined;
}

export const defaultParSettings: ParSettings = {
  sipasMax: { department: 15, public_service_unit: 15, central_agency: 16, district: 15, commune: 15 },
  // Survey maxima 37 / 38.5 / 46 / 38 minus the SIPAS share (METHOD.md §1); communes have no published figure.
  staffSurveyMax: { department: 22, public_service_unit: 23.5, central_agency: 30, district: 23 },
  bands: defaultBands,
};

/** The band of an index, compared on the index rounded half-up to 2 decimals (or `decimals`). */
export function bandOf(indexPercent: number, bands: readonly BandRule[] = defaultBands, decimals = 2): number {
  const printed = roundHalfUp(indexPercent, decimals);
  for (const rule of bands) {
    if (rule.inclusive ? printed >= rule.min : printed > rule.min) return rule.band;
  }
  const last = bands[bands.length - 1];
  if (!last) throw new RangeError('bandOf: no band rules');
  return last.band;
}

/** Settings as a caller gives them: any part may be left out (per-group maps key by key). */
export interface ParSettingsInput {
  sipasMax?: Partial<Record<ParGroup, number>>;
  staffSurveyMax?: Partial<Record<ParGroup, number>>;
  bands?: readonly BandRule[];
  decimals?: number | undefined;
}

/** Merges partial settings over the defaults (per-group maps are merged key by key). */
export function resolveParSettings(options: ParSettingsInput = {}): ParSettings {
  return {
    sipasMax: { ...defaultParSettings.sipasMax, ...options.sipasMax },
    staffSurveyMax: { ...defaultParSettings.staffSurveyMax, ...options.staffSurveyMax },
    bands: options.bands ?? defaultParSettings.bands,
    decimals: options.decimals ?? 2,
  };
}

/** SIPAS points = SIPAS% × sipasMax / 100 (15 points, or 16 for central agencies, by default). */
export function sipasPointsOf(sipasPercent: number, group: ParGroup, settings: ParSettings = defaultParSettings): number {
  return (sipasPercent * settings.sipasMax[group]) / 100;
}
