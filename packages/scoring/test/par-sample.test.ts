/** The six published 2021 rows (test/fixtures/par-2021-sample.csv, a copy of the published sample) and METHOD.md §1 examples. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeParTable, publishParTable, roundHalfUp, type ParUnitInput } from '../src/index.ts';

const samplePath = new URL('../../../test/fixtures/par-2021-sample.csv', import.meta.url);

interface SampleRow extends ParUnitInput {
  published: { sipasPoints: number; totalPoints: number; indexPercent: number; band: number };
}

function readSample(): SampleRow[] {
  const [header = '', ...lines] = readFileSync(samplePath, 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  return lines.map((line) => {
    const cells = Object.fromEntries(line.split(',').map((v, i) => [cols[i], v]));
    const n = (k: string): number => Number(cells[k]);
    return {
      unitCode: String(cells.unit_code),
      unitName: String(cells.unit_name),
      group: String(cells.group),
      maxPoints: n('max_points'),
      selfAssessment: n('self_assessment'),
      staffSurveyPoints: n('staff_survey_points'),
      sipasPercent: n('sipas_percent'),
      published: {
        sipasPoints: n('sipas_points'),
        totalPoints: n('total_points'),
        indexPercent: n('par_index_percent'),
        band: n('band'),
      },
    };
  });
}

const sample = readSample();
const table = publishParTable(computeParTable(sample));

describe('PAR Index on the published 2021 sample', () => {
  it('reads all six rows', () => expect(sample).toHaveLength(6));

  for (const row of sample) {
    it(`${row.unitCode} ${row.unitName}: SIPAS points exact, total and index within 0.01, band exact`, () => {
      const unit = table.units.find((u) => u.unitCode === row.unitCode);
      expect(unit?.sipasPoints).toBe(row.published.sipasPoints);
      expect(Math.abs((unit?.totalPoints ?? 0) - row.published.totalPoints)).toBeLessThanOrEqual(0.0100001);
      expect(Math.abs((unit?.indexPercent ?? 0) - row.published.indexPercent)).toBeLessThanOrEqual(0.0100001);
      expect(unit?.band).toBe(row.published.band);
    });
  }

  it('prints Sở Xây dựng as 14.91 + 48.00 + 19.18 = 82.09 points, 87.33 %, Nhóm 2', () => {
    expect(table.units.find((u) => u.unitCode === 'ST16')).toMatchObject({
      sipasPoints: 14.91,
      totalPoints: 82.09,
      indexPercent: 87.33,
      band: 2,
      rankInGroup: 1,
    });
  });

  it('gives Công an tỉnh (central agency, SIPAS × 16) 15.68 points, 91.32 / 101.00 = 90.42 %, Nhóm 1', () => {
    expect(table.units.find((u) => u.unitCode === 'ST25')).toMatchObject({
      sipasPoints: 15.68,
      totalPoints: 91.32,
      indexPercent: 90.42,
      band: 1,
      rankInGroup: 1,
    });
  });

  it('ranks within each group and summarises the groups in report order', () => {
    expect(table.units.filter((u) => u.group === 'district').map((u) => [u.unitCode, u.rankInGroup])).toEqual([
      ['ST36', 1],
      ['ST34', 2],
    ]);
    expect(table.groups.map((g) => g.group)).toEqual(['department', 'public_service_unit', 'central_agency', 'district']);
    const departments = table.groups[0];
    expect(departments).toMatchObject({ units: 2, bandCounts: { 1: 0, 2: 2, 3: 0, 4: 0, 5: 0 } });
    expect(departments?.meanIndexPercent).toBe(roundHalfUp((82.09 / 94 + 72.9395 / 89) * 50, 2));
    expect(departments?.meanMaxPoints).toBe(91.5);
    expect(table.overall.units).toBe(6);
  });

  it('reproduces Sở Tài chính 2020 (max 100 lowered by 9.5 → 90.5; 71.33 points) as 78.81 % within 0.01', () => {
    // 71.33 / 90.5 = 78.8177: the published 78.81 came from the unrounded total (METHOD.md §1, rounding).
    const [unit] = publishParTable(
      computeParTable([
        {
          unitCode: 'ST11',
          unitName: 'Sở Tài chính',
          group: 'department',
          maxPoints: 100 - 9.5,
          selfAssessment: 71.33,
          staffSurveyPoints: 0,
          sipasPercent: 0,
        },
      ]),
    ).units;
    expect(Math.abs((unit?.indexPercent ?? 0) - 78.81)).toBeLessThanOrEqual(0.0100001);
    expect(unit?.band).toBe(3);
  });
});
