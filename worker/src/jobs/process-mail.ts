import type { Job } from 'bullmq';
import type { WorkerDeps } from '../worker.ts';

/**
 * Processes one job of the mail queue. The staff-survey feature registers the real deliveries
 * (invitation, reminder, digest); until a job name is known it fails loudly rather than dropping mail.
 */
export async function processMailJob(_deps: WorkerDeps, job: Job): Promise<unknown> {
  throw new Error(`no processor for mail job ${job.name}`);
}
