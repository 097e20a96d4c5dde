/**
 * The durable outbox in IndexedDB of every offline-first front door (kiosk /k, online form /o,
 * enumerator app /e); scheduling (mount, online event, backoff deadline, periodic) is `useOutbox`.
 *
 * Why: a tablet at a counter or an interviewer in a rice field loses the network often. Every item
 * carries a `clientId` (UUID generated before the first send) that the server uses as its
 * idempotency key, so sending the same item twice is always safe. Items survive reloads and device
 * restarts. A flush sends the due items oldest first and decides per item from the answer, through
 * the error catalogue's `retryOrPark` (docs/0006-error-catalogue.md):
 *   done  → the server has it (201, or 200 replay): removed;
 *   park  → the server will never take it as it is: kept on the device with its reason, reported,
 *           not sent again until released (`release`), and the items behind it go on;
 *   retry → kept, backed off (exponential with jitter, capped). No network, a revoked credential,
 *           a rate limit or an unavailable server end the round (the next item would fare the
 *           same); any other retry (one item's 500) lets the items behind it go on.
 * Only one flush runs at a time per outbox (in this tab).
 */
import { sentOf, type FailureReason, type Sent } from './api-client';

export type { FailureReason, Sent };

export interface OutboxItem {
  clientId: string;
}

interface Stored<T> {
  clientId: string;
  item: T;
  addedAt: number;
  attempts: number;
  /** Not before this time (ms since epoch) — the backoff window. */
  nextAttemptAt: number;
  /** Set when the server answered that it will never take the item as it is. */
  parked?: FailureReason;
}

export interface ParkedItem<T> {
  item: T;
  reason: FailureReason;
  addedAt: number;
}

export interface FlushResult<T = unknown> {
  sent: number;
  /** Items parked during this round. */
  parked: ParkedItem<T>[];
  /** Items still queued (not parked). */
  remaining: number;
  parkedCount: number;
  /** When the next attempt is due (ms since epoch), null if nothing is queued. */
  nextAttemptAt: number | null;
  /** Why the last failed attempt of this round failed (null when none failed). */
  lastError: FailureReason | null;
}

export interface Outbox<T extends OutboxItem> {
  add(item: T): Promise<void>;
  /** Queued items (parked ones excluded), oldest first. */
  list(): Promise<T[]>;
  remove(clientId: string): Promise<void>;
  /** Number of queued (not parked) items. */
  count(): Promise<number>;
  parked(): Promise<ParkedItem<T>[]>;
  /** Puts parked items back in the queue (all when no ids are given); sent with the next flush. */
  release(clientIds?: string[]): Promise<number>;
  /** Sends every due item one by one (oldest first); `force` ignores backoff windows (e.g. on `online`). */
  flush(send: (item: T) => Promise<unknown>, opts?: { force?: boolean }): Promise<FlushResult<T>>;
  /**
   * Sends due items in batches; `send` answers one outcome per item, in order, or throws for the
   * whole batch. A batch refused as a whole with a park answer is split into single items, so one
   * bad item cannot hold the others.
   */
  flushBatches(send: (items: T[]) => Promise<Sent[]>, opts?: { force?: boolean; size?: number }): Promise<FlushResult<T>>;
}

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
}

const STORE = 'items';

function request<R>(req: IDBRequest<R>): Promise<R> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(`hl-outbox-${name}`, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore(STORE, { keyPath: 'clientId' });
      store.createIndex('addedAt', 'addedAt');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('cannot open IndexedDB'));
  });
}

/** Delay before attempt n+1 after n failures: base·2^n, capped, with ±25 % jitter. */
export function backoffDelay(attempts: number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? 2_000;
  const max = opts.maxMs ?? 5 * 60_000;
  const raw = Math.min(max, base * 2 ** Math.min(attempts, 20));
  return Math.round(raw * (0.75 + Math.random() * 0.5));
}

/** A retry that the next item would meet too: stop the round. */
function endsRound(reason: FailureReason): boolean {
  return reason.status === null || reason.status === 401 || reason.status === 429 || reason.status === 503;
}

async function attempt<R>(fn: () => Promise<R>): Promise<R | Sent> {
  try {
    return await fn();
  } catch (err) {
    return sentOf(err);
  }
}

