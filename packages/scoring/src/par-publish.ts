/** The printed PAR table: every figure rounded half-up to 2 decimals (ranks and bands as computed). */
import type { ParGroupSummary, ParTable, ParUnitResult } from './par.ts';
import { roundHalfUp, roundOrNull } from './round.ts';

const r = (x: number): number => roundHalfUp(x, 2);

function publishUnit(u: ParUnitResult): ParUnitResult {
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

function publishGroup(g: ParGroupSummary): ParGroupSummary {
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

/** The same table with every number rounded for output (the JSON contract of `cli par-index`). */
export function publishParTable(table: ParTable): ParTable {
  return {
    units: table.units.map(publishUnit),
    groups: table.groups.map(publishGroup),
    overall: { units: table.overall.units, meanIndexPercent: roundOrNull(table.overall.meanIndexPercent) },
  };
}
