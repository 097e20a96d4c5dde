export { loadWorkerConfig, workerConfigFrom, type WorkerConfig } from './config.ts';
export { startWorker, type StartWorkerOptions, type WorkerDeps, type WorkerHandle } from './worker.ts';
export { createMailTransport, type MailTransport } from './mail/transport.ts';
export { sweep, type SweepOptions } from './jobs/sweep.ts';
export { sendAccountNotices } from './jobs/account-notices.ts';
export { createDueDigests, createDueReminders } from './jobs/sweep-repo.ts';
export { purgeDuePersonalData } from './jobs/retention.ts';
export { EMBEDDED_TALLY_FOLD_BATCH, foldTallies, TALLY_FOLD_BATCH } from './jobs/tally-fold.ts';
