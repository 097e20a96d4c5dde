/**
 * What the enumerator app keeps on the phone: the downloaded assignments and forms (localStorage,
 * so interviews can start with no network for days), queued interviews (the IndexedDB outbox from
 * `@/lib/offline-outbox`, each with its client UUID) and what became of each synced form (a short
 * log of synced ones) and every rejected form with its answers and the server's reason
 * (rejected-store.ts). Sync sends the outbox in batches through the shared outbox (`flushBatches`, on
 * the schedule every front door uses); stored/duplicate items leave the outbox, rejected ones move to
 * the rejected store (never dropped), a network failure or an expired session stops the round and
 * keeps the rest with backoff (resumable; the server is idempotent by client id).
 */
import type { EnumeratorAssignment, FieldForm, PublicForm, SyncResult } from '@hailong/contracts';
import { isErrorCode } from '@hailong/contracts/errors';
import type { FailureReason, Sent } from '@/lib/api-client';
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

/** The last value read per key, with the stored text it came from. */
const lastRead = new Map<string, { raw: string | null; value: unknown }>();

/**
 * The stored value of `key` (`decode`d), or `fallback`. While the stored text is unchanged a read
 * returns the same object, so the page's re-read after each change re-renders only what changed.
 */
function read<T>(key: string, fallback: T, decode: (stored: unknown) => T = (stored) => stored as T): T {
  try {
    const raw = localStorage.getItem(key);
    const last = lastRead.get(key);
    if (last && last.raw === raw) return last.value as T;
    const value = raw ? decode(JSON.parse(raw)) : fallback;
    lastRead.set(key, { raw, value });
    return value;
  } catch {
    return fallback;
  }
}
const write = (key: string, value: unknown) => localStorage.setItem(key, JSON.stringify(value));

/**
 * The assignments as stored: every assignment of a campaign carries the same forms, so each distinct
 * form is kept once and an assignment names its forms by index. With the forms repeated, 20
 * assignments were ~420 KB that the phone read and parsed before its first screen (docs/0034).
 */
interface StoredAssignments {
  forms: PublicForm[];
  assignments: (Omit<EnumeratorAssignment, 'forms'> & { forms: number[] })[];
}

function packAssignments(list: EnumeratorAssignment[]): StoredAssignments {
  const forms: PublicForm[] = [];
  const index = new Map<string, number>();
  const assignments = list.map((a) => ({
    ...a,
    forms: a.forms.map((f) => {
      const key = JSON.stringify(f);
      let i = index.get(key);
      if (i === undefined) {
        i = forms.push(f) - 1;
        index.set(key, i);
      }
      return i;
    }),
  }));
  return { forms, assignments };
}

/** The assignments with their forms; a form several assignments share is one object. */
function unpackAssignments(stored: StoredAssignments | EnumeratorAssignment[]): EnumeratorAssignment[] {
  if (Array.isArray(stored)) return stored; // written by an older version of the app
  return stored.assignments.map((a) => ({
    ...a,
    forms: a.forms.map((i) => stored.forms[i]).filter((f): f is PublicForm => f !== undefined),
  }));
}

export const loadAssignments = () =>
  read<EnumeratorAssignment[]>(ASSIGNMENTS_KEY, [], (stored) =>
    unpackAssignments(stored as StoredAssignments | EnumeratorAssignment[]),
  );
export const saveAssignments = (a: EnumeratorAssignment[]) => write(ASSIGNMENTS_KEY, packAssignments(a));
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
  /** Why the server did not take the rest (stopped = 'server'). */
  error?: FailureReason;
  /** When the outbox is due again (backoff), null when nothing waits. */
  nextAttemptAt: number | null;
}

function stopReason(e: FailureReason): SyncStop {
  if (e.status === null) return 'offline'; // no signal, timeout: keep the forms, retry later
  return e.status === 401 ? 'session' : 'server';
}

