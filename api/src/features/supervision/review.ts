/**
 * The review queue and supervisors' decisions. Observers (MTTQ, Hội CCB) see the queue without
 * answers or notes; supervisors and admins read each form's answers in words. A decision sets the response's review state (only `valid` responses count in
 * SIPAS) and writes an audit_log row in the same transaction.
 */
import type { ReviewItem } from '@hailong/contracts';
import { schema, type Db, type DbOrTx } from '@hailong/db';
import { describeAnswers, findForm, type Answers } from '@hailong/forms';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { AuthUser } from '../../plugins/auth.ts';
import { findStoredFormById } from '../forms/repo.ts';
import { placeColumns, placeJoins, placeOf, type PlaceRow } from '../localities/place.ts';
import { assertCanWatch } from './access.ts';
import { flagNotes } from './flag-notes.ts';

type QueueRow = PlaceRow & {
  id: string;
  client_id: string;
  enumerator_id: string;
  enumerator_name: string;
  unit_code: string;
  form_id: number;
  form_code: string;
  review_state: ReviewItem['reviewState'];
  review_reason: string | null;
  flags: string[];
  over_quota: boolean;
  started_at: Date | string | null;
  completed_at: Date | string | null;
  received_at: Date | string;
  answers: Answers;
  note: string | null;
  quota: number;
  settings: unknown;
  opens_at: Date | string;
  closes_at: Date | string;
  closed_at: Date | string | null;
  same_pattern: number;
};

const filters = {
  flagged: sql`(cardinality(r.flags) > 0 or r.review_state in ('pending', 'suspect'))`,
  pending: sql`r.review_state in ('pending', 'suspect')`,
  all: sql`true`,
};

const date = (d: Date | string) => new Date(d);
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

async function queueRows(db: DbOrTx, campaignId: string, state: keyof typeof filters, limit: number): Promise<QueueRow[]> {
  const r = await db.execute<QueueRow>(sql`
    select r.id, r.client_id, a.enumerator_id, u.full_name as enumerator_name, un.code as unit_code, r.form_id, f.code as form_code,
           r.review_state, r.review_reason, r.flags, r.over_quota, r.started_at, r.completed_at, r.received_at, r.answers, r.note,
           a.quota, c.settings, c.opens_at, c.closes_at, c.closed_at, ${placeColumns},
           case when 'identical_pattern' = any(r.flags) then (
             select count(*)::int from responses o join assignments oa on oa.id = o.source_id
             where o.channel = 'enumerator' and o.payload_hash = r.payload_hash and o.id <> r.id
               and oa.enumerator_id = a.enumerator_id and oa.campaign_id = a.campaign_id) else 0 end as same_pattern
    from responses r
    join assignments a on a.id = r.source_id
    join users u on u.id = a.enumerator_id
    join units un on un.id = r.unit_id
    join forms f on f.id = r.form_id
    join campaigns c on c.id = r.campaign_id
    ${placeJoins}
    where r.campaign_id = ${campaignId} and r.channel = 'enumerator' and ${filters[state]}
    order by r.received_at desc, r.id
    limit ${limit}`);
  return r.rows;
}

/**
 * The campaign's field forms needing review, newest first: flags with what they mean here, where
 * the interview was, and (not for observers) the answers, both as given and in words.
 */
export async function reviewQueue(
  db: DbOrTx,
  campaignId: string,
  state: keyof typeof filters,
  limit: number,
  withAnswers: boolean,
): Promise<ReviewItem[]> {
  const rows = await queueRows(db, campaignId, state, limit);
  const out: ReviewItem[] = [];
  for (const x of rows) {
    const form = await findStoredFormById(db, x.form_id);
    const facts = {
      startedAt: x.started_at === null ? null : date(x.started_at),
      completedAt: x.completed_at === null ? null : date(x.completed_at),
      settings: x.settings,
      opensAt: date(x.opens_at),
      closesAt: date(x.closes_at),
      closedAt: x.closed_at === null ? null : date(x.closed_at),
      quota: x.quota,
      samePattern: x.same_pattern,
    };
    out.push({
      id: x.id,
      clientId: x.client_id,
      enumeratorId: x.enumerator_id,
      enumeratorName: x.enumerator_name,
      unitCode: x.unit_code,
      formCode: x.form_code,
      reviewState: x.review_state,
      reviewReason: x.review_reason,
      flags: x.flags,
      overQuota: x.over_quota,
      startedAt: iso(x.started_at),
      completedAt: iso(x.completed_at),
      receivedAt: iso(x.received_at) ?? '',
      place: placeOf(x),
      formName: (form?.definition.shortTitle ?? findForm(x.form_code)?.shortTitle ?? form?.definition.title)?.vi ?? x.form_code,
      flagNotes: flagNotes(x.flags, facts),
      ...(withAnswers
        ? { answers: x.answers, note: x.note, answerLines: form ? describeAnswers(form.definition, x.answers) : [] }
        : {}),
    });
  }
  return out;
}

export async function decide(db: Db, user: AuthUser, responseId: string, state: 'valid' | 'invalid', reason: string) {
  const { responses, auditLog } = schema;
  const rows = await db
    .select({ campaignId: responses.campaignId, reviewState: responses.reviewState })
    .from(responses)
    .where(eq(responses.id, responseId))
    .limit(1);
  const prev = rows[0];
  if (!prev) throw new AppError('NOT_FOUND', { entity: 'response' });
  await assertCanWatch(db, user, prev.campaignId);
  await db.transaction(async (tx) => {
    await tx.update(responses).set({ reviewState: state, reviewReason: reason }).where(eq(responses.id, responseId));
    await tx.insert(auditLog).values({
      actorUserId: user.id,
      action: 'review_decision',
      entity: 'response',
      entityId: responseId,
      details: { from: prev.reviewState, to: state, campaignId: prev.campaignId },
    });
  });
  return { id: responseId, reviewState: state, reviewReason: reason };
}
