/**
 * A durable outbox in IndexedDB for offline-first front doors (kiosk, enumerator app).
 *
 * Why: a tablet at a counter or an interviewer in a rice field loses the network often. Every item
 * carries a `clientId` (UUID generated before the first send) that the server uses as its
 * idempotency key, so sending the same item twice is always safe. Items survive reloads and device
 * restarts; `flush` sends them oldest first and decides per item from what `send` answers:
 *   'done'     → the server has it (201 or 200 replay): remove it;
 *   'rejected' → the server will never take it (400/409): remove it and report it;
 *   'retry'    → network or 5xx: keep it, back off (exponential with jitter, capped) and stop this round.
 * Only one flush runs at a time per outbox (in this tab).
 */

export interface OutboxItem {
  clientId: string;
}

export type SendOutcome = 'done' | 'retry' | 'rejected';

interface Stored<T> {
  clientId: string;
  item: T;
  addedAt: number;
  attempts: number;
  /** Not before this time (ms since epoch) — the backoff window. */
  nextAttemptAt: number;
}

export interface FlushResult {
  sent: number;
  rejected: string[];
  remaining: number;
  /** When the next attempt is due (ms since epoch), null if nothing is waiting. */
  nextAttemptAt: number | null;
}

export interface Outbox<T extends OutboxItem> {
  add(item: T): Promise<void>;
  list(): Promise<T[]>;
  remove(clientId: string): Promise<void>;
  count(): Promise<number>;
  /** Sends every due item (oldest first); `force` ignores backoff windows (e.g. on the `online` event). */
  flush(send: (item: T) => Promise<SendOutcome>, opts?: { force?: boolean }): Promise<FlushResult>;
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

export function createOutbox<T extends OutboxItem>(name: string, backoff: BackoffOptions = {}): Outbox<T> {
  let dbPromise: Promise<IDBDatabase> | null = null;
  let flushing: Promise<FlushResult> | null = null;
  const db = () => (dbPromise ??= openDb(name));

  async function store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    return (await db()).transaction(STORE, mode).objectStore(STORE);
  }

  async function all(): Promise<Stored<T>[]> {
    const rows = await request((await store('readonly')).index('addedAt').getAll() as IDBRequest<Stored<T>[]>);
    return rows;
  }

  async function put(row: Stored<T>): Promise<void> {
    await request((await store('readwrite')).put(row));
  }

  const outbox: Outbox<T> = {
    async add(item) {
      const existing = await request((await store('readonly')).get(item.clientId) as IDBRequest<Stored<T> | undefined>);
      if (existing) return; // same clientId: already queued
      await put({ clientId: item.clientId, item, addedAt: Date.now(), attempts: 0, nextAttemptAt: 0 });
    },
    async list() {
      return (await all()).map((r) => r.item);
    },
    async remove(clientId) {
      await request((await store('readwrite')).delete(clientId));
    },
    async count() {
      return request((await store('readonly')).count());
    },
    flush(send, opts = {}) {
      flushing ??= runFlush(send, opts.force ?? false).finally(() => {
        flushing = null;
      });
      return flushing;
    },
  };

  async function runFlush(send: (item: T) => Promise<SendOutcome>, force: boolean): Promise<FlushResult> {
    let sent = 0;
    const rejected: string[] = [];
    for (const row of await all()) {
      if (!force && row.nextAttemptAt > Date.now()) break;
      let outcome: SendOutcome;
      try {
        outcome = await send(row.item);
      } catch {
        outcome = 'retry';
      }
      if (outcome === 'retry') {
        await put({ ...row, attempts: row.attempts + 1, nextAttemptAt: Date.now() + backoffDelay(row.attempts, backoff) });
        break;
      }
      await outbox.remove(row.clientId);
      if (outcome === 'done') sent += 1;
      else rejected.push(row.clientId);
    }
    const left = await all();
    const next = left.length === 0 ? null : Math.min(...left.map((r) => r.nextAttemptAt));
    return { sent, rejected, remaining: left.length, nextAttemptAt: next };
  }

  return outbox;
}
