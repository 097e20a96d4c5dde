/**
 * SIPAS sample size per unit (METHOD.md §4): n = ceil(N / (1 + N·e²)) for N dossiers a year and
 * margin of error e (default 5%; N = 12,000 → 388). A tiny tolerance absorbs binary floating-point
 * noise so an exact integer quotient is not rounded up to the next integer.
 */
export const DEFAULT_MARGIN = 0.05;

export function sampleSize(dossiers: number, margin = DEFAULT_MARGIN): number {
  if (!Number.isFinite(dossiers) || dossiers < 0) throw new RangeError('dossiers must be a non-negative number');
  if (!(margin > 0 && margin < 1)) throw new RangeError('margin must be between 0 and 1');
  if (dossiers === 0) return 0;
  const n = dossiers / (1 + dossiers * margin * margin);
  return Math.ceil(n - 1e-9);
}
