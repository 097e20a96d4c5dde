/** Year over year through lineage (pure): respondent weighting and the walk back through mergers and splits. */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { previousFigure, respondentWeighted, type Figure, type Link } from '../src/features/par/comparison.ts';

const part = fc.record({
  sipasPercent: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
  validForms: fc.integer({ min: 0, max: 5000 }),
});
const fig = (unitId: number, sipasPercent: number | null, validForms: number): Figure => ({
  unitId,
  unitCode: `U${unitId}`,
  unitName: `Đơn vị ${unitId}`,
  sipasPercent,
  validForms,
});
const window = { after: '2025-03-01', upTo: '2026-03-01' };

describe('year over year across reorganisations', () => {
  test.prop([fc.array(part, { maxLength: 8 })])(
    'the weighted figure lies between its parts and ignores parts without one',
    (parts) => {
      const w = respondentWeighted(parts);
      const counted = parts.filter((p) => p.sipasPercent !== null && p.validForms > 0).map((p) => p.sipasPercent as number);
      if (counted.length === 0) expect(w).toBeNull();
      else {
        expect(w).toBeGreaterThanOrEqual(Math.min(...counted) - 1e-9);
        expect(w).toBeLessThanOrEqual(Math.max(...counted) + 1e-9);
      }
    },
  );

  it('walks back through a merger after a split, outside the window not at all', () => {
    const previous = new Map([
      [1, fig(1, 90, 30)],
      [2, fig(2, 60, 10)],
      [9, fig(9, 50, 10)],
    ]);
    const links: Link[] = [
      { fromId: 1, toId: 3, kind: 'split', effectiveDate: '2025-07-01' },
      { fromId: 1, toId: 4, kind: 'split', effectiveDate: '2025-07-01' },
      { fromId: 3, toId: 5, kind: 'merge', effectiveDate: '2025-09-01' },
      { fromId: 2, toId: 5, kind: 'merge', effectiveDate: '2025-09-01' },
      { fromId: 9, toId: 6, kind: 'merge', effectiveDate: '2024-07-01' },
    ];
    const linksTo = new Map<number, Link[]>();
    for (const l of links) linksTo.set(l.toId, [...(linksTo.get(l.toId) ?? []), l]);
    expect(previousFigure(5, previous, linksTo, window)).toMatchObject({ basis: 'split', sipasPercent: 82.5, validForms: 40 });
    expect(previousFigure(4, previous, linksTo, window)).toMatchObject({
      basis: 'split',
      sipasPercent: 90,
      note: 'Số liệu của đơn vị trước khi tách',
    });
    expect(previousFigure(2, previous, linksTo, window)).toMatchObject({ basis: 'same', sipasPercent: 60, note: null });
    expect(previousFigure(6, previous, linksTo, window)).toMatchObject({ basis: 'none', sipasPercent: null, from: [] });
  });
});
