/**
 * The worker's repeatable jobs (heartbeat, sweep, reclaim, tally fold) as BullMQ job schedulers. They live in
 * Redis, so a flushed or replaced Redis loses them: the worker checks every interval and re-creates
 * the missing ones. The first round (at start) upserts all of them, so changed intervals apply.
 */
import { jobId, TALLY_FOLD_JOB } from '@hailong/runtime';
import type { Queue } from 'bullmq';
import type { WorkerConfig } from './config.ts';

export interface Schedule {
  id: string;
  name: string;
  every: number;
  opts?: { removeOnComplete?: boolean; removeOnFail?: number };
}

export function maintenanceSchedules(config: WorkerConfig): Schedule[] {
  return [
    { id: jobId.heartbeat(), name: 'heartbeat', every: config.heartbeatIntervalMs },
    { id: jobId.sweep(), name: 'sweep', every: config.sweepIntervalMs },
    {
      id: jobId.reclaim(),
      name: 'reclaim',
      every: config.reclaimIntervalMs,
      opts: { removeOnComplete: true, removeOnFail: 100 },
    },
    {
      id: jobId.tallyFold(),
      name: TALLY_FOLD_JOB,
      every: config.tallyFoldIntervalMs,
      opts: { removeOnComplete: true, removeOnFail: 100 },
    },
  ];
}

/** Creates the schedules that are missing (all of them when `all`); returns the ids it created. */
export async function ensureSchedules(queue: Queue, schedules: Schedule[], all = false): Promise<string[]> {
  const created: string[] = [];
  for (const s of schedules) {
    if (!all && (await queue.getJobScheduler(s.id))) continue;
    await queue.upsertJobScheduler(s.id, { every: s.every }, { name: s.name, ...(s.opts ? { opts: s.opts } : {}) });
    created.push(s.id);
  }
  return created;
}

type Log = (level: 'info' | 'warn', msg: string, extra?: Record<string, unknown>) => void;

/** Why due mail is re-derived: the worker starts, Redis came back, or Redis lost the schedules. */
export type RecoveryReason = 'start' | 'redis reconnected' | 'schedules missing';

export interface KeptSchedules {
  /** Re-derive the due work at once (Redis came back): retried every round until it succeeds. */
  recover(reason: RecoveryReason): void;
  stop(): void;
}

/**
 * Keeps the schedules present: now (all), then every `checkMs` (the missing ones). Never blocks the
 * start. Missing schedules mean Redis lost its keys (restarted without persistence, flushed,
 * replaced), and with them every queued job: `onLost` then re-derives the due work at once.
 * It does so at start too: a worker that starts cannot know what Redis lost while no worker was
 * connected to it (a Redis restart while the worker was down or still starting loses the queued
 * mail silently, and the schedules the new worker creates hide it). A recovery that fails
 * (PostgreSQL down as well) is retried every round until it succeeds.
 */
export function keepSchedules(
  queue: Queue,
  schedules: Schedule[],
  checkMs: number,
  log: Log,
  onLost?: (reason: RecoveryReason) => Promise<void>,
): KeptSchedules {
  let first = true;
  let running = false;
  let again = false;
  // Set until onLost succeeds.
  let recovering: RecoveryReason | null = 'start';
  const tick = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const created = await ensureSchedules(queue, schedules, first);
      if (!first && created.length > 0) {
        log('warn', 'repeatable jobs were missing (Redis flushed?): re-created', { schedules: created });
        recovering = 'schedules missing';
      }
      first = false;
      if (recovering) {
        await onLost?.(recovering);
        recovering = null;
      }
    } catch (err) {
      log('warn', 'cannot check repeatable jobs or re-derive due mail (Redis or PostgreSQL down?)', {
        err: err instanceof Error ? err.message : String(err),
      });
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      await tick();
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), checkMs);
  timer.unref();
  return {
    recover(reason) {
      recovering = reason;
      void tick();
    },
    stop: () => clearInterval(timer),
  };
}
