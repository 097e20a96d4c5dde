import type { WorkerDeps } from '../worker.ts';

/**
 * The sweeper re-derives due work from the database (the system of record) and re-enqueues it, so
 * a crashed worker or a flushed Redis loses nothing. Features add their sweeps here.
 */
export async function sweep(_deps: WorkerDeps): Promise<{ enqueued: number }> {
  return { enqueued: 0 };
}
