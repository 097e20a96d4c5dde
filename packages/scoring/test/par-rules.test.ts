import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  bandOf,
  computeParTable,
  defaultBands,
  parGroups,
  publishParTable,
  ScoringInputError,
  type ParUnitInput,
} from '../src/index.ts';

const unit = (overrides: Partial<ParUnitInput> = {}): ParUnitInput => ({
  unitCode: 'U1',
  unitName: 'Đơn vị 1',
  group: 'department',
  maxPoints: 100,
  selfAssessment: 50,
  staffSurveyPoints: 15,
  sipasPercent: 90,
  ...overrides,
});

function issuesOf(units: ParUnitInput[]): string[] {
  try {
    computeParTable(units);
  } catch (e) {
    if (e instanceof ScoringInputError) return e.issues.map((i) => `${i.unitCode}.${i.field}:${i.reason}`);
    throw e;
  }
  return [];
}

describe('PAR bands (Sóc Trăng 2021)', () => {
  it('puts 90.00 in Nhóm 2 and 90.01 in Nhóm 1, comparing the index as printed', () => {
    expect(bandOf(90)).toBe(2);
    expect(bandOf(90.004)).toBe(2);
    expect(bandOf(90.005)).toBe(1);
    expect(bandOf(80)).toBe(2);
    expect(bandOf(79.995)).toBe(2);
    expect(bandOf(79.99)).toBe(3);
    expect(bandOf(65)).toBe(3);
    expect(bandOf(64.99)).toBe(4);
    expect(bandOf(50)).toBe(4);
    expect(bandOf(49.99)).toBe(5);
    expect(bandOf(0)).toBe(5);
  });

  it('takes other provinces’ bands as configuration', () => {
    const namDinh = [
      { band: 1, min: 90, inclusive: true },
      { band: 2, min: 80, inclusive: true },
      { band: 3, min: -Infinity, inclusive: true },
    ];
    expect(bandOf(90, namDinh)).toBe(1);
    const [u] = computeParTable([unit({ selfAssessment: 75, staffSurveyPoints: 0, sipasPercent: 100 })], {
      bands: namDinh,
    }).units;
    expect(u?.band).toBe(1);
  });

  test.prop([fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })])(
    'a higher index never gets a worse band',
    (a, b) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      expect(bandOf(high)).toBeLessThanOrEqual(bandOf(low));
      expect(defaultBands.map((r) => r.band)).toContain(bandOf(low));
    },
  );
});

