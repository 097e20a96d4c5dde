/**
 * mail_deliveries as the idempotency record of every mail. A worker claims a row with one UPDATE
 * (pending/retrying → sending, with its id and a short lease) right before it talks to SMTP, so two
 * workers holding jobs for the same delivery never both send; 'sent' rows are never claimed again.
 * The holder renews the lease while it sends; a row whose lease ran out belongs to a dead worker
 * and may be taken over (docs/0003-invitation-tokens.md, "Sending each mail once").
 */
import type { Db } from '@hailong/db';
import { sql } from 'drizzle-orm';

export interface ClaimedDelivery {
  id: string;
  kind: 'invitation' | 'reminder' | 'digest';
  round: number;
  invitationId: string | null;
  attempts: number;
}

const ms = (n: number) => sql`(${n}::double precision * interval '1 millisecond')`;

/** What a claimed invitation or reminder needs to be sent (undefined: invitation missing, or a digest). */
export interface MailContext {
  invitationId: string;
  email: string;
  fullName: string;
  unitName: string;
  campaignName: string;
  year: number;
  closesAt: Date;
  open: boolean;
  completed: boolean;
  bounced: boolean;
  optedOut: boolean;
}

export type ClaimedWithContext = ClaimedDelivery & { context: MailContext | undefined };

/**
 * Claims the row and reads what its mail needs in the same statement: one round trip per claim,
 * the claim taking effect whether or not the invitation still exists.
 */
export async function claimDelivery(
  db: Db,
  id: string,
  workerId: string,
  leaseMs: number,
): Promise<ClaimedWithContext | undefined> {
  const res = await db.execute<Record<string, unknown>>(sql`
    with d as (
      update mail_deliveries
      set status = 'sending', claimed_at = now(), claimed_by = ${workerId}, lease_until = now() + ${ms(leaseMs)}, attempts = attempts + 1
      where id = ${id} and (status in ('pending', 'retrying') or (status = 'sending' and lease_until < now()))
      returning id, kind, round, invitation_id, attempts
    )
    select d.id, d.kind, d.round, d.invitation_id, d.attempts, ${contextColumns}
    from d left join (${contextFrom}) on i.id = d.invitation_id and d.kind <> 'digest'`);
  const r = res.rows[0];
  return r ? claimedOf(r) : undefined;
}

/** Due for the dispatcher: pending, a retry whose time has come, or a dead worker's expired claim. */
const dueForClaim = sql`(status = 'pending' or (status = 'retrying' and (next_attempt_at is null or next_attempt_at <= now()))
      or (status = 'sending' and lease_until < now()))`;

/**
 * Claims up to `limit` due deliveries in one statement (FOR UPDATE SKIP LOCKED: workers claiming at
 * the same time get disjoint rows) and reads what their mails need, like claimDelivery.
 */
export async function claimDueDeliveries(
  db: Db,
  workerId: string,
  leaseMs: number,
  limit: number,
): Promise<ClaimedWithContext[]> {
  const res = await db.execute<Record<string, unknown>>(sql`
    with due as (
      select id from mail_deliveries where ${dueForClaim} limit ${limit} for update skip locked
    ), d as (
      update mail_deliveries m
      set status = 'sending', claimed_at = now(), claimed_by = ${workerId}, lease_until = now() + ${ms(leaseMs)}, attempts = m.attempts + 1
      from due where m.id = due.id
      returning m.id, m.kind, m.round, m.invitation_id, m.attempts
    )
    select d.id, d.kind, d.round, d.invitation_id, d.attempts, ${contextColumns}
    from d left join (${contextFrom}) on i.id = d.invitation_id and d.kind <> 'digest'`);
  return res.rows.map(claimedOf);
}

function claimedOf(r: Record<string, unknown>): ClaimedWithContext {
  const claimed: ClaimedDelivery = {
    id: String(r.id),
    kind: r.kind as ClaimedDelivery['kind'],
    round: Number(r.round),
    invitationId: (r.invitation_id as string | null) ?? null,
    attempts: Number(r.attempts),
  };
  return { ...claimed, context: r.ctx_id ? contextOf(r) : undefined };
}

