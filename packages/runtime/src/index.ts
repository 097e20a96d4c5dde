export {
  ConfigError,
  envSchema,
  loadRuntimeConfig,
  processEnv,
  type Env,
  type MailRetryPolicy,
  type OnlineLimits,
  IMPORT_KINDS,
  type ImportKind,
  type ImportLimit,
  type RuntimeConfig,
} from './config.ts';
export { trustProxySchema, type TrustProxy } from './trust-proxy.ts';
export { defaultQueuePrefix, invitationToken, resolveTokenSecret, tokenHash } from './secrets.ts';
export {
  createProducerQueues,
  DISPATCH_JOB_OPTIONS,
  DISPATCH_MAIL_JOB,
  enqueueDispatch,
  heartbeatJobSchema,
  heartbeatKey,
  jobId,
  MAIL_ATTEMPTS,
  MAIL_JOB_OPTIONS,
  QUEUE,
  requestTallyFold,
  sendMailJobSchema,
  TALLY_FOLD_JOB,
  type ProducerQueues,
  type SendMailJob,
} from './queues.ts';
export { privacyNotice, renderStaffMail, vnDate, type RenderedMail, type StaffMailInput } from './staff-mail.ts';
