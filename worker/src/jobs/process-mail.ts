/**
 * Sends claimed mail_deliveries rows (invitation, reminder round, digest). The bulk of the mail is
 * claimed in batches by the dispatcher (mail-batch.ts, docs/0024-batched-mail.md); a job for one
 * delivery (a retry's delayed job, a focal point's re-send, a reclaimed row) goes through
 * processMailJob:
 * 1. Claim the row (pending/retrying → sending, leased to this worker) — a row already sent or held
 *    by a live worker is skipped, so duplicate jobs (re-enqueued by the sweeper, a second worker)
 *    never send twice.
 * 2. Re-check that the mail is still wanted (a reminder to someone who has answered is skipped).
 * 3. Send; 'sent' + invitation timestamps on success; a 5xx SMTP answer marks the invitation
 *    bounced and stops retrying (UnrecoverableError); a transient failure (4xx such as greylisting,
 *    refused connection, timeout) becomes 'retrying' with a delayed job for the next attempt, until
 *    the retry window (MAIL_RETRY_HOURS) is over and the row is 'failed'.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import { isPermanentSmtpError } from '../mail/transport.ts';
import { renderStaffMail } from '@hailong/runtime';
import { renderUnitDigest } from '../mail/templates/unit-digest.ts';
import { invitationToken, sendMailJobSchema } from '@hailong/runtime';
import type { WorkerDeps } from '../worker.ts';

/** What sending needs (everything but the dispatcher, which is built from it). */
export type MailDeps = Omit<WorkerDeps, 'dispatcher'>;
import {
  claimDelivery,
  deliveryStatus,
  loadDigestContext,
  markBounced,
  markOutcome,
  markRetry,
  markSent,
  type ClaimedDelivery,
  type ClaimedWithContext,
  type MailContext,
} from './delivery-repo.ts';
import { retryDelayMs } from './mail-leases.ts';
import { jobId, MAIL_JOB_OPTIONS } from '@hailong/runtime';

export type MailOutcome = 'sent' | 'skipped' | 'already-done' | 'retrying' | 'failed' | 'bounced';

/** Records that the relay accepted a claimed delivery's mail (at once, or with the next batch). */
export type RecordSent = (d: ClaimedDelivery, messageId: string) => Promise<void>;

/** The single-delivery path: 'sent' written in its own statement, retried while the database restarts. */
const recordSentNow =
  (deps: MailDeps): RecordSent =>
  (d, messageId) =>
    persist(() => markSent(deps.db, d, messageId));

function skipReason(d: ClaimedDelivery, ctx: MailContext): string | null {
  if (ctx.bounced) return 'address bounced';
  if (ctx.optedOut) return 'respondent opted out';
  if (d.kind === 'reminder' && ctx.completed) return 'already answered';
  if (!ctx.open) return 'campaign not open';
  return null;
}

export async function processMailJob(deps: MailDeps, job: Job): Promise<MailOutcome> {
  const { deliveryId } = sendMailJobSchema.parse(job.data);
  const d = await claimDelivery(deps.db, deliveryId, deps.leases.workerId, deps.config.mailLeaseMs).catch((err: unknown) => {
    throw new Error(`claim failed: ${String((err as { cause?: unknown }).cause ?? err)}`);
  });
  if (!d) {
    // Sent, bounced, skipped, failed, held by a live worker right now, or unknown: nothing to do here.
    const status = await deliveryStatus(deps.db, deliveryId);
    if (status === undefined) throw new UnrecoverableError(`delivery ${deliveryId} does not exist`);
    return 'already-done';
  }
  deps.leases.hold(d.id);
  let outcome: MailOutcome;
  try {
    outcome = await processClaimed(deps, d, recordSentNow(deps));
  } finally {
    deps.leases.release(d.id);
  }
  if (outcome === 'bounced') throw new UnrecoverableError('bounced');
  return outcome;
}

