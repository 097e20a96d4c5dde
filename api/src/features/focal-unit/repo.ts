/** SQL of a focal point's unit: every query takes the unit id from the session, never from the caller. */
import type { DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';

export type UnitRow = { code: string; name: string };

export async function unitOf(db: DbOrTx, unitId: number): Promise<UnitRow | undefined> {
  const res = await db.execute<UnitRow>(sql`select code, name from units where id = ${unitId}`);
  return res.rows[0];
}

export type CampaignRateRow = {
  id: string;
  name: string;
  year: number;
  opens_at: Date;
  closes_at: Date;
  closed_at: Date | null;
  personal_data_purged_at: Date | null;
  respondent_group: string;
  invited: number;
  delivered: number;
  completed: number;
};

/**
 * Staff campaigns with respondents in the unit, newest first, one row per template (respondent
 * group): invitations, delivered and completed. Counts only — never an answer.
 */
export async function ratesByCampaignAndGroup(db: DbOrTx, unitId: number): Promise<CampaignRateRow[]> {
  const res = await db.execute<CampaignRateRow>(sql`
    select c.id, c.name, c.year, c.opens_at, c.closes_at, c.closed_at, c.personal_data_purged_at,
      r.respondent_group,
      count(i.id)::int as invited,
      count(i.delivered_at)::int as delivered,
      count(i.completed_at)::int as completed
    from campaigns c
    join respondents r on r.campaign_id = c.id and r.unit_id = ${unitId}
    left join invitations i on i.respondent_id = r.id
    where c.kind = 'staff'
    group by c.id, r.respondent_group
    order by c.opens_at desc, c.id, r.respondent_group`);
  return res.rows;
}

/** Whether the unit has respondents in the campaign (a staff campaign "their unit takes part in"). */
export async function unitTakesPart(db: DbOrTx, campaignId: string, unitId: number): Promise<boolean> {
  const res = await db.execute<{ ok: boolean }>(sql`
    select exists (select 1 from respondents where campaign_id = ${campaignId} and unit_id = ${unitId}) as ok`);
  return res.rows[0]?.ok ?? false;
}

export type NonRespondentRow = {
  respondent_id: string;
  full_name: string;
  email: string;
  respondent_group: string;
  delivery: string;
  last_reminded_at: Date | null;
  reminders_sent: number;
};

const delivery = sql`case
  when r.opted_out_at is not null then 'opted_out'
  when i.bounced_at is not null then 'bounced'
  when i.delivered_at is not null then 'delivered'
  when i.mail_failed_at is not null then 'failed'
  when i.sent_at is not null then 'sent'
  when exists (select 1 from mail_deliveries d where d.invitation_id = i.id and d.kind = 'invitation') then 'queued'
  else 'not_invited' end`;

/** The unit's respondents of the campaign who have not completed: their own mail state only. */
export async function nonRespondents(db: DbOrTx, campaignId: string, unitId: number): Promise<NonRespondentRow[]> {
  const res = await db.execute<NonRespondentRow>(sql`
    select r.id as respondent_id, r.full_name, r.email, r.respondent_group, ${delivery} as delivery,
      i.last_reminded_at, coalesce(i.reminders_sent, 0)::int as reminders_sent
    from respondents r
    left join invitations i on i.respondent_id = r.id
    where r.campaign_id = ${campaignId} and r.unit_id = ${unitId} and i.completed_at is null
    order by r.respondent_group, r.full_name, r.id`);
  return res.rows;
}

export type ResendTarget = {
  invitation_id: string | null;
  sent_at: Date | null;
  completed_at: Date | null;
  bounced_at: Date | null;
  opted_out_at: Date | null;
  last_reminder_at: Date | null;
  failed_invitation: boolean;
};

/**
 * The respondent, if they belong to the unit and the campaign, with their invitation locked
 * (`FOR UPDATE`): two resends of the same person run one after the other, and the second sees the first's mail.
 */
export async function lockResendTarget(
  db: DbOrTx,
  campaignId: string,
  unitId: number,
  respondentId: string,
): Promise<ResendTarget | undefined> {
  const res = await db.execute<ResendTarget>(sql`
    select i.id as invitation_id, i.sent_at, i.completed_at, i.bounced_at, r.opted_out_at,
      (select max(d.created_at) from mail_deliveries d where d.invitation_id = i.id and d.kind = 'reminder') as last_reminder_at,
      exists (select 1 from mail_deliveries d where d.invitation_id = i.id and d.kind = 'invitation' and d.status = 'failed') as failed_invitation
    from respondents r
    left join invitations i on i.respondent_id = r.id
    where r.id = ${respondentId} and r.campaign_id = ${campaignId} and r.unit_id = ${unitId}
    for update of r`);
  return res.rows[0];
}

/** The next reminder round for one invitation; the unique (invitation, kind, round) key backs "once". */
export async function insertReminder(
  db: DbOrTx,
  campaignId: string,
  invitationId: string,
): Promise<{ id: string; round: number } | undefined> {
  const res = await db.execute<{ id: string; round: number }>(sql`
    insert into mail_deliveries (campaign_id, invitation_id, kind, round)
    values (${campaignId}, ${invitationId}, 'reminder',
      coalesce((select max(d.round) from mail_deliveries d where d.invitation_id = ${invitationId} and d.kind = 'reminder'), 0) + 1)
    on conflict do nothing
    returning id, round`);
  return res.rows[0];
}

/** Puts a failed invitation mail (gave up after the retry window) back to pending with a fresh window. */
export async function rearmInvitation(
  db: DbOrTx,
  invitationId: string,
): Promise<{ id: string; kind: string; attempts: number } | undefined> {
  const res = await db.execute<{ id: string; kind: string; attempts: number }>(sql`
    update mail_deliveries set status = 'pending', failing_since = null, next_attempt_at = null, last_error = null
    where invitation_id = ${invitationId} and kind = 'invitation' and status = 'failed'
    returning id, kind, attempts`);
  await db.execute(sql`update invitations set mail_failed_at = null where id = ${invitationId}`);
  return res.rows[0];
}
