/**
 * Queue names, job-id builders and job-data schemas. Job data carries ids only — never emails,
 * names or tokens (BullMQ stores job data in clear text in Redis). Job ids are deterministic so a
 * re-enqueue of the same step is a no-op while the job exists; the database (mail_deliveries) is
 * what makes a step happen at most once after the job is gone.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';

export const QUEUE = {
  mail: 'mail',
  maintenance: 'maintenance',
} as const;

export const heartbeatJobSchema = z.object({ at: z.string() });
export const sendMailJobSchema = z.object({ deliveryId: z.uuid() });
export type SendMailJob = z.infer<typeof sendMailJobSchema>;

/**
 * The job that wakes a worker to send every due delivery in batches (docs/0024-batched-mail.md):
 * one per "send invitations" / "remind now" / sweep, whatever the number of mails. It carries no
 * data; the worker claims due rows from mail_deliveries.
 */
export const DISPATCH_MAIL_JOB = 'dispatch';

/** Attempts and retention of every mail job (the API's first enqueue and the sweeper's re-enqueue).
 * BullMQ's attempts cover errors around a send (database down while claiming); SMTP failures are
 * retried by the worker with the delivery's own backoff (docs/0003-invitation-tokens.md). */
export const MAIL_ATTEMPTS = 5;
export const MAIL_JOB_OPTIONS = {
  attempts: MAIL_ATTEMPTS,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/** Redis key of the worker's last beat (ISO time, expires after 10 minutes); the API's /healthz reads it. */
export const heartbeatKey = (prefix: string): string => `${prefix}:worker:heartbeat`;

/** A dispatch job: few attempts (its worker re-checks the database anyway), removed once done. */
export const DISPATCH_JOB_OPTIONS = {
  attempts: MAIL_ATTEMPTS,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/** Adds one dispatch job to the mail queue (the API after a send, the sweeper after a recovery). */
export async function enqueueDispatch(mailQueue: Queue): Promise<void> {
  await mailQueue.add(DISPATCH_MAIL_JOB, {}, DISPATCH_JOB_OPTIONS);
}

export const jobId = {
  /** One job per delivery row (invitation, reminder round, digest). */
  mail: (deliveryId: string) => `mail-${deliveryId}`,
  /** The job of a delivery's attempt after `attempts` earlier ones (retries, re-sends): never reused. */
  mailAttempt: (deliveryId: string, attempts: number) => `mail-${deliveryId}-a${attempts}`,
  reclaim: () => 'reclaim',
  heartbeat: () => 'heartbeat',
  sweep: () => 'sweep',
  tallyFold: () => 'tally-fold',
  /** A fold asked for by a results page that left a large tail out: one waiting at a time. */
  tallyFoldNow: () => 'tally-fold-now',
};

/** The maintenance job that folds pending responses into the tallies (scheduled, or asked for now). */
export const TALLY_FOLD_JOB = 'tally-fold';

/**
 * Asks the worker to fold now (a results page left a large unfolded tail out). Never waits on
 * Redis for the caller: the scheduled fold runs anyway, so a failed request only costs the nudge.
 */
export function requestTallyFold(maintenanceQueue: Queue, onError: (err: Error) => void = () => undefined): void {
  maintenanceQueue
    .add(TALLY_FOLD_JOB, {}, { jobId: jobId.tallyFoldNow(), removeOnComplete: true, removeOnFail: 100 })
    .catch((err: unknown) => onError(err instanceof Error ? err : new Error(String(err))));
}

export interface ProducerQueues {
  readonly mail: Queue;
  readonly maintenance: Queue;
  /** Closes the queues that were opened. */
  close(): Promise<void>;
}

/**
 * Producer-side queues on a fail-fast connection (no offline queue): a Redis outage is an error now.
 * Queues open lazily on first use, so an app whose Redis is down starts (and reports 503) cleanly.
 */
export function createProducerQueues(
  connection: Redis,
  prefix: string,
  onError: (err: Error) => void = () => undefined,
): ProducerQueues {
  const open = new Map<string, Queue>();
  const get = (name: string): Queue => {
    let q = open.get(name);
    if (!q) {
      q = new Queue(name, { connection, prefix });
      q.on('error', onError);
      open.set(name, q);
    }
    return q;
  };
  return {
    get mail() {
      return get(QUEUE.mail);
    },
    get maintenance() {
      return get(QUEUE.maintenance);
    },
    async close() {
      await Promise.allSettled([...open.values()].map((q) => q.close()));
    },
  };
}