/** Sends one claimed delivery (or records why not) and returns what became of it. */
export async function processClaimed(
  deps: MailDeps,
  { context: ctx, ...d }: ClaimedWithContext,
  recordSent: RecordSent,
): Promise<MailOutcome> {
  if (d.kind === 'digest') return sendDigest(deps, d, recordSent);
  if (!ctx) {
    await markOutcome(deps.db, d.id, 'skipped', 'invitation missing');
    return 'skipped';
  }
  const reason = skipReason(d, ctx);
  if (reason) {
    await markOutcome(deps.db, d.id, 'skipped', reason);
    return 'skipped';
  }
  const link = `${deps.config.publicUrl}/s/${invitationToken(deps.config.tokenSecret, ctx.invitationId)}`;
  const mail = renderStaffMail({
    kind: d.kind,
    round: d.round,
    fullName: ctx.fullName,
    unitName: ctx.unitName,
    campaignName: ctx.campaignName,
    year: ctx.year,
    closesAt: ctx.closesAt,
    link,
    optOutLink: `${link}/opt-out`,
    retentionDays: deps.config.retentionDays,
  });
  return deliver(deps, d, ctx.email, mail, recordSent);
}

async function sendDigest(deps: MailDeps, d: ClaimedDelivery, recordSent: RecordSent): Promise<MailOutcome> {
  const ctx = await loadDigestContext(deps.db, d.id);
  if (!ctx || !ctx.open || ctx.waiting.length === 0) {
    await markOutcome(deps.db, d.id, 'skipped', !ctx ? 'no focal point' : !ctx.open ? 'campaign not open' : 'everyone answered');
    return 'skipped';
  }
  return deliver(deps, d, ctx.focalPointEmail, renderUnitDigest(ctx), recordSent);
}

/** Sends one claimed delivery and records the outcome (sent / bounced / failed for a retry). */
async function deliver(
  deps: MailDeps,
  d: ClaimedDelivery,
  to: string,
  mail: { subject: string; text: string; html: string; listUnsubscribe?: string },
  recordSent: RecordSent,
): Promise<MailOutcome> {
  let messageId: string;
  try {
    messageId = (await deps.mail.send({ to, ...mail, messageId: `<${d.id}@hailong>` })).messageId;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (isPermanentSmtpError(err)) {
      await markBounced(deps.db, d, message);
      return 'bounced';
    }
    return retryLater(deps, d, message);
  }
  await recordSent(d, messageId);
  return 'sent';
}

/** Records a transient failure and schedules the next attempt (the sweeper re-adds a lost job). */
async function retryLater(deps: MailDeps, d: ClaimedDelivery, message: string): Promise<MailOutcome> {
  const next = await persist(() =>
    markRetry(deps.db, d, message, retryDelayMs(deps.config.mailRetry, d.attempts), deps.config.mailRetry.windowMs),
  );
  if (next.status === 'failed') {
    deps.log('warn', 'mail failed after the retry window', { deliveryId: d.id, attempts: d.attempts });
    return 'failed';
  }
  const opts = { ...MAIL_JOB_OPTIONS, jobId: jobId.mailAttempt(d.id, d.attempts), delay: Math.ceil(next.delayMs) };
  await deps.mailQueue.add(d.kind, { deliveryId: d.id }, opts).catch((err: unknown) => {
    deps.log('warn', 'could not schedule the retry; the sweeper will', { deliveryId: d.id, err: String(err) });
  });
  return 'retrying';
}

/**
 * Writes an outcome, trying again for a few seconds when the database does not answer (a restart):
 * a mail the SMTP server accepted but that is never marked sent would be sent again after its lease.
 */
export async function persist<T>(write: () => Promise<T>, tries = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (err) {
      if (i >= tries) throw err;
      await new Promise((r) => setTimeout(r, Math.min(250 * 2 ** (i - 1), 4_000)));
    }
  }
}
