/** Queries of the sweeper: what is due according to the database. */
import type { Db } from '@hailong/db';
import { sql } from 'drizzle-orm';

export interface DueDelivery {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  /** When a retrying delivery's next attempt is due (null for the others). */
  nextAttemptAt: Date | null;
}

/**
 * Deliveries whose job may be lost: pending for longer than `staleMs`, retrying whose next attempt
 * is more than `staleMs` overdue, and 'sending' rows whose lease ran out (their worker died while
 * sending; the next claim takes them over). With `leasesOnly`, only the last kind (cheap, run often).
 * With `upcoming`, also every retrying delivery whose next attempt is still ahead (after Redis lost
 * their delayed jobs; the caller re-adds them with the remaining delay).
 */
export async function dueDeliveries(
  db: Db,
  now: Date,
  staleMs: number,
  opts: { leasesOnly?: boolean; upcoming?: boolean; limit?: number } = {},
): Promise<DueDelivery[]> {
  const stale = new Date(now.getTime() - staleMs);
  const lost = opts.leasesOnly
    ? sql`false`
    : opts.upcoming
      ? sql`(status = 'pending' and created_at < ${stale}) or status = 'retrying'`
      : sql`(status = 'pending' and created_at < ${stale}) or (status = 'retrying' and next_attempt_at < ${stale})`;
  const res = await db.execute<{
    id: string;
    kind: string;
    status: string;
    attempts: number;
    next_attempt_at: Date | string | null;
  }>(sql`
    select id, kind, status, attempts, next_attempt_at from mail_deliveries
    where (status = 'sending' and lease_until < ${now}) or ${lost}
    order by created_at limit ${opts.limit ?? 5000}`);
  return res.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'retrying' && r.next_attempt_at !== null ? new Date(r.next_attempt_at) : null,
  }));
}

/**
 * Creates the due scheduled reminder rounds: an invitation sent `reminderDays[k-1]` days ago that
 * has had k-1 reminders, is not answered, bounced or opted out, in an open staff campaign, and
 * k ≤ maxReminders. Like "remind now", anyone reminded less than `minGapHours` ago
 * (REMINDER_MIN_GAP_HOURS) is left out; their round comes on the first sweep after the gap.
 * Returns the new delivery ids (the unique key makes a rerun a no-op).
 */
export async function createDueReminders(db: Db, now: Date, minGapHours: number): Promise<string[]> {
  const gapStart = new Date(now.getTime() - minGapHours * 3600_000);
  const res = await db.execute<{ id: string }>(sql`
    with c as (
      select id, settings from campaigns
      where kind = 'staff' and closed_at is null and opens_at <= ${now} and closes_at > ${now}
        and jsonb_typeof(settings->'reminderDays') = 'array'
    ), cand as (
      select i.id as invitation_id, i.campaign_id, i.sent_at, c.settings,
        (select count(*) from mail_deliveries d where d.invitation_id = i.id and d.kind = 'reminder')::int as done
      from invitations i join c on c.id = i.campaign_id join respondents r on r.id = i.respondent_id
      where i.completed_at is null and i.bounced_at is null and r.opted_out_at is null and i.sent_at is not null
        and not exists (select 1 from mail_deliveries g where g.invitation_id = i.id and g.kind = 'reminder' and g.created_at > ${gapStart})
    )
    insert into mail_deliveries (campaign_id, invitation_id, kind, round)
    select campaign_id, invitation_id, 'reminder', done + 1 from cand
    where done < least(jsonb_array_length(settings->'reminderDays'), coalesce((settings->>'maxReminders')::int, 1000))
      and sent_at + make_interval(days => (settings->'reminderDays'->>done)::int) <= ${now}
    on conflict do nothing
    returning id`);
  return res.rows.map((r) => r.id);
}

/**
 * Escalation (campaign.settings.escalation = true): one day before the last scheduled reminder
 * round, each unit's PAR focal point (units.focal_point_email) gets one digest of the unit's
 * response rate and who has not answered yet. Keyed (campaign, unit, 'digest', round) — once.
 */
export async function createDueDigests(db: Db, now: Date): Promise<string[]> {
  const res = await db.execute<{ id: string }>(sql`
    with c as (
      select id, settings,
        least(jsonb_array_length(settings->'reminderDays'), coalesce((settings->>'maxReminders')::int, 1000)) as last_round
      from campaigns
      where kind = 'staff' and closed_at is null and opens_at <= ${now} and closes_at > ${now}
        and (settings->>'escalation')::boolean is true and jsonb_typeof(settings->'reminderDays') = 'array'
    ), u as (
      select i.campaign_id, r.unit_id, min(i.sent_at) as first_sent, c.settings, c.last_round
      from invitations i join c on c.id = i.campaign_id join respondents r on r.id = i.respondent_id
      join units on units.id = r.unit_id
      where i.sent_at is not null and units.focal_point_email is not null and c.last_round > 0
      group by i.campaign_id, r.unit_id, c.settings, c.last_round
      having count(*) filter (where i.completed_at is null) > 0
    )
    insert into mail_deliveries (campaign_id, unit_id, kind, round)
    select campaign_id, unit_id, 'digest', last_round from u
    where first_sent + make_interval(days => (settings->'reminderDays'->>(last_round - 1))::int - 1) <= ${now}
    on conflict do nothing
    returning id`);
  return res.rows.map((r) => r.id);
}
