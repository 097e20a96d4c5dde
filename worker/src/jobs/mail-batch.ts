/**
 * The mail dispatcher (docs/0024-batched-mail.md): one loop per worker process that claims due
 * deliveries in batches (one statement, FOR UPDATE SKIP LOCKED, leases as for a single claim),
 * keeps the pooled SMTP connections busy with them, and records the accepted ones as sent in one
 * statement per group (a group commit: whatever was accepted while the previous statement ran).
 * A dispatch job (after "send invitations", "remind now", a sweep) wakes the loop; a wake-up while
 * it runs makes it look again when it runs dry, so no committed row is left behind.
 *
 * The window: at most `window` (MAIL_CONCURRENCY) mails are at any moment sent or being sent but not
 * yet recorded as sent. A new mail starts as soon as one of those is recorded, so the connections
 * do not wait for a batch's slowest mail or for its commit, and a crash can still repeat at most
 * `window` mails (those the relay accepted before their 'sent' commit), as with whole batches.
 * Claimed rows waiting for their turn are not sent, so they cannot be duplicated.
 */
import { claimDueDeliveries, markSentMany, type ClaimedDelivery, type ClaimedWithContext } from './delivery-repo.ts';
import { persist, processClaimed, type MailDeps, type MailOutcome } from './process-mail.ts';

export interface MailDispatcher {
  /** Sends every due delivery; resolves with how many were sent once none is left. */
  run(): Promise<number>;
}

type Accepted = { d: ClaimedDelivery; messageId: string };

export function createMailDispatcher(deps: MailDeps, window: number): MailDispatcher {
  let running: Promise<number> | null = null;
  let again = false;

  const claim = async (): Promise<ClaimedWithContext[]> => {
    const batch = await claimDueDeliveries(deps.db, deps.leases.workerId, deps.config.mailLeaseMs, window);
    for (const d of batch) deps.leases.hold(d.id);
    return batch;
  };

  /** Sends until a claim finds nothing due and every mail started is settled and recorded. */
  async function drain(): Promise<number> {
    const ready: ClaimedWithContext[] = [];
    let accepted: Accepted[] = [];
    /** Mails started and not yet recorded (being sent, or accepted and waiting for their commit). */
    let open = 0;
    let sent = 0;
    let exhausted = false;
    /** The first claim or record that failed for good: no new mail starts, and the loop throws it once settled. */
    const failures: unknown[] = [];
    let claiming = false;
    let recording = false;
    let wake: () => void = () => undefined;
    const changed = () => new Promise<void>((resolve) => (wake = resolve));

    const fetch = () => {
      claiming = true;
      void claim()
        .then((rows) => {
          if (rows.length === 0) exhausted = true;
          ready.push(...rows);
        })
        .catch((err: unknown) => void failures.push(err))
        .finally(() => {
          claiming = false;
          wake();
        });
    };
    const send = (d: ClaimedWithContext) => {
      open++;
      const record = (c: ClaimedDelivery, messageId: string) => {
        accepted.push({ d: c, messageId });
        return Promise.resolve();
      };
      void processClaimed(deps, d, record)
        .catch((err: unknown): MailOutcome | 'error' => {
          // The row stays 'sending' and its lease runs out: reclaimed like a dead worker's.
          deps.log('warn', 'mail delivery failed', { deliveryId: d.id, err: String(err) });
          return 'error';
        })
        .then((outcome) => {
          if (outcome === 'sent') return;
          open--;
          deps.leases.release(d.id);
        })
        .finally(() => wake());
    };
    const flush = () => {
      recording = true;
      const group = accepted;
      accepted = [];
      void persist(() => markSentMany(deps.db, group))
        .then(() => void (sent += group.length))
        .catch((err: unknown) => void failures.push(err))
        .finally(() => {
          // Recorded, or left 'sending' to expire and be reclaimed (the documented crash window).
          for (const a of group) deps.leases.release(a.d.id);
          open -= group.length;
          recording = false;
          wake();
        });
    };

    for (;;) {
      if (failures.length === 0 && !claiming && !exhausted && ready.length < window) fetch();
      while (failures.length === 0 && ready.length > 0 && open < window) send(ready.shift() as ClaimedWithContext);
      if (!recording && accepted.length > 0) flush();
      const settled = open === 0 && !claiming && !recording;
      if (settled && (failures.length > 0 || (exhausted && ready.length === 0))) break;
      await changed();
    }
    // Rows claimed but not started: their leases expire and they are reclaimed.
    for (const d of ready) deps.leases.release(d.id);
    if (failures.length > 0) throw failures[0];
    return sent;
  }

  return {
    run() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let sent = 0;
        try {
          do {
            again = false;
            sent += await drain();
          } while (again);
          return sent;
        } finally {
          running = null;
        }
      })();
      return running;
    },
  };
}
