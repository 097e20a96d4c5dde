/**
 * Clock sanity for device-dated sessions (issue 11). A tablet whose clock says 2001 or 2099 used to
 * get "201 valid" and was then silently left out of every count (the campaign window rule). A
 * session completed more than a day before the campaign opened, after it closed, or ahead of the
 * server's own time is not believed: it is stored `suspect` with the flag `clock` and this reason,
 * so it shows in the suspect list and on the kiosk page instead of vanishing.
 */
export const CLOCK_TOLERANCE_MS = 24 * 60 * 60 * 1000;
/** No tablet holds a parked session this long: a completion older than this is a wrong clock, not a late send. */
export const IMPLAUSIBLE_AGE_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * A session completed before the open campaign started, by a clock that is believable: it does not
 * count in this campaign and is refused `CAMPAIGN_NOT_OPEN` (the tablet keeps it parked). A clock
 * more than a year behind is not believed; that session is stored `suspect` instead (`clockReason`).
 */
export function completedBeforeOpening(c: CampaignWindow, completedAt: Date, now = new Date()): boolean {
  const t = completedAt.getTime();
  return t < c.opensAt.getTime() && t >= now.getTime() - IMPLAUSIBLE_AGE_MS;
}

export interface CampaignWindow {
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
}

/** Why the session's clock is not believed, or null when it is. */
export function clockReason(c: CampaignWindow, completedAt: Date, now = new Date()): string | null {
  const t = completedAt.getTime();
  const at = () => completedAt.toISOString();
  if (t > now.getTime() + CLOCK_TOLERANCE_MS) return `device clock: completed at ${at()}, after the server's time`;
  if (t < c.opensAt.getTime() - CLOCK_TOLERANCE_MS) return `device clock: completed at ${at()}, before the campaign opened`;
  const end = Math.min(c.closesAt.getTime(), (c.closedAt ?? c.closesAt).getTime());
  if (t > end + CLOCK_TOLERANCE_MS) return `device clock: completed at ${at()}, after the campaign closed`;
  return null;
}
