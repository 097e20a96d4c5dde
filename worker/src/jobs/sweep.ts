import type { Queue } from 'bullmq';
import { jobId, MAIL_ATTEMPTS, MAIL_JOB_OPTIONS } from '@hailong/runtime';
import type { WorkerDeps } from '../worker.ts';
import { createDueDigests, createDueReminders, dueDeliveries } from './sweep-repo.ts';

/**
 * The sweeper re-derives due work from the database (the system of record) and re-enqueues it, so
 * a crashed worker or a flushed Redis loses nothing; the claim in process-mail makes any duplicate
 * job harmless, so nothing is sent twice. It also creates the scheduled reminder rounds
 * (campaign.settings.reminderDays, e.g. [3, 7, 10], at most settings.maxReminders).
 */
export interface SweepOptions {
  now?: Date;
  /** A pending delivery older than this has lost its job. */
  staleMs?: number;
  /** A 'sending' claim older than this belongs to a dead worker. */
  leaseMs?: number;
}

/** Adds a job for the delivery unless a live one exists; a finished job is replaced. */
async function ensureJob(queue: Queue, deliveryId: string, kind: string, attempts: number): Promise<boolean> {
  const id = jobId.mail(deliveryId);
  const existing = await queue.getJob(id);
  const state = existing ? await existing.getState() : null;
  if (state === 'waiting' || state === 'delayed' || state === 'prioritized' || state === 'waiting-children') return false;
  if (existing && (state === 'completed' || state === 'failed')) await existing.remove();
  // An 'active' job may belong to a dead worker: add a sibling; the DB claim lets only one send.
  const useId = state === 'active' ? `${id}-s${attempts}` : id;
  await queue.add(kind, { deliveryId }, { ...MAIL_JOB_OPTIONS, jobId: useId });
  return true;
}

export async function sweep(deps: WorkerDeps, opts: SweepOptions = {}): Promise<{ enqueued: number; reminders: number }> {
  const now = opts.now ?? new Date();
  const digests = await createDueDigests(deps.db, now);
  const reminders = await createDueReminders(deps.db, now);
  const due = await dueDeliveries(deps.db, now, opts.staleMs ?? 60_000, opts.leaseMs ?? 10 * 60_000, MAIL_ATTEMPTS);
  let enqueued = 0;
  for (const id of digests) if (await ensureJob(deps.mailQueue, id, 'digest', 0)) enqueued++;
  for (const id of reminders) if (await ensureJob(deps.mailQueue, id, 'reminder', 0)) enqueued++;
  for (const d of due) if (await ensureJob(deps.mailQueue, d.id, d.kind, d.attempts)) enqueued++;
  if (enqueued > 0) deps.log('info', 'sweep enqueued mail', { enqueued, reminders: reminders.length });
  return { enqueued, reminders: reminders.length };
}
