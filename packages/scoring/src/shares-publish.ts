/**
 * Perception and expectation shares of every unit and of all units together, published (issue 12,
 * docs/0015): each item is a line whose cells are the units' answers and whose total is the overall
 * share shown beside them, so `suppressGroups` withholds a unit answered by 1 … minCell − 1 people
 * ('small') and, where the overall share would give it back by subtraction, a second unit
 * ('secondary') or the overall share itself. An overall share of fewer than minCell answers is
 * 'small'. Units that did not answer an item are not cells of its line (they protect nothing).
 * Expectation items are ranked by their published share (`rankShares`): withheld ones come last.
 */
import { mergePerception, rankShares, type PerceptionShare } from './perception.ts';
import { roundOrNull } from './round.ts';
import type { Withheld } from './sipas-publish.ts';
import { suppressGroups, type CellState } from './suppression.ts';

export interface PublishedShare {
  code: string;
  answered: number;
  percent: number | null;
  suppressed: Withheld;
}

export interface RankedShare extends PublishedShare {
  /** 1 for the highest published share; null when withheld or not answered. */
  rank: number | null;
}

export interface UnitShares {
  shares: readonly PerceptionShare[];
  /** Whether the unit's figures are published at all (status 'ok' and not a small unit). */
  shown: boolean;
}

export interface PublishedShareLines {
  units: PublishedShare[][];
  overall: PublishedShare[];
}

const withheld = (s: CellState | undefined): Withheld => (s === 'small' || s === 'secondary' ? s : null);

/** Publishes the shares of each unit and of all units pooled, item by item. */
export function publishShareLines(units: readonly UnitShares[], minCell: number): PublishedShareLines {
  const min = Math.max(1, Math.floor(minCell));
  const overall = mergePerception(units.map((u) => [...u.shares]));
  const states = new Map<string, { cells: Map<number, CellState>; totalHidden: boolean }>();
  for (const item of overall) {
    const answering = units.flatMap((u, i) => {
      const answered = u.shares.find((s) => s.code === item.code)?.answered ?? 0;
      return answered > 0 ? [{ i, answered }] : [];
    });
    const line = suppressGroups(
      answering.map((a) => a.answered),
      min,
    );
    states.set(item.code, {
      cells: new Map(answering.map((a, k) => [a.i, line.states[k] ?? 'shown'])),
      totalHidden: line.totalHidden,
    });
  }
  return {
    units: units.map((u, i) =>
      u.shares.map((s) => {
        const state = states.get(s.code)?.cells.get(i) ?? 'shown';
        const show = u.shown && state === 'shown';
        return {
          code: s.code,
          answered: s.answered,
          percent: show ? roundOrNull(s.percent) : null,
          suppressed: u.shown ? withheld(state) : null,
        };
      }),
    ),
    overall: overall.map((s) => {
      const small = s.answered > 0 && s.answered < min;
      const hidden = small || (states.get(s.code)?.totalHidden ?? false);
      return {
        code: s.code,
        answered: s.answered,
        percent: hidden ? null : roundOrNull(s.percent),
        suppressed: small ? 'small' : hidden ? 'secondary' : null,
      };
    }),
  };
}

/** Highest published share first, each with its rank; withheld and unanswered items last, unranked. */
export function rankPublished(shares: readonly PublishedShare[]): RankedShare[] {
  let rank = 0;
  return rankShares(shares).map((s) => ({ ...s, rank: s.percent === null ? null : ++rank }));
}
