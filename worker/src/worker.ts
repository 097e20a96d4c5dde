/**
 * Starts the BullMQ workers: `mail` (deliveries) and `maintenance` (heartbeat, sweeper, tally fold). Worker
 * connections use `maxRetriesPerRequest: null` as BullMQ requires; every Queue/Worker has an error
 * listener; close() stops taking jobs, waits for running ones, then closes Redis and the DB pool.
 */
import { createDb, createPool, type Db } from '@hailong/db';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { WorkerConfig } from './config.ts';
import { heartbeat } from './jobs/heartbeat.ts';
import { createMailTransport, type MailTransport } from './mail/transport.ts';
import { startMailLeases, type MailLeases } from './jobs/mail-leases.ts';
import { createMailDispatcher, type MailDispatcher } from './jobs/mail-batch.ts';
import { processMailJob } from './jobs/process-mail.ts';
import { reclaim, sweep } from './jobs/sweep.ts';
import { embeddedVacuum, type EmbeddedVacuumOptions } from './jobs/embedded-vacuum.ts';
import { compactCounts, foldTallies } from './jobs/tally-fold.ts';
import { keepSchedules, maintenanceSchedules } from './schedules.ts';
import { DISPATCH_MAIL_JOB, QUEUE, TALLY_FOLD_JOB } from '@hailong/runtime';

export interface WorkerDeps {
  db: Db;
  redis: Redis;
  mail: MailTransport;
  config: WorkerConfig;
  /** Producer queue for re-enqueueing due work (used by the sweeper). */
  mailQueue: Queue;
  /** The delivery claims this worker holds, renewed while it sends. */
  leases: MailLeases;
  /** Sends the due deliveries in batches (a dispatch job, the sweeper's recovery). */
  dispatcher: MailDispatcher;
  log: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
}

export interface WorkerHandle {
  deps: WorkerDeps;
  close(): Promise<void>;
}

export interface StartWorkerOptions {
  log?: WorkerDeps['log'];
  /** Concurrency of the mail worker (default: MAIL_CONCURRENCY). */
  mailConcurrency?: number;
  /** Skip the repeatable heartbeat/sweep schedulers (tests drive them directly). */
  schedulers?: boolean;
  /** How often missing schedulers are re-created, and the lost jobs with them (default: the reclaim interval, 5 s). */
  scheduleCheckMs?: number;
  /** Responses per call of the tally fold (default TALLY_FOLD_BATCH; EMBEDDED_TALLY_FOLD_BATCH on the embedded database). */
  tallyFoldBatch?: number;
  /** Units per call of the tally fold (default: any; EMBEDDED_TALLY_FOLD_UNITS on the embedded database). */
  tallyFoldUnits?: number;
  /**
   * The embedded database, which runs no autovacuum: after the fold, vacuum the table the fold and
   * the ingest churned most (jobs/embedded-vacuum.ts). Unset on PostgreSQL.
   */
  embeddedVacuum?: boolean | EmbeddedVacuumOptions;
}

/** Runs `fn` each time the connection is ready again after having been lost (not on the first connect). */
function whenRedisComesBack(redis: Redis, fn: () => void): void {
  let lost = false;
  redis.on('close', () => {
    lost = true;
  });
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    fn();
  });
}

/**
 * After the database failed a job, the first maintenance run that reaches it again re-derives due
 * mail at once, instead of leaving it to the sweeper's next round and its grace: mail jobs that used
 * up their attempts while PostgreSQL was down, and those waiting out their backoff, run now.
 */
function databaseRecovery(run: () => Promise<void>): { lost(): void; reached(): Promise<void> } {
  let lost = false;
  let running = false;
  return {
    lost: () => {
      lost = true;
    },
    async reached() {
      if (!lost || running) return;
      lost = false;
      running = true;
      try {
        await run();
      } catch (err) {
        lost = true;
        throw err;
      } finally {
        running = false;
      }
    },
  };
}

const defaultLog: WorkerDeps['log'] = (level, msg, extra) => {
  process.stderr.write(`${JSON.stringify({ level, msg, ...extra, time: new Date().toISOString(), name: 'worker' })}\n`);
};

