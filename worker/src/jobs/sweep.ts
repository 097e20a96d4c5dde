import type { Queue } from 'bullmq';
import { enqueueDispatch, jobId, MAIL_JOB_OPTIONS } from '@hailong/runtime';
import type { WorkerDeps } from '../worker.ts';
import { sendAccountNotices } from './account-notices.ts';
import { purgeDuePersonalData } from './retention.ts';
import { createDueDigests, createDueReminders, dueDeliveries, type DueDelivery } from './sweep-repo.ts';

/**
 * The sweeper re-derives due work from the database (the system of record) and re-enqueues it, so
 * a crashed worker or a flushed Redis loses nothing; the claim in process-mail makes any duplicate
 * job harmless, so nothing is sent twice. It also creates the scheduled reminder rounds
 * (campaign.settings.reminderDays, e.g. [3, 7, 10], at most settings.maxReminders). `reclaim` is
 * its light part, run every few seconds: the claims of a worker that died while sending.
 */
export interface SweepOptions {
  now?: Date;
  /** A pending delivery (or an overdue retry) older than this has lost its job. */
  staleMs?: number;
  /**
   * Recovery after an outage (Redis or PostgreSQL came back): every pending delivery is due now
   * (staleMs 0), a job waiting out BullMQ's backoff from the outage runs at once, and a retrying
   * delivery whose delayed job Redis may have lost gets one again, with the remaining delay.
   */
  recover?: boolean;
}

/** Adds a job for the delivery unless a live one exists; a finished job is replaced. */
async function ensureJob(
  queue: Queue,
  deliveryId: string,
  kind: string,
  attempts: number,
  opts: { delayMs?: number; promote?: boolean } = {},
): Promise<boolean> {
  const id = jobId.mail(deliveryId);
  const existing = await queue.getJob(id);
  const state = existing ? await existing.getState() : null;
  if (existing && state === 'delayed' && opts.promote && !opts.delayMs) {
    // Waiting out the backoff of errors during the outage (the claim could not reach the database).
    await existing.promote().catch(() => undefined);
    return true;
  }
  if (state === 'waiting' || state === 'delayed' || state === 'prioritized' || state === 'waiting-children') return false;
  if (existing && (state === 'completed' || state === 'failed')) await existing.remove();
  // An 'active' job may belong to a dead worker: add a sibling; the DB claim lets only one send.
  const useId = state === 'active' ? `${id}-s${attempts}` : id;
  await queue.add(
    kind,
    { deliveryId },
    { ...MAIL_JOB_OPTIONS, jobId: useId, ...(opts.delayMs ? { delay: Math.ceil(opts.delayMs) } : {}) },
  );
  return true;
}

/**
 * Counts the items `fn` enqueued, `width` at a time: a recovery after a Redis restart re-enqueues
 * every pending delivery (thousands during a send), and one Redis round trip after another took
 * ~30 s for 240 of them on a loaded machine, which users saw as mail trickling in.
 */
async function countEnqueued<T>(items: readonly T[], fn: (item: T) => Promise<boolean>, width = 50): Promise<number> {
  let n = 0;
  for (let i = 0; i < items.length; i += width)
    n += (await Promise.all(items.slice(i, i + width).map(fn))).filter(Boolean).length;
  return n;
}

export async function sweep(deps: WorkerDeps, opts: SweepOptions = {}): Promise<{ enqueued: number; reminders: number }> {
  const now = opts.now ?? new Date();
  const digests = await createDueDigests(deps.db, now);
  const reminders = await createDueReminders(deps.db, now, deps.config.reminderMinGapHours);
  const due = await dueDeliveries(deps.db, now, opts.recover ? 0 : (opts.staleMs ?? 60_000), { upcoming: opts.recover ?? false });
  const delayOf = (d: DueDelivery) => (d.nextAttemptAt ? Math.max(0, d.nextAttemptAt.getTime() - now.getTime()) : 0);
  // Due now (new digests and reminders, lost or overdue deliveries, expired claims): one dispatch
  // job sends them all in batches. A retry still ahead gets its own delayed job.
  const dueNow = digests.length + reminders.length + due.filter((d) => delayOf(d) === 0).length;
  let enqueued = 0;
  if (dueNow > 0) {
    await enqueueDispatch(deps.mailQueue);
    enqueued += dueNow;
  }
  enqueued += await countEnqueued(
    due.filter((d) => delayOf(d) > 0),
    (d) => ensureJob(deps.mailQueue, d.id, d.kind, d.attempts, { delayMs: delayOf(d), promote: opts.recover ?? false }),
  );
  if (enqueued > 0) deps.log('info', 'sweep enqueued mail', { enqueued, reminders: reminders.length });
  const notices = await sendAccountNotices(deps);
  if (notices > 0) deps.log('info', 'sweep sent account notices', { notices });
  const purged = await purgeDuePersonalData(deps.db, now, deps.config.retentionDays);
  if (purged.length > 0) deps.log('info', 'deleted the personal data of closed campaigns', { campaigns: purged.length });
  return { enqueued, reminders: reminders.length };
}

/** The claims of dead workers (lease expired): a dispatch job, so a live worker takes them over. */
export async function reclaim(deps: WorkerDeps, now = new Date()): Promise<number> {
  const due = await dueDeliveries(deps.db, now, 0, { leasesOnly: true, limit: 1 });
  if (due.length === 0) return 0;
  await enqueueDispatch(deps.mailQueue);
  deps.log('info', 'reclaimed mail of a stopped worker');
  return due.length;
}
