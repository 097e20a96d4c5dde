/**
 * The mail dispatcher (docs/0024-batched-mail.md): one loop per worker process that claims due
 * deliveries in batches (one statement, FOR UPDATE SKIP LOCKED, leases as for a single claim),
 * sends a batch over the pooled SMTP connections at once, and records the accepted ones as sent in
 * one statement before the next batch goes out. The next batch is claimed while the current one is
 * being sent. A dispatch job (after "send invitations", "remind now", a sweep) wakes the loop; a
 * wake-up while it runs makes it look again when it runs dry, so no committed row is left behind.
 *
 * A crash can repeat at most one batch: the mails the relay accepted before their batch's 'sent'
 * commit (MAIL_CONCURRENCY at most, like the single-delivery path's mails in flight).
 */
import { claimDueDeliveries, markSentMany, type ClaimedDelivery, type ClaimedWithContext } from './delivery-repo.ts';
import { persist, processClaimed, type MailDeps, type MailOutcome } from './process-mail.ts';

export interface MailDispatcher {
  /** Sends every due delivery; resolves with how many were sent once none is left. */
  run(): Promise<number>;
}

export function createMailDispatcher(deps: MailDeps, batchSize: number): MailDispatcher {
  let running: Promise<number> | null = null;
  let again = false;

  const claim = async (): Promise<ClaimedWithContext[]> => {
    const batch = await claimDueDeliveries(deps.db, deps.leases.workerId, deps.config.mailLeaseMs, batchSize);
    for (const d of batch) deps.leases.hold(d.id);
    return batch;
  };

  async function sendBatch(batch: ClaimedWithContext[]): Promise<number> {
    const accepted: { d: ClaimedDelivery; messageId: string }[] = [];
    const record = (d: ClaimedDelivery, messageId: string) => {
      accepted.push({ d, messageId });
      return Promise.resolve();
    };
    const outcomes = await Promise.all(
      batch.map((d) =>
        processClaimed(deps, d, record).catch((err: unknown): MailOutcome | 'error' => {
          // The row stays 'sending' and its lease runs out: reclaimed like a dead worker's.
          deps.log('warn', 'mail delivery failed', { deliveryId: d.id, err: String(err) });
          return 'error';
        }),
      ),
    );
    try {
      await persist(() => markSentMany(deps.db, accepted));
    } finally {
      for (const d of batch) deps.leases.release(d.id);
    }
    return outcomes.filter((o) => o === 'sent').length;
  }

  async function drain(): Promise<number> {
    let sent = 0;
    let next = claim();
    for (;;) {
      const batch = await next;
      if (batch.length === 0) return sent;
      next = claim();
      // A failed prefetch surfaces at the next round's await, not as an unhandled rejection.
      next.catch(() => undefined);
      try {
        sent += await sendBatch(batch);
      } catch (err) {
        // Let the prefetched claims expire (reclaimed later) rather than renewing them forever.
        for (const d of await next.catch(() => [])) deps.leases.release(d.id);
        throw err;
      }
    }
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
