/**
 * What the enumerator app keeps on the phone: the downloaded assignments and forms (localStorage,
 * so interviews can start with no network for days), queued interviews (the IndexedDB outbox from
 * `@/lib/offline-outbox`, each with its client UUID) and the last sync's rejections with reasons.
 * Sync sends the outbox in batches; stored/duplicate/rejected items leave the outbox, a network
 * failure stops the round and keeps the rest (resumable; the server is idempotent by client id).
 */
import type { EnumeratorAssignment, FieldForm, SyncResult } from '@hailong/contracts';
import { createOutbox } from '@/lib/offline-outbox';
import { syncBatch } from '../api/enumerator-api';

export type QueuedInterview = FieldForm;

const ASSIGNMENTS_KEY = 'hl-e-assignments';
const REJECTED_KEY = 'hl-e-rejected';
const SYNCED_KEY = 'hl-e-synced';
const BATCH = 200;

export const outbox = createOutbox<QueuedInterview>('enumerator');

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

export const loadAssignments = () => read<EnumeratorAssignment[]>(ASSIGNMENTS_KEY, []);
export const saveAssignments = (a: EnumeratorAssignment[]) => localStorage.setItem(ASSIGNMENTS_KEY, JSON.stringify(a));
export const loadRejected = () => read<SyncResult[]>(REJECTED_KEY, []);
export const loadSyncedCount = () => read<number>(SYNCED_KEY, 0);

export interface SyncSummary {
  stored: number;
  duplicate: number;
  rejected: SyncResult[];
  remaining: number;
  offline: boolean;
}

export async function syncOutbox(): Promise<SyncSummary> {
  const summary: SyncSummary = { stored: 0, duplicate: 0, rejected: [], remaining: 0, offline: false };
  const items = await outbox.list();
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    let results: SyncResult[];
    try {
      results = await syncBatch(batch);
    } catch {
      summary.offline = true;
      break;
    }
    for (const r of results) {
      if (r.status === 'stored') summary.stored += 1;
      else if (r.status === 'duplicate') summary.duplicate += 1;
      else summary.rejected.push(r);
      await outbox.remove(r.clientId);
    }
  }
  summary.remaining = await outbox.count();
  localStorage.setItem(SYNCED_KEY, JSON.stringify(loadSyncedCount() + summary.stored + summary.duplicate));
  if (summary.rejected.length > 0) localStorage.setItem(REJECTED_KEY, JSON.stringify([...loadRejected(), ...summary.rejected]));
  return summary;
}