export function createOutbox<T extends OutboxItem>(name: string, backoff: BackoffOptions = {}): Outbox<T> {
  let dbPromise: Promise<IDBDatabase> | null = null;
  let flushing: Promise<FlushResult<T>> | null = null;
  const db = () => (dbPromise ??= openDb(name));

  async function store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    return (await db()).transaction(STORE, mode).objectStore(STORE);
  }
  const all = async (): Promise<Stored<T>[]> =>
    request((await store('readonly')).index('addedAt').getAll() as IDBRequest<Stored<T>[]>);
  const put = async (row: Stored<T>): Promise<void> => void (await request((await store('readwrite')).put(row)));
  const remove = async (clientId: string): Promise<void> => void (await request((await store('readwrite')).delete(clientId)));

  /** One round's bookkeeping: applies an item's outcome and tells whether the round goes on. */
  function round() {
    const res: FlushResult<T> = { sent: 0, parked: [], remaining: 0, parkedCount: 0, nextAttemptAt: null, lastError: null };
    const apply = async (row: Stored<T>, s: Sent): Promise<boolean> => {
      if (s.outcome === 'done') {
        await remove(row.clientId);
        res.sent += 1;
        return true;
      }
      res.lastError = s.reason;
      if (s.outcome === 'park') {
        await put({ ...row, parked: s.reason });
        res.parked.push({ item: row.item, reason: s.reason, addedAt: row.addedAt });
        return true;
      }
      await put({ ...row, attempts: row.attempts + 1, nextAttemptAt: Date.now() + backoffDelay(row.attempts, backoff) });
      return !endsRound(s.reason);
    };
    const finish = async (): Promise<FlushResult<T>> => {
      const rows = await all();
      const queued = rows.filter((r) => !r.parked);
      res.remaining = queued.length;
      res.parkedCount = rows.length - queued.length;
      res.nextAttemptAt = queued.length === 0 ? null : Math.min(...queued.map((r) => r.nextAttemptAt));
      return res;
    };
    return { apply, finish };
  }

  async function due(force: boolean): Promise<Stored<T>[]> {
    const now = Date.now();
    return (await all()).filter((r) => !r.parked && (force || r.nextAttemptAt <= now));
  }

  async function runFlush(send: (item: T) => Promise<unknown>, force: boolean): Promise<FlushResult<T>> {
    const r = round();
    for (const row of await due(force)) {
      const s = await attempt(async (): Promise<Sent> => (await send(row.item), { outcome: 'done' }));
      if (!(await r.apply(row, s))) break;
    }
    return r.finish();
  }

  async function runBatches(send: (items: T[]) => Promise<Sent[]>, force: boolean, size: number): Promise<FlushResult<T>> {
    const r = round();
    const rows = await due(force);
    const sendRows = async (batch: Stored<T>[]): Promise<boolean> => {
      const answer = await attempt(() => send(batch.map((b) => b.item)));
      if (!Array.isArray(answer)) {
        if (answer.outcome === 'park' && batch.length > 1) {
          for (const row of batch) if (!(await sendRows([row]))) return false;
          return true;
        }
        for (const row of batch) if (!(await r.apply(row, answer))) return false;
        return true;
      }
      let goOn = true;
      for (const [i, row] of batch.entries()) goOn = (await r.apply(row, answer[i] ?? { outcome: 'done' })) && goOn;
      return goOn;
    };
    for (let i = 0; i < rows.length; i += size) if (!(await sendRows(rows.slice(i, i + size)))) break;
    return r.finish();
  }

  /**
   * One round at a time. A flush asked for while a round runs (an item just released or added) gets
   * one more round after it, shared by everyone who asks meanwhile: the running round chose its items
   * before the change and would otherwise leave it for the next periodic tick.
   */
  let rerun: { force: boolean; run: (force: boolean) => Promise<FlushResult<T>>; result: Promise<FlushResult<T>> } | null = null;
  const exclusive = (force: boolean, run: (force: boolean) => Promise<FlushResult<T>>): Promise<FlushResult<T>> => {
    if (!flushing) {
      flushing = run(force).finally(() => {
        flushing = null;
      });
      return flushing;
    }
    if (rerun) {
      rerun.force ||= force;
      rerun.run = run;
      return rerun.result;
    }
    const next = { force, run, result: flushing };
    next.result = flushing
      .catch(() => undefined)
      .then(() => {
        rerun = null;
        return exclusive(next.force, next.run);
      });
    rerun = next;
    return next.result;
  };

  return {
    async add(item) {
      const existing = await request((await store('readonly')).get(item.clientId) as IDBRequest<Stored<T> | undefined>);
      if (existing) return; // same clientId: already queued
      await put({ clientId: item.clientId, item, addedAt: Date.now(), attempts: 0, nextAttemptAt: 0 });
    },
    async list() {
      return (await all()).filter((r) => !r.parked).map((r) => r.item);
    },
    remove,
    async count() {
      return (await all()).filter((r) => !r.parked).length;
    },
    async parked() {
      return (await all()).flatMap((r) => (r.parked ? [{ item: r.item, reason: r.parked, addedAt: r.addedAt }] : []));
    },
    async release(clientIds) {
      const rows = (await all()).filter((r) => r.parked && (!clientIds || clientIds.includes(r.clientId)));
      for (const { parked: _reason, ...row } of rows) await put({ ...row, attempts: 0, nextAttemptAt: 0 });
      return rows.length;
    },
    flush: (send, opts = {}) => exclusive(opts.force ?? false, (force) => runFlush(send, force)),
    flushBatches: (send, opts = {}) => exclusive(opts.force ?? false, (force) => runBatches(send, force, opts.size ?? 200)),
  };
}
