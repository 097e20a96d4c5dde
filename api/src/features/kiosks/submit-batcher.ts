/**
 * Natural batching of kiosk sessions (docs/0005-kiosk-submit-path.md; the mechanism is
 * submissions/batcher.ts). A batch is one call of `kiosk_submit_batch` (migration 0010), items
 * sorted by device token hash so concurrent batches lock device rows in the same order, at most
 * SUBMIT_BATCH_MAX (16) sessions a call unless `maxBatch` says otherwise.
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

export class KioskSubmitBatcher extends SubmitBatcher<KioskSession, SubmitRow & { idx: number }> {
  /** `maxInFlight` and `maxBatch` default to the submit batcher's (one batch in flight, SUBMIT_BATCH_MAX). */
  constructor(pool: pg.Pool, maxInFlight?: number, maxBatch?: number) {
    super(pool, { sql: 'select * from kiosk_submit_batch($1::jsonb)', orderKey: (s) => s.tokenHash, maxInFlight, maxBatch });
  }
}