const contextColumns = sql`i.id as ctx_id, r.email, r.full_name, u.name as unit_name, c.name as campaign_name, c.year, c.closes_at,
      (c.closed_at is null and c.opens_at <= now() and c.closes_at > now()) as open,
      i.completed_at is not null as completed, i.bounced_at is not null as bounced, r.opted_out_at is not null as opted_out`;
const contextFrom = sql`invitations i join respondents r on r.id = i.respondent_id join units u on u.id = r.unit_id
    join campaigns c on c.id = i.campaign_id`;

function contextOf(r: Record<string, unknown>): MailContext {
  return {
    invitationId: String(r.ctx_id),
    email: String(r.email),
    fullName: String(r.full_name),
    unitName: String(r.unit_name),
    campaignName: String(r.campaign_name),
    year: Number(r.year),
    closesAt: new Date(r.closes_at as string),
    open: Boolean(r.open),
    completed: Boolean(r.completed),
    bounced: Boolean(r.bounced),
    optedOut: Boolean(r.opted_out),
  };
}

/** Extends the leases of the rows this worker is sending right now (one statement for all). */
export async function renewLeases(db: Db, workerId: string, ids: string[], leaseMs: number): Promise<number> {
  if (ids.length === 0) return 0;
  const res = await db.execute(sql`
    update mail_deliveries set lease_until = now() + ${ms(leaseMs)}
    where id = any(${`{${ids.join(',')}}`}::uuid[]) and claimed_by = ${workerId} and status = 'sending'`);
  return res.rowCount ?? 0;
}

export async function deliveryStatus(db: Db, id: string): Promise<string | undefined> {
  const res = await db.execute<{ status: string }>(sql`select status from mail_deliveries where id = ${id}`);
  return res.rows[0]?.status;
}

/** One statement (one round trip): the window between the SMTP server's 250 and this commit is what
 * a crash could turn into a second mail, so it is kept as short as possible. */
export async function markSent(db: Db, d: ClaimedDelivery, messageId: string): Promise<void> {
  const invitationUpdate =
    d.kind === 'invitation'
      ? sql`update invitations set sent_at = coalesce(sent_at, now()), delivered_at = coalesce(delivered_at, now()), mail_failed_at = null where id = ${d.invitationId}`
      : sql`update invitations set last_reminded_at = now(), reminders_sent = reminders_sent + 1, mail_failed_at = null where id = ${d.invitationId}`;
  await db.execute(sql`
    with sent as (
      update mail_deliveries set status = 'sent', sent_at = now(), message_id = ${messageId}, last_error = null,
        claimed_by = null, lease_until = null, failing_since = null, next_attempt_at = null
      where id = ${d.id} returning id
    ), inv as (${invitationUpdate} and exists (select 1 from sent) returning id)
    select count(*) from sent`);
}

/**
 * markSent for many deliveries in one statement (one round trip, one commit): an invitation is
 * updated once even when several of its mails (two reminder rounds) are in the batch.
 */
export async function markSentMany(db: Db, sent: { d: ClaimedDelivery; messageId: string }[]): Promise<void> {
  if (sent.length === 0) return;
  const rows = JSON.stringify(sent.map((s) => ({ id: s.d.id, message_id: s.messageId })));
  await db.execute(sql`
    with v as (
      select * from jsonb_to_recordset(${rows}::jsonb) as v(id uuid, message_id text)
    ), sent as (
      update mail_deliveries m set status = 'sent', sent_at = now(), message_id = v.message_id, last_error = null,
        claimed_by = null, lease_until = null, failing_since = null, next_attempt_at = null
      from v where m.id = v.id returning m.kind, m.invitation_id
    ), inv as (
      update invitations i set
        sent_at = case when s.invited then coalesce(i.sent_at, now()) else i.sent_at end,
        delivered_at = case when s.invited then coalesce(i.delivered_at, now()) else i.delivered_at end,
        last_reminded_at = case when s.reminded > 0 then now() else i.last_reminded_at end,
        reminders_sent = i.reminders_sent + s.reminded, mail_failed_at = null
      from (
        select invitation_id, bool_or(kind = 'invitation') as invited, (count(*) filter (where kind = 'reminder'))::int as reminded
        from sent where invitation_id is not null group by invitation_id
      ) s
      where i.id = s.invitation_id returning i.id
    )
    select count(*) from inv`);
}

