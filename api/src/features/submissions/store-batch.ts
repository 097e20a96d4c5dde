/**
 * The batch variant of `storeResponse` for offline channels that upload hundreds of forms at once
 * (enumerator sync). Same rules — answers validated against the form version, payload hash decides
 * replay vs. conflict, `INSERT … ON CONFLICT (client_id) DO NOTHING` — but validation happens in
 * memory first and rows go to the database in multi-row statements, so 10,000 forms cost a few
 * dozen round trips instead of 20,000. Callers run `findExisting` and `insertPrepared` inside one
 * transaction so a batch is written completely or not at all.
 */
import { validateAnswers, type AnswerError, type Answers } from '@hailong/forms';
import { schema, type DbOrTx, type ResponseChannel, type ReviewState } from '@hailong/db';
import { sql } from 'drizzle-orm';
import type { StoredForm } from '../forms/repo.ts';
import { responsePayloadHash } from './service.ts';
import { pgArray } from './pg-array.ts';

export interface PreparedResponse {
  clientId: string;
  campaignId: string;
  form: StoredForm;
  unitId: number;
  channel: ResponseChannel;
  sourceId: string | null;
  answers: Answers;
  payloadHash: string;
  reviewState: ReviewState;
  flags: string[];
  overQuota: boolean;
  note: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
}

export type PrepareOutcome = { ok: true; answers: Answers; payloadHash: string } | { ok: false; errors: AnswerError[] };

/** Validates and hashes one response in memory (no I/O). */
export function prepareAnswers(form: StoredForm, unitId: number, answers: unknown): PrepareOutcome {
  const v = validateAnswers(form.definition, answers);
  if (!v.ok) return { ok: false, errors: v.errors };
  return { ok: true, answers: v.answers, payloadHash: responsePayloadHash({ form, unitId, answers: v.answers }) };
}

/** Stored responses among these client ids: client id → { id, payloadHash }. */
export async function findExisting(db: DbOrTx, clientIds: string[]): Promise<Map<string, { id: string; payloadHash: string }>> {
  const out = new Map<string, { id: string; payloadHash: string }>();
  const { responses } = schema;
  for (let i = 0; i < clientIds.length; i += 5000) {
    const chunk = clientIds.slice(i, i + 5000);
    const rows = await db
      .select({ id: responses.id, clientId: responses.clientId, payloadHash: responses.payloadHash })
      .from(responses)
      .where(sql`${responses.clientId} = any(${pgArray(chunk)}::uuid[])`);
    for (const r of rows) out.set(r.clientId, { id: r.id, payloadHash: r.payloadHash });
  }
  return out;
}

const CHUNK = 1000; // 17 columns × 1,000 rows stays well under PostgreSQL's 65,535 parameters

/** Multi-row INSERT … ON CONFLICT (client_id) DO NOTHING; returns client id → new response id. */
export async function insertPrepared(db: DbOrTx, rows: PreparedResponse[]): Promise<Map<string, string>> {
  const { responses } = schema;
  const out = new Map<string, string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map((r) => ({
      clientId: r.clientId,
      campaignId: r.campaignId,
      formId: r.form.id,
      unitId: r.unitId,
      channel: r.channel,
      sourceId: r.sourceId,
      answers: r.answers,
      payloadHash: r.payloadHash,
      reviewState: r.reviewState,
      flags: r.flags,
      overQuota: r.overQuota,
      note: r.note,
      startedAt: r.startedAt,
      completedAt: r.completedAt,
    }));
    const inserted = await db
      .insert(responses)
      .values(values)
      .onConflictDoNothing({ target: responses.clientId })
      .returning({ id: responses.id, clientId: responses.clientId });
    for (const r of inserted) out.set(r.clientId, r.id);
  }
  return out;
}
