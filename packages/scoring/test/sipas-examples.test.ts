import { describe, expect, it } from 'vitest';
import {
  computeSipas,
  countAnswers,
  countsFromRows,
  expectationShares,
  mergePerception,
  publishSipas,
  rankShares,
  roundHalfUp,
  sipasPointsOf,
  type AnswerCountRow,
} from '../src/index.ts';
import { responsesFromColumns, sipasForm, tally } from './helpers.ts';

/** METHOD.md §2 worked example A: component TC of one department, 100 forms. */
const exampleTc = responsesFromColumns(
  {
    TC1: tally({ 5: 30, 4: 55, 3: 10, 2: 4, 1: 1 }),
    TC2: tally({ 5: 25, 4: 50, 3: 15, 2: 5 }), // and 5 blank
    TC3: tally({ 5: 20, 4: 60, 3: 15, 2: 5 }),
    TC4: tally({ 5: 40, 4: 48, 3: 10, 2: 2 }),
  },
  100,
);

/** Rows as SQL would return them: one criterion per other component with the published rate. */
const otherComponents: AnswerCountRow[] = [
  { questionId: 'TT1', answer: '4', count: '432' },
  { questionId: 'TT1', answer: '2', count: '68' }, // 86.40
  { questionId: 'CC1', answer: '5', count: '2253' },
  { questionId: 'CC1', answer: '3', count: '247' }, // 90.12
  { questionId: 'KQ1', answer: '4', count: '1821' },
  { questionId: 'KQ1', answer: '1', count: '179' }, // 91.05
  { questionId: 'PA1', answer: '5', count: '803' },
  { questionId: 'PA1', answer: '3', count: '197' }, // 80.30
];

const form = sipasForm({ TC: ['TC1', 'TC2', 'TC3', 'TC4'], TT: ['TT1'], CC: ['CC1'], KQ: ['KQ1'], PA: ['PA1'] });

// Worked example A is computed with the `mean_of_items` setting (the 2021 convention it illustrates).
const meanOfItems = { componentMethod: 'mean_of_items' } as const;

describe('SIPAS worked example A (METHOD.md §2)', () => {
  const tcOnly = computeSipas(
    { sources: [{ form: sipasForm({ TC: ['TC1', 'TC2', 'TC3', 'TC4'] }), counts: countAnswers(exampleTc) }], validForms: 100 },
    meanOfItems,
  );

  it('gives each TC criterion its published rate, leaving blanks out of TC2', () => {
    const rates = tcOnly.components[0]?.criteria.map((c) => c.ratePercent);
    expect(rates?.[0]).toBe(85);
    expect(rates?.[1]).toBeCloseTo(7500 / 95, 10);
    expect(roundHalfUp(rates?.[1] ?? 0, 3)).toBe(78.947);
    expect(rates?.[2]).toBe(80);
    expect(rates?.[3]).toBe(88);
    expect(tcOnly.components[0]?.criteria[1]?.valid).toBe(95);
  });

  it('prints component TC as 82.99', () => {
    expect(publishSipas(tcOnly).components[0]?.ratePercent).toBe(82.99);
    expect(roundHalfUp(tcOnly.components[0]?.ratePercent ?? 0, 3)).toBe(82.987);
  });

  it('gives SIPAS 86.17 % and 12.93 points for a department, 13.79 for a central agency', () => {
    const counts = new Map([...countAnswers(exampleTc), ...countsFromRows(otherComponents)]);
    const result = computeSipas({ sources: [{ form, counts }], validForms: 2500 }, { ...meanOfItems, minSample: 30 });
    const sipas = result.sipasPercent ?? Number.NaN;
    expect(roundHalfUp(sipas, 3)).toBe(86.171);
    expect(publishSipas(result).sipasPercent).toBe(86.17);
    expect(roundHalfUp(sipasPointsOf(sipas, 'department'), 2)).toBe(12.93);
    expect(roundHalfUp(sipasPointsOf(sipas, 'central_agency'), 2)).toBe(13.79);
    expect(result.status).toBe('ok');
  });
});

describe('SIPAS settings', () => {
  const counts = countAnswers(exampleTc);
  const tcForm = sipasForm({ TC: ['TC1', 'TC2', 'TC3', 'TC4'] });

  it('pools the answers of a component by default, and takes the mean of its items when asked to', () => {
    const pooled = computeSipas({ sources: [{ form: tcForm, counts }], validForms: 100 });
    expect(pooled.components[0]?.ratePercent).toBeCloseTo((100 * (85 + 75 + 80 + 88)) / 395, 10);
    const mean = computeSipas({ sources: [{ form: tcForm, counts }], validForms: 100 }, meanOfItems);
    expect(mean.components[0]?.ratePercent).toBeCloseTo((85 + 7500 / 95 + 80 + 88) / 4, 10);
  });

  it('weights components by the campaign weights', () => {
    const two = sipasForm({ A: ['a'], B: ['b'] });
    const c = countAnswers([...Array.from({ length: 40 }, () => ({ a: 5, b: 1 }))]);
    expect(computeSipas({ sources: [{ form: two, counts: c }], validForms: 40 }).sipasPercent).toBe(50);
    expect(
      computeSipas({ sources: [{ form: two, counts: c }], validForms: 40 }, { componentWeights: { A: 3 } }).sipasPercent,
    ).toBe(75);
  });

  it('uses the overall question when the campaign says so', () => {
    const withOverall = sipasForm({ A: ['a'] }, 'ov');
    const c = countAnswers(Array.from({ length: 40 }, (_, i) => ({ a: 5, ov: i < 10 ? 4 : 2 })));
    const result = computeSipas(
      { sources: [{ form: withOverall, counts: c }], validForms: 40 },
      { sipasMethod: 'overall_question' },
    );
    expect(result.sipasPercent).toBe(25);
  });

  it('drops a component nobody could rate and flags the unit', () => {
    const two = sipasForm({ A: ['a'], B: ['b'] });
    const c = countAnswers(Array.from({ length: 40 }, () => ({ a: 4, b: 'na' })));
    const result = computeSipas({ sources: [{ form: two, counts: c }], validForms: 40 });
    expect(result.sipasPercent).toBe(100);
    expect(result.droppedComponents).toEqual(['B']);
    expect(result.components[1]?.ratePercent).toBeNull();
  });

  it('combines the counter form and the online form by component code', () => {
    const counter = sipasForm({ TC: ['x'] }, undefined, '01/2021-TT');
    const online = sipasForm({ TC: ['y'] }, undefined, '02/2021-DVCTT');
    const result = computeSipas({
      sources: [
        { form: counter, counts: countAnswers(Array.from({ length: 20 }, () => ({ x: 5 }))) },
        { form: online, counts: countAnswers(Array.from({ length: 20 }, () => ({ y: 3 }))) },
      ],
      validForms: 40,
    });
    expect(result.components).toHaveLength(1);
    expect(result.components[0]?.criteria.map((k) => k.form)).toEqual(['01/2021-TT', '02/2021-DVCTT']);
    expect(result.sipasPercent).toBe(50);
  });
});

