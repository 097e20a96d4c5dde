export { loadWorkerConfig, workerConfigFrom, type WorkerConfig } from './config.ts';
export { startWorker, type StartWorkerOptions, type WorkerDeps, type WorkerHandle } from './worker.ts';
export { createMailTransport, type MailTransport } from './mail/transport.ts';
export { sweep, type SweepOptions } from './jobs/sweep.ts';
export { sendAccountNotices } from './jobs/account-notices.ts';
export { createDueDigests, createDueReminders } from './jobs/sweep-repo.ts';
export { purgeDuePersonalData } from './jobs/retention.ts';
export {
  EMBEDDED_TALLY_FOLD_BATCH,
  EMBEDDED_TALLY_FOLD_UNITS,
  foldTallies,
  TALLY_FOLD_BATCH,
  type FoldOptions,
} from './jobs/tally-fold.ts';
