/**
 * Natural batching of kiosk sessions (docs/0005-kiosk-submit-path.md). A session is sent at once
 * when fewer than `maxInFlight` batches are being written; otherwise it waits for the next batch,
 * which leaves as soon as one in flight returns. No timer: a quiet kiosk network pays no extra
 * latency, a busy one pays one transaction per batch instead of one per session. One batch in flight
 * measured best on 2 cores (test/bench/kiosk-submit.ts): more batches in flight made each slower.
 *
 * A batch is one call of `kiosk_submit_batch` (migration 0010), items sorted by device token hash so
 * concurrent batches lock device rows in the same order. If a batch fails as a whole (a deadlock with
 * a batch holding the same client id from another device, a lost connection), each of its sessions
 * is retried on its own, so one session can never fail another.
 */
import type pg from 'pg';

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

interface Waiting {
  session: KioskSession;
  resolve: (row: SubmitRow | undefined) => void;
  reject: (err: unknown) => void;
}

const BATCH_SQL = 'select * from kiosk_submit_batch($1::jsonb)';

export class KioskSubmitBatcher {
  private queue: Waiting[] = [];
  private inFlight = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly maxInFlight = 1,
    private readonly maxBatch = 64,
  ) {}

  submit(session: KioskSession): Promise<SubmitRow | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ session, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      void this.write(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    const ordered = [...batch].sort((a, b) =>
      a.session.tokenHash < b.session.tokenHash ? -1 : a.session.tokenHash > b.session.tokenHash ? 1 : 0,
    );
    try {
      const rows = await this.call(ordered.map((w) => w.session));
      ordered.forEach((w, i) => w.resolve(rows.get(i)));
    } catch (err) {
      if (ordered.length === 1) {
        ordered[0]?.reject(err);
        return;
      }
      for (const w of ordered) {
        await this.call([w.session]).then(
          (rows) => w.resolve(rows.get(0)),
          (e: unknown) => w.reject(e),
        );
      }
    }
  }

  private async call(sessions: KioskSession[]): Promise<Map<number, SubmitRow>> {
    // Unnamed on purpose: a named statement is per session, and the embedded database serves every
    // pool connection over one session, so a second connection preparing the same name failed
    // ("prepared statement already exists"). Parsing this one-line call is negligible next to it.
    const res = await this.pool.query<SubmitRow & { idx: number }>(BATCH_SQL, [JSON.stringify(sessions)]);
    return new Map(res.rows.map((r) => [r.idx, r]));
  }
}