describe('SIPAS small cells and empty units', () => {
  const tiny = sipasForm({ A: ['a'] });

  it('withholds percentages of a unit below the minimum sample', () => {
    const result = computeSipas({
      sources: [{ form: tiny, counts: countAnswers(Array.from({ length: 29 }, () => ({ a: 5 }))) }],
      validForms: 29,
    });
    expect(result.status).toBe('not_enough_data');
    const published = publishSipas(result);
    expect(published.sipasPercent).toBeNull();
    expect(published.components[0]?.ratePercent).toBeNull();
    expect(published.validForms).toBe(29);
  });

  it('reports a unit without any valid answer as no_data, not 0', () => {
    const result = computeSipas({
      sources: [{ form: tiny, counts: countAnswers(Array.from({ length: 50 }, () => ({ a: 'na' }))) }],
      validForms: 50,
    });
    expect(result.status).toBe('no_data');
    expect(result.sipasPercent).toBeNull();
    expect(publishSipas(result).sipasPercent).toBeNull();
  });

  it('refuses counts larger than the number of valid forms', () => {
    expect(() =>
      computeSipas({ unitCode: 'ST01', sources: [{ form: tiny, counts: countAnswers([{ a: 5 }, { a: 4 }]) }], validForms: 1 }),
    ).toThrow(/ST01: a: inconsistent/);
  });
});

describe('perception shares', () => {
  const form = {
    code: 'P',
    scoring: {
      perception: [
        { code: 'visits3plus', questionId: 'visits', matches: ['3-4', '>4'] },
        { code: 'extraPayment', questionId: 'paid', matches: [true] },
        { code: 'wantsOnline', questionId: 'improve', matches: ['online'] },
      ],
    },
  };

  it('gives the share of answered forms whose answer matches, pooled over forms', () => {
    const responses = [
      { visits: '1', paid: false, improve: ['online', 'staff'] },
      { visits: '3-4', paid: true, improve: ['staff'] },
      { visits: '>4', paid: false },
      { visits: 'na', paid: false, improve: [] },
    ];
    const result = computeSipas({ sources: [{ form, counts: countAnswers(responses) }], validForms: 4 }, { minSample: 1 });
    expect(result.status).toBe('no_data'); // no SIPAS criteria on this form
    const shares = Object.fromEntries(result.perception.map((p) => [p.code, [p.matched, p.answered]]));
    expect(shares).toEqual({ visits3plus: [2, 3], extraPayment: [1, 4], wantsOnline: [1, 2] });
  });

  it('counts SQL rows of jsonb arrays the same as in-memory arrays', () => {
    const rows: AnswerCountRow[] = [{ questionId: 'improve', answer: '["online", "staff"]', count: 2n }];
    const fromRows = countsFromRows(rows);
    const fromMemory = countAnswers([{ improve: ['online', 'staff'] }, { improve: ['online', 'staff'] }]);
    expect(fromRows).toEqual(fromMemory);
  });
});

describe('expectation ranking', () => {
  const items = ['KV1', 'KV2', 'KV3'];
  const form = {
    code: 'SIPAS/2024',
    scoring: { expectations: items.map((q) => ({ code: q.toLowerCase(), questionId: q, matches: ['rat_nhieu'] })) },
  };

  it('ranks items by the share answering "rất nhiều", pooled over forms, highest first', () => {
    // KV1: 1 of 4 = 25 %; KV2: 3 of 4 = 75 %; KV3: 2 of 3 = 66.67 % (one blank answer is not counted).
    const responses = [
      { KV1: 'rat_nhieu', KV2: 'rat_nhieu', KV3: 'rat_nhieu' },
      { KV1: 'nhieu', KV2: 'rat_nhieu', KV3: 'rat_nhieu' },
      { KV1: 'it', KV2: 'rat_nhieu', KV3: 'it' },
      { KV1: 'khong', KV2: 'nhieu' },
    ];
    const shares = (from: number, to: number) => expectationShares(countAnswers(responses.slice(from, to)), form);
    const ranked = rankShares(mergePerception([shares(0, 2), shares(2, 4)]));
    expect(ranked.map((e) => [e.code, e.matched, e.answered])).toEqual([
      ['kv2', 3, 4],
      ['kv3', 2, 3],
      ['kv1', 1, 4],
    ]);
  });
});
