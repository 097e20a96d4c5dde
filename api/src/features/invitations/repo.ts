import { schema, type DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';

const { invitations } = schema;

export async function respondentsWithoutInvitation(db: DbOrTx, campaignId: string): Promise<{ id: string; group: string }[]> {
  const res = await db.execute<{ id: string; group: string }>(sql`
    select r.id, r.respondent_group as "group" from respondents r
    where r.campaign_id = ${campaignId}
      and not exists (select 1 from invitations i where i.respondent_id = r.id)`);
  return res.rows;
}

export async function insertInvitations(db: DbOrTx, values: (typeof invitations.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < values.length; i += 500) await db.insert(invitations).values(values.slice(i, i + 500));
}

/** One invitation mail (round 0) per invitation that has none yet; returns the new delivery ids. */
export async function createInvitationDeliveries(db: DbOrTx, campaignId: string): Promise<string[]> {
  const res = await db.execute<{ id: string }>(sql`
    insert into mail_deliveries (campaign_id, invitation_id, kind, round)
    select i.campaign_id, i.id, 'invitation', 0 from invitations i
    join respondents r on r.id = i.respondent_id
    where i.campaign_id = ${campaignId} and r.opted_out_at is null
    on conflict do nothing
    returning id`);
  return res.rows.map((r) => r.id);
}

/**
 * The next reminder round of every invitation still waiting for an answer (not completed, not
 * bounced, not opted out, invitation mail sent, not reminded since `gapStart`). The unique (invitation, kind, round) key makes a
 * concurrent second "remind now" a no-op rather than a second mail.
 */
export async function createReminderDeliveries(db: DbOrTx, campaignId: string, gapStart: Date): Promise<string[]> {
  const res = await db.execute<{ id: string }>(sql`
    insert into mail_deliveries (campaign_id, invitation_id, kind, round)
    select i.campaign_id, i.id, 'reminder',
      coalesce((select max(d.round) from mail_deliveries d where d.invitation_id = i.id and d.kind = 'reminder'), 0) + 1
    from invitations i
    join respondents r on r.id = i.respondent_id
    where i.campaign_id = ${campaignId} and i.completed_at is null and i.bounced_at is null
      and r.opted_out_at is null and i.sent_at is not null
      and not exists (select 1 from mail_deliveries g where g.invitation_id = i.id and g.kind = 'reminder' and g.created_at > ${gapStart})
    on conflict do nothing
    returning id`);
  return res.rows.map((r) => r.id);
}

export type RearmedDelivery = {
  id: string;
  kind: string;
  /** Attempts made before the re-arm: the job of the next one is `mail-<id>-a<attempts>`. */
  attempts: number;
};

/**
 * Puts the campaign's deliveries that gave up after the retry window ('failed') back to 'pending',
 * with a fresh window: invitation mails on a re-send, and on "remind now" the invitation mails of
 * those whose invitation never arrived (a reminder round is for people who have the link). A
 * respondent who has answered, bounced or opted out since is not re-armed.
 */
export async function rearmFailedInvitationMails(db: DbOrTx, campaignId: string): Promise<RearmedDelivery[]> {
  const res = await db.execute<RearmedDelivery>(sql`
    with d as (
      update mail_deliveries d set status = 'pending', failing_since = null, next_attempt_at = null, last_error = null
      from invitations i join respondents r on r.id = i.respondent_id
      where d.invitation_id = i.id and d.campaign_id = ${campaignId} and d.kind = 'invitation' and d.status = 'failed'
        and i.completed_at is null and i.bounced_at is null and r.opted_out_at is null
      returning d.id, d.kind, d.attempts, d.invitation_id
    ), inv as (update invitations set mail_failed_at = null where id in (select invitation_id from d) returning id)
    select id, kind, attempts from d`);
  return res.rows;
}