export async function startWorker(config: WorkerConfig, opts: StartWorkerOptions = {}): Promise<WorkerHandle> {
  const log = opts.log ?? defaultLog;
  const mailConcurrency = opts.mailConcurrency ?? config.mailConcurrency;
  // Each mail holds a connection for two short statements (claim, outcome) around its SMTP
  // exchange: a quarter of the mails in flight is enough connections, within 5–20.
  const pool = createPool(config.databaseUrl, Math.min(20, Math.max(5, Math.ceil(mailConcurrency / 4))));
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', (err: Error) => log('warn', 'redis connection error', { err: err.message }));
  const prefix = config.queuePrefix;
  const mailQueue = new Queue(QUEUE.mail, { connection: redis, prefix });
  const maintenanceQueue = new Queue(QUEUE.maintenance, { connection: redis, prefix });
  for (const q of [mailQueue, maintenanceQueue])
    q.on('error', (err) => log('warn', 'queue error', { queue: q.name, err: err.message }));
  const db = createDb(pool);
  const leases = startMailLeases(db, config.mailLeaseMs, (err) =>
    log('warn', 'could not renew mail claims', { err: String(err) }),
  );
  const base = { db, redis, mail: createMailTransport(config), config: { ...config, mailConcurrency }, mailQueue, leases, log };
  const deps: WorkerDeps = { ...base, dispatcher: createMailDispatcher(base, mailConcurrency) };

  const mailWorker = new Worker(
    QUEUE.mail,
    (job: Job) => (job.name === DISPATCH_MAIL_JOB ? deps.dispatcher.run() : processMailJob(deps, job)),
    {
      connection: redis,
      prefix,
      concurrency: mailConcurrency,
      // A dead worker's active jobs go back to waiting within a lease or so, like its claims.
      lockDuration: config.mailLeaseMs,
      stalledInterval: config.reclaimIntervalMs,
    },
  );
  const recovery = databaseRecovery(async () => {
    const { enqueued } = await sweep(deps, { recover: true });
    log('info', 'database reachable again: due mail re-enqueued', { enqueued });
  });
  const vacuum = opts.embeddedVacuum ? embeddedVacuum(db, opts.embeddedVacuum === true ? {} : opts.embeddedVacuum) : null;
  const maintenanceWorker = new Worker(
    QUEUE.maintenance,
    async (job: Job) => {
      if (job.name === 'heartbeat') return heartbeat(redis, prefix);
      if (job.name === 'sweep') return sweep(deps);
      if (job.name === 'reclaim') {
        const reclaimed = await reclaim(deps).catch((err: unknown) => {
          recovery.lost();
          throw err;
        });
        await recovery.reached();
        return reclaimed;
      }
      if (job.name === TALLY_FOLD_JOB) {
        const folded = await foldTallies(deps.db, { batch: opts.tallyFoldBatch, units: opts.tallyFoldUnits });
        await compactCounts(deps.db);
        const vacuumed = await vacuum?.();
        if (vacuumed) log('info', 'embedded database vacuumed', { ...vacuumed });
        return folded;
      }
      throw new Error(`unknown maintenance job ${job.name}`);
    },
    { connection: redis, prefix, concurrency: 1 },
  );
  for (const w of [mailWorker, maintenanceWorker]) {
    w.on('error', (err) => log('warn', 'worker error', { queue: w.name, err: err.message }));
    w.on('failed', (job, err) => {
      log('warn', 'job failed', { queue: w.name, jobId: job?.id, err: err.message });
      if (w === mailWorker && !(err instanceof UnrecoverableError)) recovery.lost();
    });
  }
  const schedules =
    opts.schedulers === false
      ? null
      : keepSchedules(
          maintenanceQueue,
          maintenanceSchedules(config),
          opts.scheduleCheckMs ?? config.reclaimIntervalMs,
          log,
          async (reason) => {
            const { enqueued } = await sweep(deps, { recover: true });
            log('info', 'due mail re-enqueued', { reason, enqueued });
          },
        );
  if (schedules) {
    void heartbeat(redis, prefix).catch(() => undefined);
    // The schedulers and queued jobs live in Redis: after a Redis restart they may be gone. Put
    // the schedulers back and re-derive every due mail from the database now.
    whenRedisComesBack(redis, () => schedules.recover('redis reconnected'));
  }
  log('info', 'worker started', { prefix });

  return {
    deps,
    async close() {
      schedules?.stop();
      await Promise.all([mailWorker.close(), maintenanceWorker.close()]);
      leases.stop();
      await Promise.all([mailQueue.close(), maintenanceQueue.close()]);
      deps.mail.close();
      redis.disconnect();
      await pool.end();
    },
  };
}