function record(summary: SyncSummary, done: SyncedForm[]): void {
  const synced = done.filter((d) => d.status !== 'rejected');
  write(SYNCED_KEY, loadSyncedCount() + synced.length);
  if (synced.length > 0) write(SYNCED_LOG_KEY, [...synced.reverse(), ...loadSyncedLog()].slice(0, SYNCED_LOG_MAX));
  if (!summary.stopped) write(LAST_SYNC_KEY, new Date().toISOString());
}

/**
 * One sync round through the shared outbox (`flushBatches`): per-form results settle each form;
 * a form the server refuses is kept, with its answers and reason, in the rejected store (the /e
 * parking place the enumerator can fix, move or discard from), and never holds the others.
 */
export async function syncOutbox(force = true): Promise<SyncSummary> {
  const summary: SyncSummary = { stored: 0, duplicate: 0, rejected: [], remaining: 0, stopped: null, nextAttemptAt: null };
  const done: SyncedForm[] = [];
  const assignments = loadAssignments(); // still the download the forms were made against
  const keep = async (item: QueuedInterview, r: SyncResult, syncedAt: string) => {
    const entry: SyncedForm = {
      ...r,
      assignmentId: item.assignmentId,
      formCode: item.formCode,
      completedAt: item.completedAt,
      syncedAt,
    };
    if (r.status === 'stored') summary.stored += 1;
    else if (r.status === 'duplicate') summary.duplicate += 1;
    else summary.rejected.push(entry);
    done.push(entry);
    // Kept before it leaves the outbox: a crash in between leaves it queued, never lost.
    if (r.status === 'rejected') await keepRejected(item, r, syncedAt, assignments);
    else await rejectedForms.remove(r.clientId); // a resent form that is now on the server
  };
  const res = await outbox.flushBatches(
    async (batch) => {
      const results = new Map((await syncBatch(batch)).map((r) => [r.clientId, r]));
      const syncedAt = new Date().toISOString();
      const out: Sent[] = [];
      for (const item of batch) {
        const r = results.get(item.clientId);
        if (r) await keep(item, r, syncedAt);
        out.push(
          r
            ? { outcome: 'done' }
            : {
                outcome: 'retry',
                reason: {
                  code: 'NO_RESULT',
                  status: 500,
                  vi: 'Máy chủ chưa trả kết quả cho phiếu này',
                  en: 'No result for this form',
                  at: syncedAt,
                },
              },
        );
      }
      return out;
    },
    { force, size: BATCH },
  );
  // A form refused on its own (not in a per-form result: e.g. too large) joins the rejected ones.
  for (const p of res.parked) {
    const reason = isErrorCode(p.reason.code) ? { reason: p.reason.code } : {};
    await keep(
      p.item,
      { clientId: p.item.clientId, status: 'rejected', message: `${p.reason.vi} (${p.reason.en})`, ...reason },
      p.reason.at,
    );
    await outbox.remove(p.item.clientId);
  }
  summary.remaining = res.remaining;
  summary.nextAttemptAt = res.nextAttemptAt;
  if (res.remaining > 0 && res.lastError) {
    summary.stopped = stopReason(res.lastError);
    if (summary.stopped === 'server') summary.error = res.lastError;
  }
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
export async function resendRejected(
  r: RejectedForm,
  change: Partial<Pick<FieldForm, 'assignmentId' | 'answers' | 'note'>>,
): Promise<void> {
  const clientId = r.reason === 'SUBMISSION_CONFLICT' ? newClientId() : r.clientId;
  const note = (change.note ?? r.form.note ?? '').trim();
  const { clientId: _old, note: _oldNote, ...sent } = r.form;
  await outbox.add({
    ...sent,
    clientId,
    assignmentId: change.assignmentId ?? sent.assignmentId,
    answers: change.answers ?? sent.answers,
    ...(note ? { note } : {}),
  });
  await rejectedForms.remove(r.clientId);
}

/** The enumerator confirmed: this rejected interview leaves the phone. */
export const discardRejected = (clientId: string) => rejectedForms.remove(clientId);
