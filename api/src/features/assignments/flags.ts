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

export const minInterviewSeconds = (settings: unknown) => numberSetting(settings, 'minInterviewSeconds', DEFAULT_MIN_INTERVIEW_SECONDS);
export const identicalPatternThreshold = (settings: unknown) =>
  numberSetting(settings, 'identicalPatternThreshold', DEFAULT_IDENTICAL_PATTERN_THRESHOLD);

/** Flags that depend on the interview alone: its duration and whether it happened in the window. */
export function interviewFlags(c: CampaignWindow, startedAt: Date, completedAt: Date): FieldFlag[] {
  const flags: FieldFlag[] = [];
  const seconds = (completedAt.getTime() - startedAt.getTime()) / 1000;
  if (seconds < minInterviewSeconds(c.settings)) flags.push('short_interview');
  const end = c.closedAt && c.closedAt < c.closesAt ? c.closedAt : c.closesAt;
  if (completedAt < c.opensAt || completedAt >= end) flags.push('outside_window');
  return flags;
}
