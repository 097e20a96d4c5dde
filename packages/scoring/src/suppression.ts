/**
 * Small-cell suppression for every breakdown that shows answers (issue 14): a cell counting fewer
 * than `minCell` responses (but at least one) is withheld and shown as "< minCell" ('small'); where a
 * shown total would let someone recover a withheld cell by subtraction, a second cell is withheld too
 * ('secondary', shown without a range because it may be large). Totals that cannot be protected by
 * a second cell (a line with a single cell) are withheld themselves.
 *
 * The audit is interval propagation: each withheld cell starts with the range a reader knows
 * ('small': 1 … minCell − 1, 'secondary': 0 … its line total) and every shown line total narrows it
 * (x_i = total − shown − Σ others). While some withheld cell is pinned to one value, one more cell
 * of its line is withheld (the smallest non-empty shown one), or, if none is left, the line's total.
 */
export type CellState = 'shown' | 'small' | 'secondary';

export interface SuppressionInput {
  /** Counts of responses, rows × columns (a one-dimensional breakdown is one row). */
  counts: readonly (readonly number[])[];
  minCell: number;
  /** Whether each row's / column's total is shown beside the cells. */
  rowTotals: boolean;
  columnTotals: boolean;
}

export interface Suppression {
  cells: CellState[][];
  rowTotalHidden: boolean[];
  columnTotalHidden: boolean[];
}

interface Line {
  cells: [number, number][];
  total: number;
  kind: 'row' | 'column';
  index: number;
}

function linesOf(input: SuppressionInput, hidden: Suppression): Line[] {
  const { counts } = input;
  const cols = counts[0]?.length ?? 0;
  const out: Line[] = [];
  if (input.rowTotals) {
    counts.forEach((row, i) => {
      if (!hidden.rowTotalHidden[i])
        out.push({ kind: 'row', index: i, cells: row.map((_, j) => [i, j]), total: row.reduce((a, b) => a + b, 0) });
    });
  }
  if (input.columnTotals) {
    for (let j = 0; j < cols; j++) {
      if (hidden.columnTotalHidden[j]) continue;
      out.push({
        kind: 'column',
        index: j,
        cells: counts.map((_, i) => [i, j]),
        total: counts.reduce((a, r) => a + (r[j] ?? 0), 0),
      });
    }
  }
  return out;
}

const at = (m: readonly (readonly number[])[], i: number, j: number): number => m[i]?.[j] ?? 0;

/** The range each withheld cell can take given everything shown; [lo, hi] per cell (shown cells: exact). */
export function withheldRanges(input: SuppressionInput, s: Suppression): { lo: number[][]; hi: number[][] } {
  const { counts, minCell } = input;
  const grand = counts.flat().reduce((a, b) => a + b, 0);
  const lo = counts.map((r, i) => r.map((n, j) => (s.cells[i]?.[j] === 'shown' ? n : s.cells[i]?.[j] === 'small' ? 1 : 0)));
  const hi = counts.map((r, i) =>
    r.map((n, j) => (s.cells[i]?.[j] === 'shown' ? n : s.cells[i]?.[j] === 'small' ? minCell - 1 : grand)),
  );
  const lines = linesOf(input, s);
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const sumLo = line.cells.reduce((a, [i, j]) => a + at(lo, i, j), 0);
      const sumHi = line.cells.reduce((a, [i, j]) => a + at(hi, i, j), 0);
      for (const [i, j] of line.cells) {
        const [l, h] = [at(lo, i, j), at(hi, i, j)];
        const nl = Math.max(l, line.total - (sumHi - h));
        const nh = Math.min(h, line.total - (sumLo - l));
        if (nl !== l || nh !== h) {
          (lo[i] as number[])[j] = nl;
          (hi[i] as number[])[j] = nh;
          changed = true;
        }
      }
    }
  }
  return { lo, hi };
}

function pinnedCell(input: SuppressionInput, s: Suppression): [number, number] | null {
  const { lo, hi } = withheldRanges(input, s);
  for (let i = 0; i < s.cells.length; i++) {
    for (let j = 0; j < (s.cells[i]?.length ?? 0); j++)
      if (s.cells[i]?.[j] !== 'shown' && at(lo, i, j) === at(hi, i, j)) return [i, j];
  }
  return null;
}

const rank = (n: number): number => (n === 0 ? Number.MAX_SAFE_INTEGER : n);

/** Withholds one more cell on a shown line through (i, j), or that line's total; false if nothing is left. */
function protect(input: SuppressionInput, s: Suppression, i: number, j: number): boolean {
  const lines = linesOf(input, s).filter((l) => l.cells.some(([a, b]) => a === i && b === j));
  for (const line of lines) {
    // The smallest non-empty shown cell: an empty one is pinned at 0 by any line it is alone on
    // with a zero remainder, so it protects nothing; it is taken only when nothing else is left.
    const candidates = line.cells
      .filter(([a, b]) => s.cells[a]?.[b] === 'shown')
      .sort(([a, b], [c, d]) => rank(at(input.counts, a, b)) - rank(at(input.counts, c, d)));
    const pick = candidates[0];
    if (pick) {
      (s.cells[pick[0]] as CellState[])[pick[1]] = 'secondary';
      return true;
    }
  }
  const line = lines[0];
  if (!line) return false;
  if (line.kind === 'row') s.rowTotalHidden[line.index] = true;
  else s.columnTotalHidden[line.index] = true;
  return true;
}

export function suppressSmallCells(input: SuppressionInput): Suppression {
  const minCell = Math.max(1, Math.floor(input.minCell));
  const norm = { ...input, minCell };
  const s: Suppression = {
    cells: input.counts.map((r) => r.map((n): CellState => (n > 0 && n < minCell ? 'small' : 'shown'))),
    rowTotalHidden: input.counts.map(() => false),
    columnTotalHidden: (input.counts[0] ?? []).map(() => false),
  };
  // Row and column totals together cross-link the lines, and interval propagation no longer finds
  // every pinned cell; a table with a small cell therefore shows its row totals only (disjoint
  // lines, where the propagation is exact). Only small cells start any withholding.
  if (norm.rowTotals && norm.columnTotals && s.cells.some((r) => r.includes('small'))) {
    s.columnTotalHidden = s.columnTotalHidden.map(() => true);
  }
  for (let pinned = pinnedCell(norm, s); pinned; pinned = pinnedCell(norm, s)) {
    if (!protect(norm, s, pinned[0], pinned[1])) break;
  }
  return s;
}

/** A one-dimensional breakdown (groups of one total, e.g. the counters of a unit): which groups to withhold. */
export function suppressGroups(
  counts: readonly number[],
  minCell: number,
  totalShown = true,
): { states: CellState[]; totalHidden: boolean } {
  const s = suppressSmallCells({ counts: [counts], minCell, rowTotals: totalShown, columnTotals: false });
  return { states: s.cells[0] ?? [], totalHidden: s.rowTotalHidden[0] ?? false };
}