export async function markOutcome(db: Db, id: string, status: 'skipped', error: string): Promise<void> {
  await db.execute(
    sql`update mail_deliveries set status = ${status}, last_error = ${error.slice(0, 500)}, claimed_by = null, lease_until = null where id = ${id}`,
  );
}

export interface RetryDecision {
  status: 'retrying' | 'failed';
  /** Milliseconds until the next attempt (retrying only). */
  delayMs: number;
}

/**
 * A transient failure (4xx, refused, timeout): retry after `delayMs`, but never past the end of the
 * window that opened with the first failure; once the window is over the row is 'failed' (the
 * invitation shows as failed on the rates page until a re-send or a reminder delivers it).
 */
export async function markRetry(
  db: Db,
  d: ClaimedDelivery,
  error: string,
  delayMs: number,
  windowMs: number,
): Promise<RetryDecision> {
  const res = await db.execute<{ status: 'retrying' | 'failed'; delay_ms: number }>(sql`
    with d as (
      update mail_deliveries set
        status = case when coalesce(failing_since, now()) + ${ms(windowMs)} <= now() then 'failed' else 'retrying' end,
        failing_since = coalesce(failing_since, now()),
        next_attempt_at = least(now() + ${ms(delayMs)}, coalesce(failing_since, now()) + ${ms(windowMs)}),
        last_error = ${error.slice(0, 500)}, claimed_by = null, lease_until = null
      where id = ${d.id} returning status, next_attempt_at, invitation_id
    ), inv as (
      update invitations set mail_failed_at = now() where id = (select invitation_id from d where status = 'failed') returning id
    )
    select status, greatest(0, extract(epoch from next_attempt_at - now()) * 1000)::float8 as delay_ms from d`);
  const r = res.rows[0];
  return { status: r?.status ?? 'failed', delayMs: Number(r?.delay_ms ?? 0) };
}

export async function markBounced(db: Db, d: ClaimedDelivery, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`update mail_deliveries set status = 'bounced', last_error = ${reason.slice(0, 500)} where id = ${d.id}`);
    if (d.invitationId) {
      await tx.execute(
        sql`update invitations set bounced_at = coalesce(bounced_at, now()), bounce_reason = ${reason.slice(0, 500)} where id = ${d.invitationId}`,
      );
    }
  });
}

export interface DigestContext {
  focalPointEmail: string;
  unitName: string;
  campaignName: string;
  year: number;
  closesAt: Date;
  open: boolean;
  invited: number;
  completed: number;
  waiting: { fullName: string; email: string }[];
}

/** What a unit's focal point needs: the unit's counts and who has not answered. */
export async function loadDigestContext(db: Db, deliveryId: string): Promise<DigestContext | undefined> {
  const head = await db.execute<Record<string, unknown>>(sql`
    select u.focal_point_email, u.name as unit_name, c.name as campaign_name, c.year, c.closes_at,
      (c.closed_at is null and c.opens_at <= now() and c.closes_at > now()) as open, d.campaign_id, d.unit_id
    from mail_deliveries d join units u on u.id = d.unit_id join campaigns c on c.id = d.campaign_id
    where d.id = ${deliveryId}`);
  const h = head.rows[0];
  if (!h?.focal_point_email) return undefined;
  const people = await db.execute<{ full_name: string; email: string; completed: boolean }>(sql`
    select r.full_name, r.email, i.completed_at is not null as completed
    from invitations i join respondents r on r.id = i.respondent_id
    where i.campaign_id = ${h.campaign_id as string} and r.unit_id = ${h.unit_id as number} and r.opted_out_at is null
    order by r.full_name`);
  return {
    focalPointEmail: h.focal_point_email as string,
    unitName: String(h.unit_name),
    campaignName: String(h.campaign_name),
    year: Number(h.year),
    closesAt: new Date(h.closes_at as string),
    open: Boolean(h.open),
    invited: people.rows.length,
    completed: people.rows.filter((p) => p.completed).length,
    waiting: people.rows.filter((p) => !p.completed).map((p) => ({ fullName: p.full_name, email: p.email })),
  };
}