describe('PAR table', () => {
  it('gives tied indices the same rank and skips the next one', () => {
    const t = computeParTable([
      unit({ unitCode: 'A', selfAssessment: 60 }),
      unit({ unitCode: 'B', selfAssessment: 50 }),
      unit({ unitCode: 'C', selfAssessment: 60 }),
      unit({ unitCode: 'D', selfAssessment: 40, group: 'district' }),
    ]);
    expect(t.units.map((u) => u.rankInGroup)).toEqual([1, 3, 1, 1]);
  });

  it('uses 15 SIPAS points for communes by default and accepts another maximum per group', () => {
    expect(computeParTable([unit({ group: 'commune', sipasPercent: 100 })]).units[0]?.sipasPoints).toBe(15);
    expect(computeParTable([unit({ sipasPercent: 100 })], { sipasMax: { department: 20 } }).units[0]?.sipasPoints).toBe(20);
  });

  it('has an empty summary for an empty table rather than NaN', () => {
    expect(computeParTable([])).toEqual({ units: [], groups: [], overall: { units: 0, meanIndexPercent: null } });
  });

  it('refuses impossible rows, naming the unit and field', () => {
    expect(issuesOf([unit({ selfAssessment: -1 })])).toEqual(['U1.selfAssessment:negative']);
    expect(issuesOf([unit({ sipasPercent: 100.5 })])).toEqual(['U1.sipasPercent:above_100']);
    expect(issuesOf([unit({ group: 'ministry' })])).toEqual(['U1.group:unknown_group']);
    expect(issuesOf([unit({ staffSurveyPoints: 22.5 })])).toEqual(['U1.staffSurveyPoints:above_max']);
    expect(issuesOf([unit({ maxPoints: 70, selfAssessment: 60 })])).toEqual(['U1.totalPoints:above_max']);
    expect(issuesOf([unit({ maxPoints: 0 })])).toContain('U1.maxPoints:not_positive');
    expect(issuesOf([unit({ selfAssessment: Number.NaN })])).toEqual(['U1.selfAssessment:not_finite']);
    expect(issuesOf([unit(), unit()])).toEqual(['U1.unitCode:duplicate']);
    // fast-check seed -556931467: 13.01 + 22 + 14.9925 = 50.0025 prints as 50.00 but as 100.01 %.
    expect(issuesOf([unit({ maxPoints: 50, selfAssessment: 13.01, staffSurveyPoints: 22, sipasPercent: 99.95 })])).toEqual([
      'U1.totalPoints:above_max',
    ]);
  });

  /** Rows whose points add up to at most the max, like real appraised rows. */
  const validUnit = fc
    .record({
      group: fc.constantFrom(...parGroups),
      maxPoints: fc.integer({ min: 5000, max: 11000 }).map((n) => n / 100),
      selfShare: fc.double({ min: 0, max: 1, noNaN: true }),
      staffSurveyPoints: fc.integer({ min: 0, max: 2200 }).map((n) => n / 100),
      sipasPercent: fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
    })
    .map(({ group, maxPoints, selfShare, staffSurveyPoints, sipasPercent }) => {
      const room = maxPoints - staffSurveyPoints - (sipasPercent * (group === 'central_agency' ? 16 : 15)) / 100;
      return {
        group,
        maxPoints,
        sipasPercent,
        staffSurveyPoints,
        selfAssessment: Math.floor(Math.max(0, room) * selfShare * 100) / 100,
      };
    })
    .filter((u) => u.selfAssessment + u.staffSurveyPoints + u.sipasPercent * 0.16 <= u.maxPoints);

  const anyUnit = fc.record({
    group: fc.constantFrom(...parGroups),
    maxPoints: fc.integer({ min: 1, max: 11000 }).map((n) => n / 100),
    selfAssessment: fc.integer({ min: 0, max: 11000 }).map((n) => n / 100),
    staffSurveyPoints: fc.integer({ min: 0, max: 4000 }).map((n) => n / 100),
    sipasPercent: fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
  });

  test.prop([fc.array(anyUnit, { minLength: 1, maxLength: 10 })])(
    'any table is either refused or printed with indices within 0–100',
    (rows) => {
      const units = rows.map((r, i) => ({ ...r, unitCode: `U${i}`, unitName: `Đơn vị ${i}` }));
      let table;
      try {
        table = publishParTable(computeParTable(units));
      } catch (e) {
        expect(e).toBeInstanceOf(ScoringInputError);
        return;
      }
      for (const u of table.units) expect(u.indexPercent).toBeLessThanOrEqual(100);
    },
  );

  test.prop([fc.array(validUnit, { minLength: 1, maxLength: 40 })])(
    'indices of valid rows stay within 0–100 and bands follow the printed index',
    (rows) => {
      const units = rows.map((r, i) => ({ ...r, unitCode: `U${i}`, unitName: `Đơn vị ${i}` }));
      const table = publishParTable(computeParTable(units));
      for (const u of table.units) {
        expect(u.indexPercent).toBeGreaterThanOrEqual(0);
        expect(u.indexPercent).toBeLessThanOrEqual(100);
        expect(u.band).toBe(bandOf(u.indexPercent));
        expect(u.rankInGroup).toBeGreaterThanOrEqual(1);
      }
      expect(table.groups.reduce((a, g) => a + g.units, 0)).toBe(units.length);
      for (const g of table.groups) expect(Object.values(g.bandCounts).reduce((a, b) => a + b, 0)).toBe(g.units);
    },
  );
});
