/**
 * The PAR Index table (METHOD.md §1): SIPAS points, total, index, band, rank within group, group
 * means and the overall mean. Full precision throughout; `publishParTable` rounds half-up to
 * 2 decimals for print. Ranks and bands use the index as printed, so equal printed indices share
 * a rank ("1, 2, 2, 4").
 */
import { ScoringInputError, type ScoringIssue } from './errors.ts';
import {
  bandOf,
  parGroups,
  resolveParSettings,
  sipasPointsOf,
  type ParGroup,
  type ParSettings,
  type ParSettingsInput,
} from './par-settings.ts';
import { findDuplicateUnits, validateParUnit, type ParUnitInput } from './par-validate.ts';
import { roundHalfUp } from './round.ts';

export interface ParUnitResult {
  unitCode: string;
  unitName: string;
  group: ParGroup;
  maxPoints: number;
  selfAssessment: number;
  staffSurveyPoints: number;
  sipasPercent: number;
  sipasPoints: number;
  totalPoints: number;
  indexPercent: number;
  band: number;
  rankInGroup: number;
}

export interface ParGroupSummary {
  group: ParGroup;
  units: number;
  meanMaxPoints: number;
  meanSelfAssessment: number;
  meanStaffSurveyPoints: number;
  meanSipasPercent: number;
  meanSipasPoints: number;
  meanTotalPoints: number;
  meanIndexPercent: number;
  /** Units per band, keyed by band number ("1" … "5"); every configured band is present. */
  bandCounts: Record<string, number>;
}

export interface ParTable {
  units: ParUnitResult[];
  groups: ParGroupSummary[];
  overall: { units: number; meanIndexPercent: number | null };
}

/** index% = total / adjusted max × 100. */
export function parIndexPercent(totalPoints: number, maxPoints: number): number {
  return (totalPoints / maxPoints) * 100;
}

/** Validates every unit and throws one `ScoringInputError` listing all issues. */
export function checkParUnits(units: readonly ParUnitInput[], settings: ParSettings): void {
  const issues: ScoringIssue[] = units.flatMap((u) => validateParUnit(u, settings));
  for (const { index } of findDuplicateUnits(units)) {
    issues.push({ unitCode: units[index]?.unitCode ?? '?', field: 'unitCode', reason: 'duplicate' });
  }
  if (issues.length > 0) throw new ScoringInputError(issues);
}

function scoreUnit(unit: ParUnitInput, settings: ParSettings): Omit<ParUnitResult, 'rankInGroup'> {
  const group = unit.group as ParGroup;
  const sipasPoints = sipasPointsOf(unit.sipasPercent, group, settings);
  const totalPoints = unit.selfAssessment + unit.staffSurveyPoints + sipasPoints;
  const indexPercent = parIndexPercent(totalPoints, unit.maxPoints);
  const { unitCode, unitName, maxPoints, selfAssessment, staffSurveyPoints, sipasPercent } = unit;
  return {
    unitCode,
    unitName,
    group,
    maxPoints,
    selfAssessment,
    staffSurveyPoints,
    sipasPercent,
    sipasPoints,
    totalPoints,
    indexPercent,
    band: bandOf(indexPercent, settings.bands, settings.decimals),
  };
}

/** Competition ranking on the printed index within each group: ties share a rank. */
function withRanks(scored: readonly Omit<ParUnitResult, 'rankInGroup'>[], decimals = 2): ParUnitResult[] {
  return scored.map((unit) => {
    const printed = roundHalfUp(unit.indexPercent, decimals);
    const better = scored.filter((o) => o.group === unit.group && roundHalfUp(o.indexPercent, decimals) > printed).length;
    return { ...unit, rankInGroup: better + 1 };
  });
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

function summarise(group: ParGroup, units: readonly ParUnitResult[], settings: ParSettings): ParGroupSummary {
  const bandCounts: Record<string, number> = Object.fromEntries(settings.bands.map((b) => [String(b.band), 0]));
  for (const u of units) bandCounts[String(u.band)] = (bandCounts[String(u.band)] ?? 0) + 1;
  return {
    group,
    units: units.length,
    meanMaxPoints: mean(units.map((u) => u.maxPoints)),
    meanSelfAssessment: mean(units.map((u) => u.selfAssessment)),
    meanStaffSurveyPoints: mean(units.map((u) => u.staffSurveyPoints)),
    meanSipasPercent: mean(units.map((u) => u.sipasPercent)),
    meanSipasPoints: mean(units.map((u) => u.sipasPoints)),
    meanTotalPoints: mean(units.map((u) => u.totalPoints)),
    meanIndexPercent: mean(units.map((u) => u.indexPercent)),
    bandCounts,
  };
}

/**
 * Scores the PAR table. Units keep their input order; groups follow `parGroups` order and only
 * groups with units appear. Throws `ScoringInputError` naming every bad unit and field.
 */
export function computeParTable(units: readonly ParUnitInput[], options: ParSettingsInput = {}): ParTable {
  const settings = resolveParSettings(options);
  checkParUnits(units, settings);
  const results = withRanks(
    units.map((u) => scoreUnit(u, settings)),
    settings.decimals,
  );
  const groups = parGroups
    .map((g) => results.filter((u) => u.group === g))
    .filter((members) => members.length > 0)
    .map((members) => summarise(members[0]?.group ?? 'department', members, settings));
  return {
    units: results,
    groups,
    overall: { units: results.length, meanIndexPercent: results.length > 0 ? mean(results.map((u) => u.indexPercent)) : null },
  };
}
