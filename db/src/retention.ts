/**
 * Personal data by purpose and time (issue 14, docs/0014): RETENTION_DAYS after a campaign closes,
 * its personal data goes — respondents' names, emails and phones, bounce reasons and mail errors
 * (they quote addresses), enumerators' interview notes and back-check notes (free text that may name
 * or locate a citizen). Counts, rates (invitations keep their history) and the anonymous answers
 * stay. Shared by the API (preview) and the worker (the purge, from the sweeper), in one
 * transaction with its audit row.
 */
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from './client.ts';

export type PersonalDataCounts = {
  respondents: number;
  phones: number;
  bounceReasons: number;
  mailErrors: number;
  interviewNotes: number;
  backCheckNotes: number;
};

/** What the purge would remove from one campaign now (everything still there). */
export async function personalDataOf(db: DbOrTx, campaignId: string): Promise<PersonalDataCounts> {
  const r = await db.execute<PersonalDataCounts>(sql`
    select
      (select count(*)::int from respondents where campaign_id = ${campaignId} and full_name <> '') as "respondents",
      (select count(*)::int from respondents where campaign_id = ${campaignId} and phone is not null) as "phones",
      (select count(*)::int from invitations where campaign_id = ${campaignId} and bounce_reason is not null) as "bounceReasons",
      (select count(*)::int from mail_deliveries where campaign_id = ${campaignId} and last_error is not null) as "mailErrors",
      (select count(*)::int from responses where campaign_id = ${campaignId} and note is not null) as "interviewNotes",
      (select count(*)::int from back_checks b join responses r on r.id = b.response_id
        where r.campaign_id = ${campaignId} and b.note is not null) as "backCheckNotes"`);
  const row = r.rows[0];
  if (!row) throw new Error('personal data counts: no row');
  return row;
}

/** The day the campaign's personal data is due for deletion: (closed early ?? planned close) + days. */
export function purgeDueAt(c: { closesAt: Date; closedAt: Date | null }, retentionDays: number): Date {
  const closed = c.closedAt && c.closedAt < c.closesAt ? c.closedAt : c.closesAt;
  return new Date(closed.getTime() + retentionDays * 86_400_000);
}

/** Campaigns whose personal data is due for deletion at `now` and not yet deleted. */
export async function campaignsDueForPurge(db: DbOrTx, now: Date, retentionDays: number): Promise<string[]> {
  const r = await db.execute<{ id: string }>(sql`
    select id from campaigns
     where personal_data_purged_at is null
       and least(coalesce(closed_at, closes_at), closes_at) + make_interval(days => ${retentionDays}::int) <= ${now.toISOString()}::timestamptz
     order by id`);
  return r.rows.map((x) => x.id);
}

/** Deletes one campaign's personal data and writes the audit row, in one transaction. Idempotent. */
export async function purgePersonalData(
  db: Db,
  campaignId: string,
  now: Date,
  actorUserId: string | null = null,
): Promise<PersonalDataCounts | null> {
  return db.transaction(async (tx) => {
    const locked = await tx.execute<{ purged: Date | null }>(
      sql`select personal_data_purged_at as purged from campaigns where id = ${campaignId} for update`,
    );
    if (!locked.rows[0] || locked.rows[0].purged) return null;
    const removed = await personalDataOf(tx, campaignId);
    await tx.execute(
      sql`update respondents set full_name = '', email = id::text || '@removed.invalid', phone = null where campaign_id = ${campaignId}`,
    );
    await tx.execute(
      sql`update invitations set bounce_reason = null where campaign_id = ${campaignId} and bounce_reason is not null`,
    );
    await tx.execute(
      sql`update mail_deliveries set last_error = null where campaign_id = ${campaignId} and last_error is not null`,
    );
    await tx.execute(
      sql`update back_checks b set note = null from responses r where r.id = b.response_id and r.campaign_id = ${campaignId} and b.note is not null`,
    );
    await tx.execute(sql`update responses set note = null where campaign_id = ${campaignId} and note is not null`);
    await tx.execute(
      sql`update campaigns set personal_data_purged_at = ${now.toISOString()}::timestamptz where id = ${campaignId}`,
    );
    await tx.execute(sql`insert into audit_log (actor_user_id, action, entity, entity_id, details)
      values (${actorUserId}, 'personal_data.purge', 'campaign', ${campaignId}, ${JSON.stringify(removed)}::jsonb)`);
    return removed;
  });
}
