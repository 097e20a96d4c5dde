/**
 * The review queue and supervisors' decisions. Observers (MTTQ, Hội CCB) see the queue without
 * answers or notes. A decision sets the response's review state (only `valid` responses count in
 * SIPAS) and writes an audit_log row in the same transaction.
 */
import type { ReviewItem } from '@hailong/contracts';
import { schema, type Db, type DbOrTx } from '@hailong/db';
import type { Answers } from '@hailong/forms';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { AuthUser } from '../../plugins/auth.ts';
import { assertCanWatch } from './access.ts';

type QueueRow = {
  id: string;
  client_id: string;
  enumerator_id: string;
  enumerator_name: string;
  unit_code: string;
  form_code: string;
  review_state: ReviewItem['reviewState'];
  review_reason: string | null;
  flags: string[];
  over_quota: boolean;
  started_at: Date | null;
  completed_at: Date | null;
  received_at: Date;
  answers: Answers;
  note: string | null;
};

const filters = {
  flagged: sql`(cardinality(r.flags) > 0 or r.review_state in ('pending', 'suspect'))`,
  pending: sql`r.review_state in ('pending', 'suspect')`,
  all: sql`true`,
};

export async function reviewQueue(db: DbOrTx, campaignId: string, state: keyof typeof filters, limit: number, withAnswers: boolean): Promise<ReviewItem[]> {
  const r = await db.execute<QueueRow>(sql`
    select r.id, r.client_id, a.enumerator_id, u.full_name as enumerator_name, un.code as unit_code, f.code as form_code,
           r.review_state, r.review_reason, r.flags, r.over_quota, r.started_at, r.completed_at, r.received_at, r.answers, r.note
    from responses r
    join assignments a on a.id = r.source_id
    join users u on u.id = a.enumerator_id
    join units un on un.id = r.unit_id
    join forms f on f.id = r.form_id
    where r.campaign_id = ${campaignId} and r.channel = 'enumerator' and ${filters[state]}
    order by r.received_at desc, r.id
    limit ${limit}`);
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return r.rows.map((x) => ({
    id: x.id, clientId: x.client_id, enumeratorId: x.enumerator_id, enumeratorName: x.enumerator_name, unitCode: x.unit_code,
    formCode: x.form_code, reviewState: x.review_state, reviewReason: x.review_reason, flags: x.flags, overQuota: x.over_quota,
    startedAt: iso(x.started_at), completedAt: iso(x.completed_at), receivedAt: iso(x.received_at) ?? '',
    ...(withAnswers ? { answers: x.answers, note: x.note } : {}),
  }));
}

export async function decide(db: Db, user: AuthUser, responseId: string, state: 'valid' | 'invalid', reason: string) {
  const { responses, auditLog } = schema;
  const rows = await db.select({ campaignId: responses.campaignId, reviewState: responses.reviewState }).from(responses).where(eq(responses.id, responseId)).limit(1);
  const prev = rows[0];
  if (!prev) throw new AppError('NOT_FOUND', { entity: 'response' });
  await assertCanWatch(db, user, prev.campaignId);
  await db.transaction(async (tx) => {
    await tx.update(responses).set({ reviewState: state, reviewReason: reason }).where(eq(responses.id, responseId));
    await tx.insert(auditLog).values({
      actorUserId: user.id, action: 'review_decision', entity: 'response', entityId: responseId,
      details: { from: prev.reviewState, to: state, campaignId: prev.campaignId },
    });
  });
  return { id: responseId, reviewState: state, reviewReason: reason };
}
