/**
 * Suspect kiosk and online responses of a campaign, newest first, for review (issue 5 item 4:
 * flagged by the device's anti-stuffing limits, excluded from SIPAS until a reviewer accepts them).
 * Only ratings leave the server: numeric answers, no dossier-code hash, no free text.
 */
import type { SuspectQuery, SuspectResponse, SuspectResponses } from '@hailong/contracts';
import type { DbOrTx } from '@hailong/db';
import { sql, type SQL } from 'drizzle-orm';
import { responseInWindow } from '../aggregation/campaign-window.ts';
import { countSuspectResponses } from '../aggregation/review-state-counts-repo.ts';
import { getCampaign } from '../campaigns/service.ts';

interface SuspectRow {
  id: string;
  unitCode: string;
  unitName: string;
  channel: 'kiosk' | 'online';
  counterName: string | null;
  formCode: string;
  completedAt: Date | string | null;
  receivedAt: Date | string;
  flags: string[] | null;
  reviewReason: string | null;
  inWindow: boolean;
  answers: Record<string, unknown> | null;
}

function whereSuspect(campaignId: string, unitCode: string | undefined): SQL {
  return sql`r.campaign_id = ${campaignId} and r.review_state = 'suspect' and r.channel in ('kiosk', 'online')
    ${unitCode ? sql`and u.code = ${unitCode}` : sql``}`;
}

async function suspectRows(db: DbOrTx, campaignId: string, q: SuspectQuery): Promise<SuspectRow[]> {
  const res = await db.execute(sql`
    select r.id, u.code as "unitCode", u.name as "unitName", r.channel, k.counter_name as "counterName", f.code as "formCode",
           r.completed_at as "completedAt", r.received_at as "receivedAt", r.flags, r.review_reason as "reviewReason",
           (${responseInWindow}) as "inWindow", r.answers
      from responses r
      join units u on u.id = r.unit_id
      join forms f on f.id = r.form_id
      join campaigns c on c.id = r.campaign_id
      left join kiosk_devices k on r.channel = 'kiosk' and k.id = r.source_id
     where ${whereSuspect(campaignId, q.unitCode)}
     order by coalesce(r.completed_at, r.received_at) desc, r.id desc
     limit ${q.limit} offset ${q.offset}`);
  return res.rows as unknown as SuspectRow[];
}

const iso = (v: Date | string): string => new Date(v).toISOString();

/** Numeric answers only: the rating questions (free text could carry personal data). */
export function ratingsOnly(answers: Record<string, unknown> | null): Record<string, number> {
  return Object.fromEntries(
    Object.entries(answers ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])),
  );
}

function toSuspect(r: SuspectRow): SuspectResponse {
  return {
    id: r.id,
    unitCode: r.unitCode,
    unitName: r.unitName,
    channel: r.channel,
    counterName: r.counterName,
    formCode: r.formCode,
    completedAt: r.completedAt === null ? null : iso(r.completedAt),
    receivedAt: iso(r.receivedAt),
    flags: r.flags ?? [],
    reviewReason: r.reviewReason,
    inWindow: Boolean(r.inWindow),
    answers: ratingsOnly(r.answers),
  };
}

/**
 * One page of the campaign's suspect responses and their total (404 for an unknown campaign); the
 * total comes from the review-state counts, not from counting the rows.
 */
export async function listSuspectResponses(db: DbOrTx, campaignId: string, q: SuspectQuery): Promise<SuspectResponses> {
  await getCampaign(db, campaignId);
  const [total, rows] = await Promise.all([
    countSuspectResponses(db, campaignId, q.unitCode || undefined),
    suspectRows(db, campaignId, q),
  ]);
  return { total, limit: q.limit, offset: q.offset, responses: rows.map(toSuspect) };
}
