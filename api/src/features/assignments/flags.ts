/**
 * Automatic review flags on field interviews (pure). A flagged form is stored with review state
 * `pending` so a supervisor decides; unflagged forms are `valid` and count towards SIPAS at once.
 */
export const DEFAULT_MIN_INTERVIEW_SECONDS = 300;
export const DEFAULT_IDENTICAL_PATTERN_THRESHOLD = 3;

export type FieldFlag = 'short_interview' | 'outside_window' | 'over_quota' | 'identical_pattern';

export interface CampaignWindow {
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  settings: unknown;
}

function numberSetting(settings: unknown, key: string, fallback: number): number {
  const v = settings && typeof settings === 'object' ? (settings as Record<string, unknown>)[key] : undefined;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
}

export const minInterviewSeconds = (settings: unknown) =>
  numberSetting(settings, 'minInterviewSeconds', DEFAULT_MIN_INTERVIEW_SECONDS);
export const identicalPatternThreshold = (settings: unknown) =>
  numberSetting(settings, 'identicalPatternThreshold', DEFAULT_IDENTICAL_PATTERN_THRESHOLD);

/**
 * The identical-pattern rule. A pattern is the response's payload hash (form version + unit +
 * answers), counted per enumerator and campaign over all of that enumerator's assignments. When an
 * enumerator has `threshold` (default 3) or more forms with the same pattern, EVERY one of them is
 * flagged `identical_pattern` — the copies already stored as well as the new ones — because the
 * first copy is no more trustworthy than the third. Earlier rows are updated in the sync's
 * transaction; a row a supervisor has already decided keeps its decision (only the flag is added).
 *
 * Returns the hashes that reach the threshold, given how many copies are stored (`stored`) and the
 * hashes of the new forms in this batch (`fresh`, one entry per form).
 */
export function repeatedPatterns(stored: ReadonlyMap<string, number>, fresh: readonly string[], threshold: number): Set<string> {
  const total = new Map(stored);
  for (const h of fresh) total.set(h, (total.get(h) ?? 0) + 1);
  const out = new Set<string>();
  for (const h of new Set(fresh)) if ((total.get(h) ?? 0) >= Math.max(threshold, 2)) out.add(h);
  return out;
}

/** Flags that depend on the interview alone: its duration and whether it happened in the window. */
export function interviewFlags(c: CampaignWindow, startedAt: Date, completedAt: Date): FieldFlag[] {
  const flags: FieldFlag[] = [];
  const seconds = (completedAt.getTime() - startedAt.getTime()) / 1000;
  if (seconds < minInterviewSeconds(c.settings)) flags.push('short_interview');
  const end = c.closedAt && c.closedAt < c.closesAt ? c.closedAt : c.closesAt;
  if (completedAt < c.opensAt || completedAt >= end) flags.push('outside_window');
  return flags;
}
