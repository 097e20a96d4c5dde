/**
 * A kiosk submission: device → open SIPAS campaign → anti-stuffing check → insert, in ONE round trip
 * to the database (`kiosk_submit`, migration 0008; docs/0005-kiosk-submit-path.md). The API
 * validates the answers against the form version and computes the payload hash first (the same
 * `checkAnswers`/`responsePayloadHash` as every channel's `storeResponse`), then decides replay (200)
 * or conflict (409) from what the function returns.
 *
 * Anti-stuffing is keyed by device, never by IP (a whole office shares one IP). A session whose
 * completion time is closer than `minIntervalSeconds` to another session of the same device, or
 * that would exceed `hourlyCap` sessions in the hour before it, is stored with review state
 * 'suspect', a flag and a reason, and stays out of results until a reviewer accepts it. Times are
 * the tablet's completion times, so a queue flushed after an outage is judged by when people
 * actually answered, not by when the network came back.
 */
import { FORM_CODES } from '@hailong/forms';
import type { KioskResponseInput } from '@hailong/contracts';
import type { Db, DbOrTx, ReviewState } from '@hailong/db';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { AppError } from '../../errors.ts';
import { consumeRatingCode, ratingCodeHash } from '../rating-codes/service.ts';
import { checkAnswers, responsePayloadHash, type StoreResult } from '../submissions/service.ts';
import { deviceUnitId } from './device-cache.ts';
import { latestForm, openSipasCampaign } from './target.ts';

const KIOSK_FORMS: readonly string[] = [FORM_CODES.quick, FORM_CODES.counter];

interface SubmitRow {
  outcome: 'unauthorized' | 'existing' | 'stored';
  id: string | null;
  unit_id: number | null;
  received_at: Date | null;
  review_state: ReviewState | null;
  payload_hash: string | null;
}

const SUBMIT_SQL = 'select * from kiosk_submit($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)';

function toResult(row: SubmitRow | undefined, clientId: string, hash: string): StoreResult {
  if (!row || row.outcome === 'unauthorized') throw new AppError('DEVICE_UNAUTHORIZED');
  if (row.outcome === 'existing' && row.payload_hash !== hash) throw new AppError('SUBMISSION_CONFLICT', { clientId });
  return {
    status: row.outcome === 'stored' ? 'stored' : 'replayed',
    receipt: { id: row.id ?? '', clientId, receivedAt: (row.received_at ?? new Date()).toISOString(), reviewState: row.review_state ?? 'valid' },
  };
}

/**
 * Submits one session for the device holding `tokenHash`. Unknown or revoked device → 401. Without a
 * rating code this is one autocommit statement on the pool (a named, prepared statement); with one,
 * the code is consumed in the same transaction as the insert (a replay does not consume it again).
 */
export async function submitKioskResponse(db: Db, pool: pg.Pool, secret: string, tokenHash: string, input: KioskResponseInput): Promise<StoreResult> {
  if (!KIOSK_FORMS.includes(input.formCode)) throw new AppError('FORM_UNKNOWN', { field: 'formCode' });
  const unitId = await deviceUnitId(db, tokenHash);
  if (unitId === undefined) throw new AppError('DEVICE_UNAUTHORIZED');
  const campaign = await openSipasCampaign(db);
  const form = await latestForm(db, input.formCode);
  const partial = input.partial ?? false;
  const answers = checkAnswers(form, input.answers, partial);
  const payloadExtra = input.ratingCode ? { ratingCode: ratingCodeHash(secret, input.ratingCode) } : {};
  const hash = responsePayloadHash({ form, answers, unitId, payloadExtra });
  const values = [
    tokenHash,
    input.clientId,
    campaign.id,
    form.id,
    JSON.stringify(answers),
    hash,
    input.startedAt,
    input.completedAt,
    partial,
    input.procedureName ?? null,
    input.appVersion ?? null,
    input.pendingCount ?? null,
  ];
  const ratingCode = input.ratingCode;
  if (!ratingCode) {
    const res = await pool.query<SubmitRow>({ name: 'kiosk_submit', text: SUBMIT_SQL, values });
    return toResult(res.rows[0], input.clientId, hash);
  }
  return db.transaction(async (tx) => {
    const row = await submitInTx(tx, values);
    const result = toResult(row, input.clientId, hash);
    if (result.status === 'stored') await consumeRatingCode(tx, secret, ratingCode, campaign.id, unitId);
    return result;
  });
}

async function submitInTx(tx: DbOrTx, values: unknown[]): Promise<SubmitRow | undefined> {
  const args = sql.join(values.map((v) => sql`${v}`), sql`, `);
  const res = await tx.execute(sql`select * from kiosk_submit(${args})`);
  const row = res.rows[0] as (Omit<SubmitRow, 'received_at'> & { received_at: Date | string | null }) | undefined;
  return row ? { ...row, received_at: row.received_at === null ? null : new Date(row.received_at) } : undefined;
}
