/**
 * Refuses PAR input that cannot be right: non-numbers, negatives, a SIPAS percentage above 100,
 * points above their maximum, an unknown group, a unit code used twice. Returns every issue so an
 * import can list all bad rows at once.
 */
import type { ScoringIssue } from './errors.ts';
import { isParGroup, sipasPointsOf, type ParSettings } from './par-settings.ts';
import { roundHalfUp } from './round.ts';

/** One unit's row of the PAR table, as imported (points already appraised elsewhere). */
export interface ParUnitInput {
  unitCode: string;
  unitName: string;
  /** One of `parGroups`; checked. */
  group: string;
  /** Adjusted max (điểm chuẩn sau hạ chuẩn). */
  maxPoints: number;
  selfAssessment: number;
  staffSurveyPoints: number;
  sipasPercent: number;
}

const numericFields = ['maxPoints', 'selfAssessment', 'staffSurveyPoints', 'sipasPercent'] as const;

function numberIssues(unit: ParUnitInput): ScoringIssue[] {
  const issues: ScoringIssue[] = [];
  for (const field of numericFields) {
    const value = unit[field];
    if (!Number.isFinite(value)) issues.push({ unitCode: unit.unitCode, field, reason: 'not_finite' });
    else if (field === 'maxPoints' && value <= 0) issues.push({ unitCode: unit.unitCode, field, reason: 'not_positive' });
    else if (value < 0) issues.push({ unitCode: unit.unitCode, field, reason: 'negative' });
  }
  return issues;
}

function limitIssues(unit: ParUnitInput, settings: ParSettings): ScoringIssue[] {
  const issues: ScoringIssue[] = [];
  const { unitCode } = unit;
  if (unit.sipasPercent > 100) issues.push({ unitCode, field: 'sipasPercent', reason: 'above_100', limit: 100 });
  if (unit.selfAssessment > unit.maxPoints)
    issues.push({ unitCode, field: 'selfAssessment', reason: 'above_max', limit: unit.maxPoints });
  const staffMax = isParGroup(unit.group) ? settings.staffSurveyMax[unit.group] : undefined;
  if (staffMax !== undefined && unit.staffSurveyPoints > staffMax) {
    issues.push({ unitCode, field: 'staffSurveyPoints', reason: 'above_max', limit: staffMax });
  }
  return issues;
}

function totalIssue(unit: ParUnitInput, settings: ParSettings): ScoringIssue[] {
  if (!isParGroup(unit.group) || settings.sipasMax[unit.group] === undefined) return [];
  const total = unit.selfAssessment + unit.staffSurveyPoints + sipasPointsOf(unit.sipasPercent, unit.group, settings);
  // Printed inputs may add up to a hair above the max; accept that only while the printed
  // total and the printed index stay within the max (found by a property test: 50.0025 / 50).
  const printedIndex = roundHalfUp((total / unit.maxPoints) * 100, 2);
  if (roundHalfUp(total, 2) <= roundHalfUp(unit.maxPoints, 2) && printedIndex <= 100) return [];
  return [{ unitCode: unit.unitCode, field: 'totalPoints', reason: 'above_max', limit: unit.maxPoints }];
}

/** Every problem with one unit's row (empty when the row is usable). */
export function validateParUnit(unit: ParUnitInput, settings: ParSettings): ScoringIssue[] {
  const issues: ScoringIssue[] = [];
  if (unit.unitCode.trim() === '') issues.push({ unitCode: unit.unitCode, field: 'unitCode', reason: 'missing' });
  if (!isParGroup(unit.group) || settings.sipasMax[unit.group] === undefined)
    issues.push({ unitCode: unit.unitCode, field: 'group', reason: 'unknown_group' });
  const numbers = numberIssues(unit);
  if (numbers.length > 0) return [...issues, ...numbers];
  const limits = limitIssues(unit, settings);
  return limits.length > 0 ? [...issues, ...limits] : [...issues, ...totalIssue(unit, settings)];
}

/** Positions of rows whose unit code was already used, with the position of its first use. */
export function findDuplicateUnits(units: readonly ParUnitInput[]): { index: number; firstIndex: number }[] {
  const first = new Map<string, number>();
  const repeats: { index: number; firstIndex: number }[] = [];
  units.forEach((unit, index) => {
    const firstIndex = first.get(unit.unitCode);
    if (firstIndex === undefined) first.set(unit.unitCode, index);
    else repeats.push({ index, firstIndex });
  });
  return repeats;
}
