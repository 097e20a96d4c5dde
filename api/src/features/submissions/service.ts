/**
 * The one response write path, shared by every channel (email, kiosk, online, enumerator).
 * Validate against the form version → INSERT … ON CONFLICT (client_id) DO NOTHING → "stored"
 * (new) or "replayed" (same client id and identical payload; the original receipt) — a different
 * payload under the same client id is 409 SUBMISSION_CONFLICT. Never touches Redis.
 */
import { validateAnswers, type Answers } from '@hailong/forms';
import { schema, type DbOrTx, type ResponseChannel, type ReviewState } from '@hailong/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { payloadHash } from '../../lib/tokens.ts';
import type { StoredForm } from '../forms/repo.ts';

export interface NewResponse {
  clientId: string;
  campaignId: string;
  form: StoredForm;
  unitId: number;
  channel: ResponseChannel;
  sourceId?: string | null;
  answers: unknown;
  startedAt?: Date | null;
  completedAt?: Date | null;
  /** Defaults to the database's now(); staff answers store the day only (docs/0012). */
  receivedAt?: Date;
  reviewState?: ReviewState;
  reviewReason?: string | null;
  flags?: string[];
  partial?: boolean;
  overQuota?: boolean;
  dossierCodeHash?: string | null;
  procedureName?: string | null;
  note?: string | null;
  /** Validate as a partial response (kiosk idle reset keeps what was answered). */
  partialValidation?: boolean;
  /** Extra fields that belong to the idempotency payload (e.g. the dossier code hash). */
  payloadExtra?: Record<string, unknown>;
}

export interface Receipt {
  id: string;
  clientId: string;
  receivedAt: string;
  reviewState: ReviewState;
}

export type StoreResult = { status: 'stored' | 'replayed'; receipt: Receipt };

/** Validates answers against the form version; throws ANSWERS_INVALID with per-question errors. */
export function checkAnswers(form: StoredForm, answers: unknown, partial = false): Answers {
  const v = validateAnswers(form.definition, answers, { partial });
  if (!v.ok) throw new AppError('ANSWERS_INVALID', v.errors);
  return v.answers;
}

/** The fields that decide whether a resend is a replay or a conflict. */
export function responsePayloadHash(r: Pick<NewResponse, 'form' | 'answers' | 'payloadExtra'> & { unitId: number }): string {
  return payloadHash({ form: r.form.code, version: r.form.version, unit: r.unitId, answers: r.answers, ...r.payloadExtra });
}

function receiptOf(row: { id: string; clientId: string; receivedAt: Date; reviewState: ReviewState }): Receipt {
  return { id: row.id, clientId: row.clientId, receivedAt: row.receivedAt.toISOString(), reviewState: row.reviewState };
}

/** Stores one response idempotently. Pass a transaction when it is part of a larger change. */
export async function storeResponse(db: DbOrTx, r: NewResponse): Promise<StoreResult> {
  const answers = checkAnswers(r.form, r.answers, r.partialValidation);
  const hash = responsePayloadHash({ ...r, answers });
  const { responses } = schema;
  const inserted = await db
    .insert(responses)
    .values({
      clientId: r.clientId,
      campaignId: r.campaignId,
      formId: r.form.id,
      unitId: r.unitId,
      channel: r.channel,
      sourceId: r.sourceId ?? null,
      answers,
      payloadHash: hash,
      reviewState: r.reviewState ?? 'valid',
      reviewReason: r.reviewReason ?? null,
      flags: r.flags ?? [],
      partial: r.partial ?? false,
      overQuota: r.overQuota ?? false,
      dossierCodeHash: r.dossierCodeHash ?? null,
      procedureName: r.procedureName ?? null,
      note: r.note ?? null,
      startedAt: r.startedAt ?? null,
      completedAt: r.completedAt ?? null,
      ...(r.receivedAt ? { receivedAt: r.receivedAt } : {}),
    })
    .onConflictDoNothing({ target: responses.clientId })
    .returning({
      id: responses.id,
      clientId: responses.clientId,
      receivedAt: responses.receivedAt,
      reviewState: responses.reviewState,
    });
  if (inserted[0]) return { status: 'stored', receipt: receiptOf(inserted[0]) };
  const existing = await db
    .select({
      id: responses.id,
      clientId: responses.clientId,
      receivedAt: responses.receivedAt,
      reviewState: responses.reviewState,
      payloadHash: responses.payloadHash,
    })
    .from(responses)
    .where(eq(responses.clientId, r.clientId))
    .limit(1);
  const prev = existing[0];
  if (!prev) throw new AppError('CONFLICT', { reason: 'another constraint rejected the response' });
  if (prev.payloadHash !== hash) throw new AppError('SUBMISSION_CONFLICT', { clientId: r.clientId });
  return { status: 'replayed', receipt: receiptOf(prev) };
}
