/**
 * THE counting rule of a campaign, shared by every read that turns responses into figures
 * (/results, /results/counters, /results/days, /sipas, PAR staff points): a response counts when
 *   - its review state is `valid` (suspect, pending and invalid ones are reported, never scored), and
 *   - the Vietnam-time day of `coalesce(completed_at, received_at)` lies between the campaign's
 *     opening day and its closing day (`closed_at` when it was closed early) — METHOD.md §2
 *     "inside the campaign window".
 * The window is whole days because the running tallies (migration 0004, kept by triggers) are
 * per day, and reading them is what makes results fast at 10^6 responses; campaign windows are
 * published in days (03/11–22/11), so that is also the rule users expect. Queries on `responses`
 * (suspect counts, per-form quick rules, per-counter views) apply the same day test through the
 * same SQL function, `response_tally_day`, so the two paths cannot disagree about a response near
 * midnight. See docs/0004-sipas-aggregation.md.
 *
 * The fragments expect the campaign joined as `c`, tallies as `t` and responses as `r`.
 */
import { sql } from 'drizzle-orm';

/** First counted day (Vietnam time) of campaign `c`. */
const firstDay = sql`response_tally_day(null, c.opens_at)`;
/** Last counted day: the day of the last instant before closing (closed_at when closed early). */
const lastDay = sql`response_tally_day(null, least(c.closes_at, coalesce(c.closed_at, c.closes_at)) - interval '1 microsecond')`;

/** Tally rows (`t.day`) inside the window of campaign `c`. */
export const tallyInWindow = sql`t.day between ${firstDay} and ${lastDay}`;

/** Responses (`r`) inside the window of campaign `c`, by the same day function as the tallies. */
export const responseInWindow = sql`response_tally_day(r.completed_at, r.received_at) between ${firstDay} and ${lastDay}`;
