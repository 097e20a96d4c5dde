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

const CHUNK = 2000;

/**
 * Multi-row INSERT … ON CONFLICT (client_id) DO NOTHING; returns client id → new response id. The
 * rows travel as ONE jsonb parameter expanded by `jsonb_to_recordset` (not 14 bind parameters per
 * row): building and binding 14,000 parameters cost more than the insert itself.
 */
export async function insertPrepared(db: DbOrTx, rows: PreparedResponse[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const payload = rows.slice(i, i + CHUNK).map((r) => ({
      client_id: r.clientId,
      campaign_id: r.campaignId,
      form_id: r.form.id,
      unit_id: r.unitId,
      channel: r.channel,
      source_id: r.sourceId,
      answers: r.answers,
      payload_hash: r.payloadHash,
      review_state: r.reviewState,
      flags: r.flags,
      over_quota: r.overQuota,
      note: r.note,
      started_at: r.startedAt?.toISOString() ?? null,
      completed_at: r.completedAt?.toISOString() ?? null,
    }));
    const res = await db.execute(sql`
      insert into responses (client_id, campaign_id, form_id, unit_id, channel, source_id, answers, payload_hash,
                             review_state, flags, over_quota, note, started_at, completed_at)
      select client_id, campaign_id, form_id, unit_id, channel, source_id, answers, payload_hash,
             review_state, flags, over_quota, note, started_at, completed_at
        from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(
             client_id uuid, campaign_id uuid, form_id int, unit_id int, channel text, source_id uuid, answers jsonb,
             payload_hash text, review_state text, flags text[], over_quota boolean, note text,
             started_at timestamptz, completed_at timestamptz)
      on conflict (client_id) do nothing
      returning id, client_id as "clientId"`);
    for (const r of res.rows as { id: string; clientId: string }[]) out.set(r.clientId, r.id);
  }
  return out;
}
