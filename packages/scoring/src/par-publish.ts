/** The printed PAR table: every figure rounded half-up to 2 decimals, or the year's method's (ranks and bands as computed). */
import type { ParGroupSummary, ParTable, ParUnitResult } from './par.ts';
import { roundHalfUp, roundOrNull } from './round.ts';

function publishUnit(u: ParUnitResult, r: (x: number) => number): ParUnitResult {
  return {
    ...u,
    maxPoints: r(u.maxPoints),
    selfAssessment: r(u.selfAssessment),
    staffSurveyPoints: r(u.staffSurveyPoints),
    sipasPercent: r(u.sipasPercent),
    sipasPoints: r(u.sipasPoints),
    totalPoints: r(u.totalPoints),
    indexPercent: r(u.indexPercent),
  };
}

function publishGroup(g: ParGroupSummary, r: (x: number) => number): ParGroupSummary {
  return {
    group: g.group,
    units: g.units,
    meanIndexPercent: r(g.meanIndexPercent),
    bandCounts: { ...g.bandCounts },
    meanMaxPoints: r(g.meanMaxPoints),
    meanSelfAssessment: r(g.meanSelfAssessment),
    meanStaffSurveyPoints: r(g.meanStaffSurveyPoints),
    meanSipasPercent: r(g.meanSipasPercent),
    meanSipasPoints: r(g.meanSipasPoints),
    meanTotalPoints: r(g.meanTotalPoints),
  };
}

/** The same table with every number rounded half-up for output (the JSON contract of `cli par-index`). */
export function publishParTable(table: ParTable, decimals = 2): ParTable {
  const r = (x: number): number => roundHalfUp(x, decimals);
  return {
    units: table.units.map((u) => publishUnit(u, r)),
    groups: table.groups.map((g) => publishGroup(g, r)),
    overall: { units: table.overall.units, meanIndexPercent: roundOrNull(table.overall.meanIndexPercent, decimals) },
  };
}
