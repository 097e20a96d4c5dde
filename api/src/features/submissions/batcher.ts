/**
 * Natural batching of submissions into one database call (docs/0005-kiosk-submit-path.md): a
 * submission is sent when fewer than `maxInFlight` batches are being written; otherwise it waits for
 * the next batch, which leaves as soon as one in flight returns. No timer: a quiet network pays no
 * extra latency, a busy one pays one transaction per batch instead of one per submission.
 * One batch in flight measured best on 2 cores (test/bench/kiosk-submit.ts).
 *
 * "At once" is at the end of the event loop's current turn (`setImmediate`), not inside the first
 * submission's call: submissions that reach the batcher in the same turn (requests read from the
 * same poll, the replies of one pipelined Redis round trip) leave together. Sent synchronously, the
 * first of them left alone and the others waited for its whole round trip, and a convoy formed:
 * half the batches were of one submission (docs/0037-ingest-tail.md).
 *
 * A batch is one call of a set-returning database function taking the batch as a jsonb array and
 * answering one row per item with its index (`idx`). If a batch fails as a whole (a deadlock, a
 * unique violation of one item, a lost connection), each of its items is retried on its own, so one
 * submission can never fail another.
 */
import type pg from 'pg';

/**
 * Items per call by default. With one batch in flight and 32 busy clients, batches of up to 64 settled
 * into one call of 31 and one of 1, so the API and the database took turns; batches of 16 keep two
 * groups, one read and validated while the other is written (docs/0043-ingest-overlap.md).
 */
export const SUBMIT_BATCH_MAX = 16;

interface Waiting<S, R> {
  item: S;
  resolve: (row: R | undefined) => void;
  reject: (err: unknown) => void;
}

export interface BatchOptions<S> {
  /** `select * from <function>($1::jsonb)`. */
  sql: string;
  /** Items are sent in this order (e.g. of the rows the function locks), arrival order if absent. */
  orderKey?: (item: S) => string;
  maxInFlight?: number;
  maxBatch?: number;
}

export class SubmitBatcher<S, R extends { idx: number }> {
  private queue: Waiting<S, R>[] = [];
  private inFlight = 0;
  private flushScheduled = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly opts: BatchOptions<S>,
  ) {}

  submit(item: S): Promise<R | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Sends what is queued at the end of this turn of the event loop (once per turn). */
  private pump(): void {
    if (this.flushScheduled || this.inFlight >= (this.opts.maxInFlight ?? 1)) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < (this.opts.maxInFlight ?? 1) && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.opts.maxBatch ?? SUBMIT_BATCH_MAX);
      this.inFlight++;
      void this.write(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async write(batch: Waiting<S, R>[]): Promise<void> {
    const key = this.opts.orderKey;
    const ordered = key ? [...batch].sort((a, b) => (key(a.item) < key(b.item) ? -1 : key(a.item) > key(b.item) ? 1 : 0)) : batch;
    try {
      const rows = await this.call(ordered.map((w) => w.item));
      ordered.forEach((w, i) => w.resolve(rows.get(i)));
    } catch (err) {
      if (ordered.length === 1) {
        ordered[0]?.reject(err);
        return;
      }
      for (const w of ordered) {
        await this.call([w.item]).then(
          (rows) => w.resolve(rows.get(0)),
          (e: unknown) => w.reject(e),
        );
      }
    }
  }

  private async call(items: S[]): Promise<Map<number, R>> {
    // Unnamed on purpose: a named statement is per session, and the embedded database serves every
    // pool connection over one session, so a second connection preparing the same name failed
    // ("prepared statement already exists"). Parsing this one-line call is negligible next to it.
    const res = await this.pool.query<R>(this.opts.sql, [JSON.stringify(items)]);
    return new Map(res.rows.map((r) => [r.idx, r]));
  }
}
