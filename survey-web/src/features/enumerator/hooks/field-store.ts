/**
 * What the enumerator app keeps on the phone: the downloaded assignments and forms (localStorage,
 * so interviews can start with no network for days), queued interviews (the IndexedDB outbox from
 * `@/lib/offline-outbox`, each with its client UUID) and what became of each synced form (a short
 * log of synced ones) and every rejected form with its answers and the server's reason
 * (rejected-store.ts). Sync sends the outbox in batches; stored/duplicate items leave the outbox,
 * rejected ones move to the rejected store (never dropped), a network failure or an expired session
 * stops the round and keeps the rest (resumable; the server is idempotent by client id).
 */
import type { EnumeratorAssignment, FieldForm, SyncResult } from '@hailong/contracts';
import { ApiError } from '@/lib/api-client';
import { newClientId } from '@/lib/client-id';
import { createOutbox } from '@/lib/offline-outbox';
import { syncBatch } from '../api/enumerator-api';
import { keepRejected, rejectedForms, type RejectedForm } from './rejected-store';

export type QueuedInterview = FieldForm;

/** A form the server answered for: which interview it was, and how the server took it. */
export interface SyncedForm {
  clientId: string;
  assignmentId?: string;
  formCode?: string;
  completedAt?: string;
  syncedAt?: string;
  status: SyncResult['status'];
  reason?: string;
  message?: string;
  errors?: SyncResult['errors'];
}

const ASSIGNMENTS_KEY = 'hl-e-assignments';
const REJECTED_KEY = 'hl-e-rejected';
const SYNCED_KEY = 'hl-e-synced';
const SYNCED_LOG_KEY = 'hl-e-synced-log';
const SYNCED_LOG_MAX = 50;
const LAST_SYNC_KEY = 'hl-e-last-sync';
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
const write = (key: string, value: unknown) => localStorage.setItem(key, JSON.stringify(value));

export const loadAssignments = () => read<EnumeratorAssignment[]>(ASSIGNMENTS_KEY, []);
export const saveAssignments = (a: EnumeratorAssignment[]) => write(ASSIGNMENTS_KEY, a);
/** Rejections recorded by older versions of the app (reason only: their answers were not kept). */
export const loadRejected = () => read<SyncedForm[]>(REJECTED_KEY, []);
export const loadSyncedCount = () => read<number>(SYNCED_KEY, 0);
export const loadSyncedLog = () => read<SyncedForm[]>(SYNCED_LOG_KEY, []);
export const loadLastSync = () => read<string | null>(LAST_SYNC_KEY, null);
/** The enumerator has read those old rejections (they hold no answers). */
export const clearRejected = () => localStorage.removeItem(REJECTED_KEY);

/** Why a round stopped before the outbox was empty. */
export type SyncStop = 'offline' | 'session' | 'server';

export interface SyncSummary {
  stored: number;
  duplicate: number;
  rejected: SyncedForm[];
  remaining: number;
  stopped: SyncStop | null;
  /** The server's message when it refused the whole batch (stopped = 'server'). */
  error?: ApiError;
}

function stopReason(err: unknown): SyncStop {
  if (err instanceof ApiError) return err.status === 401 ? 'session' : 'server';
  return 'offline'; // NetworkError (no signal, timeout) or anything unexpected: keep the forms, retry later
}

function record(summary: SyncSummary, done: SyncedForm[]): void {
  const synced = done.filter((d) => d.status !== 'rejected');
  write(SYNCED_KEY, loadSyncedCount() + synced.length);
  if (synced.length > 0) write(SYNCED_LOG_KEY, [...synced.reverse(), ...loadSyncedLog()].slice(0, SYNCED_LOG_MAX));
  if (!summary.stopped) write(LAST_SYNC_KEY, new Date().toISOString());
}

export async function syncOutbox(): Promise<SyncSummary> {
  const summary: SyncSummary = { stored: 0, duplicate: 0, rejected: [], remaining: 0, stopped: null };
  const done: SyncedForm[] = [];
  const items = await outbox.list();
  const assignments = loadAssignments(); // still the download the forms were made against
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    const byId = new Map(batch.map((b) => [b.clientId, b]));
    let results: SyncResult[];
    try {
      results = await syncBatch(batch);
    } catch (err) {
      summary.stopped = stopReason(err);
      if (err instanceof ApiError && summary.stopped === 'server') summary.error = err;
      break;
    }
    const syncedAt = new Date().toISOString();
    for (const r of results) {
      const item = byId.get(r.clientId);
      const entry: SyncedForm = { ...r, assignmentId: item?.assignmentId, formCode: item?.formCode, completedAt: item?.completedAt, syncedAt };
      if (r.status === 'stored') summary.stored += 1;
      else if (r.status === 'duplicate') summary.duplicate += 1;
      else summary.rejected.push(entry);
      done.push(entry);
      // Kept before it leaves the outbox: a crash in between leaves it queued, never lost.
      if (r.status === 'rejected' && item) await keepRejected(item, r, syncedAt, assignments);
      else await rejectedForms.remove(r.clientId); // a resent form that is now on the server
      await outbox.remove(r.clientId);
    }
  }
  summary.remaining = await outbox.count();
  record(summary, done);
  return summary;
}

/**
 * Puts a rejected form back in the outbox (fixed answers or another assignment) and sends it with
 * the next sync. The client id is kept even though the payload changed: in
 * api/src/features/assignments/sync.ts a `rejected` result is decided before anything is written
 * (classify) or its row is left out of the insert (vanished assignment), so the server never stored
 * that id and the same id with new content is simply a new form — and stays idempotent if this
 * resend's answer is lost. The one exception is SUBMISSION_CONFLICT: the server already holds that
 * id with other content, so a resend needs a new id.
 */
export async function resendRejected(r: RejectedForm, change: Partial<Pick<FieldForm, 'assignmentId' | 'answers' | 'note'>>): Promise<void> {
  const clientId = r.reason === 'SUBMISSION_CONFLICT' ? newClientId() : r.clientId;
  const note = (change.note ?? r.form.note ?? '').trim();
  const { clientId: _old, note: _oldNote, ...sent } = r.form;
  await outbox.add({
    ...sent, clientId, assignmentId: change.assignmentId ?? sent.assignmentId, answers: change.answers ?? sent.answers, ...(note ? { note } : {}),
  });
  await rejectedForms.remove(r.clientId);
}

/** The enumerator confirmed: this rejected interview leaves the phone. */
export const discardRejected = (clientId: string) => rejectedForms.remove(clientId);
