/** Mail rounds of a campaign for the dashboard: when each went out and what it reached. */
import type { MailRounds } from '@hailong/contracts';
import type { DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';
import { getCampaign } from '../campaigns/service.ts';

type Row = {
  kind: 'invitation' | 'reminder' | 'digest';
  round: number;
  first_queued_at: Date | string;
  last_sent_at: Date | string | null;
  total: number;
  sent: number;
  pending: number;
  failed: number;
  answered_after: number;
};
const iso = (v: Date | string) => new Date(v).toISOString();

export async function mailRounds(db: DbOrTx, campaignId: string): Promise<MailRounds['rounds']> {
  await getCampaign(db, campaignId);
  const res = await db.execute<Row>(sql`
    select d.kind, d.round, min(d.created_at) as first_queued_at, max(d.sent_at) as last_sent_at, count(*)::int as total,
      count(*) filter (where d.status = 'sent')::int as sent,
      count(*) filter (where d.status in ('pending', 'sending'))::int as pending,
      count(*) filter (where d.status in ('failed', 'bounced'))::int as failed,
      count(*) filter (where i.completed_at > d.created_at)::int as answered_after
    from mail_deliveries d left join invitations i on i.id = d.invitation_id
    where d.campaign_id = ${campaignId}
    group by d.kind, d.round order by min(d.created_at), d.kind, d.round`);
  return res.rows.map((r) => ({
    kind: r.kind,
    round: r.round,
    firstQueuedAt: iso(r.first_queued_at),
    lastSentAt: r.last_sent_at ? iso(r.last_sent_at) : null,
    total: r.total,
    sent: r.sent,
    pending: r.pending,
    failed: r.failed,
    answeredAfter: r.answered_after,
  }));
}
