/**
 * What a batched store function (`kiosk_submit_batch`, `online_submit_batch`) answered for one
 * session, turned into the channel's result: a stored row is 201, the same client id with the same
 * payload a replay (200), with another payload a conflict (409). Outcomes a channel refuses itself
 * (an unknown device, a missing code) are thrown by the caller before this.
 */
import { AppError } from '../../errors.ts';
import type { ReviewState } from '@hailong/db';
import type { StoreResult } from './service.ts';

export interface BatchRow {
  outcome: string;
  id: string | null;
  received_at: Date | null;
  review_state: ReviewState | null;
  payload_hash: string | null;
}

export function batchRowResult(row: BatchRow, clientId: string, hash: string): StoreResult {
  if (row.outcome === 'existing' && row.payload_hash !== hash) throw new AppError('SUBMISSION_CONFLICT', { clientId });
  return {
    status: row.outcome === 'stored' ? 'stored' : 'replayed',
    receipt: {
      id: row.id ?? '',
      clientId,
      receivedAt: (row.received_at ?? new Date()).toISOString(),
      reviewState: row.review_state ?? 'valid',
    },
  };
}
