/**
 * Who a send reaches and who it leaves out, by reason (issue 17 item 2). The same conditions are
 * used by the preview and by the send itself, so the confirmation's count is what goes out.
 */
import type { MailSkipReason, MailSkipped } from '@hailong/contracts';
import type { DbOrTx } from '@hailong/db';
import { sql, type SQL } from 'drizzle-orm';

const NAMED = 50;

/** Reminder status of each respondent of the campaign, as one SQL CASE. */
function reminderStatus(gapStart: Date): SQL {
  return sql`case
    when i.id is null or i.sent_at is null then 'not_invited'
    when i.completed_at is not null then 'completed'
    when r.opted_out_at is not null then 'opted_out'
    when i.bounced_at is not null then 'bounced'
    when exists (select 1 from mail_deliveries d where d.invitation_id = i.id and d.kind = 'reminder' and d.created_at > ${gapStart}) then 'recently_reminded'
    else 'due' end`;
}

function invitationStatus(): SQL {
  return sql`case
    when r.opted_out_at is not null then 'opted_out'
    when exists (select 1 from mail_deliveries d where d.invitation_id = i.id and d.kind = 'invitation') then 'already_invited'
    else 'due' end`;
}

export interface Audience {
  recipients: number;
  skipped: MailSkipped[];
}

type Row = { status: string; n: number; people: { fullName: string; email: string }[] | null };

export async function audience(
  db: DbOrTx,
  campaignId: string,
  kind: 'invitation' | 'reminder',
  gapStart: Date,
): Promise<Audience> {
  const status = kind === 'reminder' ? reminderStatus(gapStart) : invitationStatus();
  const res = await db.execute<Row>(sql`
    with s as (
      select ${status} as status, r.full_name, r.email from respondents r
      left join invitations i on i.respondent_id = r.id
      where r.campaign_id = ${campaignId}
    )
    select status, count(*)::int as n,
      (select json_agg(json_build_object('fullName', x.full_name, 'email', x.email) order by x.full_name)
         from (select full_name, email from s s2 where s2.status = s.status order by full_name limit ${NAMED}) x) as people
    from s group by status`);
  let recipients = 0;
  const skipped: MailSkipped[] = [];
  for (const r of res.rows) {
    if (r.status === 'due') recipients = r.n;
    else skipped.push({ reason: r.status as MailSkipReason, count: r.n, people: r.people ?? [] });
  }
  skipped.sort((a, b) => b.count - a.count);
  return { recipients, skipped };
}
