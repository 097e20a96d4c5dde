/**
 * The worker's repeatable jobs (heartbeat, sweep, reclaim, tally fold) as BullMQ job schedulers. They live in
 * Redis, so a flushed or replaced Redis loses them: the worker checks every interval and re-creates
 * the missing ones. The first round (at start) upserts all of them, so changed intervals apply.
 */
import { jobId } from '@hailong/runtime';
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
      name: 'tally-fold',
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

/**
 * Keeps the schedules present: now (all), then every `checkMs` (the missing ones). Never blocks the
 * start. Missing schedules mean Redis lost its keys (restarted without persistence, flushed,
 * replaced), and with them every queued job: `onLost` then re-derives the due work at once.
 */
export function keepSchedules(
  queue: Queue,
  schedules: Schedule[],
  checkMs: number,
  log: Log,
  onLost?: () => Promise<void>,
): { stop(): void } {
  let first = true;
  let running = false;
  // Set until onLost succeeds (PostgreSQL may be down too when Redis comes back).
  let recovering = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const created = await ensureSchedules(queue, schedules, first);
      if (!first && created.length > 0) {
        log('warn', 'repeatable jobs were missing (Redis flushed?): re-created', { schedules: created });
        recovering = true;
      }
      first = false;
      if (recovering) {
        await onLost?.();
        recovering = false;
      }
    } catch (err) {
      log('warn', 'cannot check repeatable jobs (Redis down?)', { err: err instanceof Error ? err.message : String(err) });
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), checkMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
