/**
 * The online form's database side: the unit of a link (cached; a unit's code never changes and is
 * never reused) and the one call that judges and stores forms 02 (`online_submit_batch`, migration
 * 0036), with the forms that arrived meanwhile (submissions/batcher.ts).
 */
import { schema, type DbOrTx, type ReviewState } from '@hailong/db';
import { eq, sql } from 'drizzle-orm';
import type pg from 'pg';
import { immutableLookup } from '../../lib/immutable-lookup.ts';
import { SubmitBatcher } from '../submissions/batcher.ts';

/** The id of the unit with this code, or undefined (unknown codes are not cached). */
export const findUnitId = immutableLookup<number>(10_000, async (db, unitCode) => {
  const { units } = schema;
  const rows = await db.select({ id: units.id }).from(units).where(eq(units.code, unitCode)).limit(1);
  return rows[0]?.id;
});

/** One form 02 as `online_submit_batch` (migration 0036) takes it. */
export interface OnlineSubmission {
  clientId: string;
  campaignId: string;
  formId: number;
  unitId: number;
  /** Keyed hash of the caller's address (stuffing.ts). */
  sourceId: string;
  answers: unknown;
  payloadHash: string;
  startedAt: string | null;
  completedAt: string | null;
  dossierCodeHash: string | null;
  /** A dossier number or a rating code came with the form (a unit may require one). */
  codeGiven: boolean;
  addressLimit: number;
  unitLimit: number;
}

export interface OnlineSubmitRow {
  idx: number;
  outcome: 'stored' | 'existing' | 'code_required';
  id: string | null;
  received_at: Date | null;
  review_state: ReviewState | null;
  payload_hash: string | null;
}

const ONLINE_BATCH_SQL = 'select * from online_submit_batch($1::jsonb)';

/** The forms of one API process go through this batcher (one batch in flight), built on the app's pool. */
export function onlineSubmitBatcher(pool: pg.Pool): SubmitBatcher<OnlineSubmission, OnlineSubmitRow> {
  return new SubmitBatcher(pool, { sql: ONLINE_BATCH_SQL });
}

/** One form inside the caller's transaction (a rating code is consumed in it first). */
export async function onlineSubmitInTx(tx: DbOrTx, s: OnlineSubmission): Promise<OnlineSubmitRow | undefined> {
  const res = await tx.execute(sql`select * from online_submit_batch(${JSON.stringify([s])}::jsonb)`);
  const row = res.rows[0] as (Omit<OnlineSubmitRow, 'received_at'> & { received_at: Date | string | null }) | undefined;
  return row ? { ...row, received_at: row.received_at === null ? null : new Date(row.received_at) } : undefined;
}
