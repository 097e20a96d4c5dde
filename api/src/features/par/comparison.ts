/**
 * Year over year across reorganisations (pure): finds, through the lineage, the previous-year units a
 * unit descends from and combines their figures weighted by respondents (valid forms). A unit that
 * existed both years is compared with itself (plus any unit it absorbed in between); a merged unit
 * with its predecessors combined; a split unit with its predecessor, marked "trước khi tách"; a unit
 * with no ancestor in the previous year is not compared at all.
 */
import type { SipasComparisonUnit } from '@hailong/contracts';
import { roundHalfUp } from '@hailong/scoring';

export interface Figure {
  unitId: number;
  unitCode: string;
  unitName: string;
  sipasPercent: number | null;
  validForms: number;
}
export interface Link {
  fromId: number;
  toId: number;
  kind: 'merge' | 'split';
  effectiveDate: string;
}

type Previous = SipasComparisonUnit['previous'];

/** Units of the previous year `unitId` descends from, and the kinds of events on the way. */
export function originsOf(
  unitId: number,
  previous: ReadonlyMap<number, Figure>,
  linksTo: ReadonlyMap<number, Link[]>,
  window: { after: string; upTo: string },
): { ids: number[]; kinds: Set<Link['kind']> } {
  const ids = new Set<number>(previous.has(unitId) ? [unitId] : []);
  const kinds = new Set<Link['kind']>();
  const seen = new Set<number>([unitId]);
  const frontier = [unitId];
  while (frontier.length > 0) {
    const x = frontier.pop() as number;
    for (const l of linksTo.get(x) ?? []) {
      if (l.effectiveDate <= window.after || l.effectiveDate > window.upTo || seen.has(l.fromId)) continue;
      seen.add(l.fromId);
      kinds.add(l.kind);
      if (previous.has(l.fromId)) ids.add(l.fromId);
      else frontier.push(l.fromId);
    }
  }
  return { ids: [...ids].sort((a, b) => a - b), kinds };
}

/** Σ pᵢ·nᵢ / Σ nᵢ over the parts with a figure (full precision; null when none has one). */
export function respondentWeighted(parts: readonly { sipasPercent: number | null; validForms: number }[]): number | null {
  const withFigure = parts.filter((p) => p.sipasPercent !== null && p.validForms > 0);
  const n = withFigure.reduce((s, p) => s + p.validForms, 0);
  return n === 0 ? null : withFigure.reduce((s, p) => s + (p.sipasPercent as number) * p.validForms, 0) / n;
}

const NOTES = {
  same: [null, null],
  merged: [
    'Gộp từ các đơn vị trước sắp xếp (bình quân theo số phiếu)',
    'Combined from the units before the merger (weighted by respondents)',
  ],
  split: ['Số liệu của đơn vị trước khi tách', 'Figure of the unit before the split'],
  none: ['Đơn vị mới, không có số liệu năm trước để so sánh', 'New unit: no previous-year figure to compare with'],
} as const;

export function previousFigure(
  unitId: number,
  previous: ReadonlyMap<number, Figure>,
  linksTo: ReadonlyMap<number, Link[]>,
  window: { after: string; upTo: string },
): Previous {
  const { ids, kinds } = originsOf(unitId, previous, linksTo, window);
  const from = ids.map((id) => previous.get(id) as Figure);
  const basis: Previous['basis'] =
    from.length === 0 ? 'none' : kinds.has('split') ? 'split' : kinds.has('merge') ? 'merged' : 'same';
  const combined = respondentWeighted(from);
  const [note, noteEn] = NOTES[basis];
  return {
    sipasPercent: combined === null ? null : roundHalfUp(combined, 2),
    validForms: from.reduce((s, f) => s + f.validForms, 0),
    basis,
    from: from.map(({ unitCode, unitName, sipasPercent, validForms }) => ({
      unitCode,
      unitName,
      sipasPercent: sipasPercent === null ? null : roundHalfUp(sipasPercent, 2),
      validForms,
    })),
    note,
    noteEn,
  };
}
