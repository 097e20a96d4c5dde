import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  checkParMethod,
  computeParTable,
  computeSipas,
  computeStaffPoints,
  copyParMethod,
  countAnswers,
  parMethod2021,
  parSettingsOf,
  pooledSipasOf,
  staffItemsSum,
  staffMaximaOf,
  type ParMethod,
  type ScoredForm,
} from '../src/index.ts';

const weights = { A: 100, B: 60, C: 20, D: 0 };

describe('the 2021 method', () => {
  it('is valid and its staff items reach 22 / 23 / 23.5 / 30 per group', () => {
    expect(checkParMethod(parMethod2021)).toEqual([]);
    expect(staffItemsSum(parMethod2021, 'department')).toBe(22);
    expect(staffItemsSum(parMethod2021, 'district')).toBe(23);
    expect(staffItemsSum(parMethod2021, 'public_service_unit')).toBe(23.5);
    expect(staffItemsSum(parMethod2021, 'central_agency')).toBe(30);
  });

  it('gives the SIPAS maxima 15 / 16 and the published worked rows', () => {
    const table = computeParTable(
      [
        {
          unitCode: 'ST16',
          unitName: 'Sở Xây dựng',
          group: 'department',
          maxPoints: 94,
          selfAssessment: 48,
          staffSurveyPoints: 19.18,
          sipasPercent: 99.4,
        },
        {
          unitCode: 'ST25',
          unitName: 'Công an tỉnh',
          group: 'central_agency',
          maxPoints: 101,
          selfAssessment: 55.76,
          staffSurveyPoints: 19.88,
          sipasPercent: 98,
        },
      ],
      parSettingsOf(parMethod2021),
    );
    expect(table.units.map((u) => [u.sipasPoints, u.band])).toEqual([
      [14.91, 2],
      [15.68, 1],
    ]);
  });
});

describe('checking a method', () => {
  it('refuses staff items that do not add up to the group maximum, naming the group', () => {
    const m = copyParMethod(parMethod2021);
    m.staff.items = m.staff.items.filter((i) => i.code !== 'UI_REWARDS_BENEFITS');
    expect(checkParMethod(m)).toEqual([
      { field: 'groups.public_service_unit.staffSurveyMax', reason: 'sum_mismatch', expected: 23.5, actual: 21.5 },
      { field: 'groups.central_agency.staffSurveyMax', reason: 'sum_mismatch', expected: 30, actual: 27 },
    ]);
  });

  it('refuses weights that are not positive and bands with a gap at the bottom or out of order', () => {
    const m: ParMethod = copyParMethod(parMethod2021);
    m.sipas.componentWeights.TC = 0;
    m.bands = [
      { band: 1, min: 80, inclusive: true },
      { band: 2, min: 85, inclusive: true },
      { band: 3, min: 10, inclusive: true },
    ];
    expect(checkParMethod(m)).toEqual([
      { field: 'sipas.componentWeights.TC', reason: 'not_positive', actual: 0 },
      { field: 'bands.1.min', reason: 'not_descending', expected: 80, actual: 85 },
      { field: 'bands.2.min', reason: 'gap', expected: 0, actual: 10 },
    ]);
  });

  test.prop([fc.array(fc.double({ min: 0, max: 99.99, noNaN: true }), { minLength: 0, maxLength: 6 })])(
    'accepts any strictly descending thresholds ending at 0 inclusive, and every index 0–100 then falls in a band',
    (mins) => {
      const sorted = [...new Set(mins.filter((x) => x > 0))].sort((a, b) => b - a);
      const m = copyParMethod(parMethod2021);
      m.bands = [
        ...sorted.map((min, i) => ({ band: i + 1, min, inclusive: i % 2 === 0 })),
        { band: sorted.length + 1, min: 0, inclusive: true },
      ];
      expect(checkParMethod(m)).toEqual([]);
    },
  );
});

describe('staff points with the year’s item maxima', () => {
  const t6: ScoredForm = {
    code: 'T6',
    scoring: {
      par: {
        optionWeights: weights,
        subCriteria: [
          { code: 'A1', maxPoints: 1, questions: ['A1'] },
          { code: 'B1', maxPoints: 0.5, questions: ['B1'] },
          { code: 'C1', maxPoints: 1, questions: ['C1'] },
        ],
      },
    },
  };

  it('uses the group’s maxima, leaves out items the group does not score and reports an item nobody answered as missing', () => {
    const counts = countAnswers([
      { A1: 'A', B1: 'B', C1: 'A' },
      { A1: 'B', B1: 'A', C1: 'A' },
    ]);
    const maxima = new Map([
      ['A1', 2],
      ['B1', 3],
      ['Z9', 4],
    ]);
    const result = computeStaffPoints([{ form: t6, counts }], { maxima });
    // A1: 2 × (1 + 0.6) / 2 = 1.6; B1: 3 × 1.6 / 2 = 2.4; C1 not scored; Z9 asked by nobody → missing.
    expect(result.subCriteria.map((s) => s.code)).toEqual(['A1', 'B1', 'Z9']);
    expect(result.subCriteria[0]?.points).toBeCloseTo(1.6, 12);
    expect(result.subCriteria[1]?.points).toBeCloseTo(2.4, 12);
    expect(result.subCriteria[2]?.points).toBeNull();
    expect(result.missing).toEqual(['Z9']);
    expect(result.maxPoints).toBe(9);
  });

  it('reads the 2021 maxima of a group from the method', () => {
    expect(staffMaximaOf(parMethod2021, 'central_agency').get('UI_LEADER_ATTENTION')).toBe(3);
    expect(staffMaximaOf(parMethod2021, 'central_agency').has('PF_PSU_AUTONOMY')).toBe(false);
  });
});

describe('the year’s overall SIPAS', () => {
  it('pools every answer of every unit, which is not the mean of the units', () => {
    const form: ScoredForm = { code: 'F', scoring: { sipas: { components: [{ code: 'TC', criteria: ['q'] }] } } };
    const unit = (satisfied: number, n: number) =>
      computeSipas(
        {
          sources: [{ form, counts: countAnswers(Array.from({ length: n }, (_, i) => ({ q: i < satisfied ? 5 : 1 }))) }],
          validForms: n,
        },
        { minSample: 1 },
      );
    // 90 of 100 and 10 of 10: pooled 100 / 110 = 90.909 %, mean of units 95 %.
    expect(pooledSipasOf([unit(90, 100), unit(10, 10)])).toBeCloseTo(9090.909 / 100, 3);
    expect(pooledSipasOf([])).toBeNull();
  });
});
