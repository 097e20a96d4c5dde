/**
 * The method owner's decisions after the first round (METHOD.md, last section), with expectations
 * computed by hand: forms 01 and 02 pooled within each component, per-form figures beside, and
 * the 2024 provincial SIPAS with component maxima as weights.
 */
import { describe, expect, it } from 'vitest';
import { computeSipas, countAnswers, publishSipas, roundHalfUp } from '../src/index.ts';
import { sipasForm } from './helpers.ts';

// Criteria per component as forms 01/2021-TT and 02/2021-DVCTT carry them.
const form01 = sipasForm(
  {
    TC: ['TC1', 'TC2', 'TC3', 'TC4'],
    TT: ['TT1', 'TT2', 'TT3', 'TT4', 'TT5'],
    CC: ['CC1', 'CC2', 'CC3', 'CC4', 'CC5', 'CC6'],
    KQ: ['KQ1', 'KQ2', 'KQ3'],
    PA: ['PA1', 'PA2', 'PA3', 'PA4'],
  },
  'OV',
  '01/2021-TT',
);
const form02 = sipasForm(
  {
    TC: ['TC1', 'TC2', 'TC3', 'TC4'],
    TT: ['TT1', 'TT2', 'TT3', 'TT4', 'TT5'],
    CC: ['CC1', 'CC2', 'CC3'],
    KQ: ['KQ1', 'KQ2', 'KQ3'],
    PA: ['PA1', 'PA2'],
  },
  'OV',
  '02/2021-DVCTT',
);

function allAnswered(form: typeof form01, value: number): Record<string, number> {
  return Object.fromEntries((form.scoring.sipas?.components ?? []).flatMap((c) => c.criteria.map((q) => [q, value])));
}

describe('forms 01 and 02 in one unit', () => {
  const sources = [
    { form: form01, counts: countAnswers(Array.from({ length: 300 }, () => allAnswered(form01, 5))) },
    { form: form02, counts: countAnswers([allAnswered(form02, 1)]) },
  ];

  it('pools every answer of a component whichever form carried it: 300 satisfied counter forms and 1 dissatisfied online form give 99.73 %', () => {
    // TC 1200/1204, TT 1500/1505, CC 1800/1803, KQ 900/903, PA 1200/1202 → mean 99.734
    const result = computeSipas({ sources, validForms: 301 });
    expect(roundHalfUp(result.sipasPercent ?? 0, 3)).toBe(99.734);
    expect(publishSipas(result).sipasPercent).toBe(99.73);
  });

  it('reports each form’s own figure beside the pooled one', () => {
    const result = computeSipas({ sources, validForms: 301 });
    expect(result.byForm.map((f) => [f.form, f.sipasPercent, f.validAnswers])).toEqual([
      ['01/2021-TT', 100, 300 * 22],
      ['02/2021-DVCTT', 0, 17],
    ]);
  });

  it('keeps the mean of items as a setting (each form’s criteria then weigh alike: 56.67 %)', () => {
    const result = computeSipas({ sources, validForms: 301 }, { componentMethod: 'mean_of_items' });
    expect(publishSipas(result).sipasPercent).toBe(56.67);
  });
});

describe('SIPAS with component maxima (the 2024 provincial result)', () => {
  it('gives 8.2352 points of 10 from 82.5 / 82.5 / 83.232 / 82.88 / 80.37 % with maxima 1.5 / 1.5 / 2.5 / 2.5 / 2.0', () => {
    // One criterion per component, with answer counts giving exactly the published satisfaction:
    // 50,000 forms is the fewest that hold 83.232 % and 80.37 % as whole numbers of forms.
    const form = sipasForm({ TC: ['a'], TT: ['b'], CC: ['c'], KQ: ['d'], PA: ['e'] });
    const n = 50_000;
    const rows = (q: string, satisfied: number) => [
      ...Array.from({ length: satisfied }, () => ({ [q]: 5 })),
      ...Array.from({ length: n - satisfied }, () => ({ [q]: 2 })),
    ];
    const counts = countAnswers([
      ...rows('a', 41_250),
      ...rows('b', 41_250),
      ...rows('c', 41_616),
      ...rows('d', 41_440),
      ...rows('e', 40_185),
    ]);
    const maxima = { TC: 1.5, TT: 1.5, CC: 2.5, KQ: 2.5, PA: 2.0 };
    const result = computeSipas({ sources: [{ form, counts }], validForms: n }, { componentWeights: maxima });
    const points = ((result.sipasPercent ?? 0) * 10) / 100;
    expect(roundHalfUp(points, 4)).toBe(8.2352);
    expect(roundHalfUp(result.sipasPercent ?? 0, 3)).toBe(82.352);
  });
});
