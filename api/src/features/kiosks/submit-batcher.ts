/**
 * Natural batching of kiosk sessions (docs/0005-kiosk-submit-path.md; the mechanism is
 * submissions/batcher.ts). A batch is one call of `kiosk_submit_batch` (migration 0010), items
 * sorted by device token hash so concurrent batches lock device rows in the same order.
 *
 * At most 16 sessions a call (KIOSK_BATCH_MAX): with one batch in flight and 32 busy tablets, batches of
 * up to 64 settled into one call of 31 and one of 1, so the API and the database took turns; batches of
 * 16 keep two groups, one read and validated while the other is written (docs/0043-ingest-overlap.md).
 */
import type pg from 'pg';
import { SubmitBatcher } from '../submissions/batcher.ts';

export interface KioskSession {
  tokenHash: string;
  clientId: string;
  campaignId: string;
  formId: number;
  answers: unknown;
  payloadHash: string;
  startedAt: string;
  completedAt: string;
  partial: boolean;
  procedureName: string | null;
  appVersion: string | null;
  pendingCount: number | null;
  /** Set when the device clock puts the session far outside the campaign (clock.ts): stored suspect. */
  clockReason: string | null;
}

export interface SubmitRow {
  outcome: 'unauthorized' | 'existing' | 'stored';
  id: string | null;
  unit_id: number | null;
  received_at: Date | null;
  review_state: 'valid' | 'suspect' | 'pending' | 'invalid' | null;
  payload_hash: string | null;
}

/** Sessions per kiosk batch call. */
export const KIOSK_BATCH_MAX = 16;

export class KioskSubmitBatcher extends SubmitBatcher<KioskSession, SubmitRow & { idx: number }> {
  constructor(pool: pg.Pool, maxInFlight = 1, maxBatch = KIOSK_BATCH_MAX) {
    super(pool, { sql: 'select * from kiosk_submit_batch($1::jsonb)', orderKey: (s) => s.tokenHash, maxInFlight, maxBatch });
  }
}
