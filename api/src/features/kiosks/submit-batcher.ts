/**
 * Natural batching of kiosk sessions (docs/0005-kiosk-submit-path.md; the mechanism is
 * submissions/batcher.ts). A batch is one call of `kiosk_submit_batch` (migration 0010), items
 * sorted by device token hash so concurrent batches lock device rows in the same order.

 * At most SUBMIT_BATCH_MAX (16) sessions a call.
 */
import type pg from 'pg';
import { SUBMIT_BATCH_MAX, SubmitBatcher } from '../submissions/batcher.ts';

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

export class KioskSubmitBatcher extends SubmitBatcher<KioskSession, SubmitRow & { idx: number }> {
  constructor(pool: pg.Pool, maxInFlight = 1, maxBatch = SUBMIT_BATCH_MAX) {
    super(pool, { sql: 'select * from kiosk_submit_batch($1::jsonb)', orderKey: (s) => s.tokenHash, maxInFlight, maxBatch });
  }
}
