/**
 * Sending invitations and reminders. The database change (invitations with hashed tokens, one
 * mail_deliveries row per mail) commits first; jobs are enqueued after commit with the delivery id
 * as job id. If Redis is down the rows stay 'pending' and the worker's sweeper sends them later.
 */
import { randomUUID } from 'node:crypto';
import type { SendResult } from '@hailong/contracts';
import type { Db } from '@hailong/db';
import { staffTemplate, type RespondentGroup } from '@hailong/forms';
import { invitationToken, jobId, MAIL_JOB_OPTIONS, tokenHash, type ProducerQueues } from '@hailong/runtime';
import { AppError } from '../../errors.ts';
import { getCampaign, isOpen } from '../campaigns/service.ts';
import { findStoredForm } from '../forms/repo.ts';
import { audience } from './audience-repo.ts';
import { assertCanSend, gapStartOf, type MailConfig } from './mail-preview.ts';
import {
  createInvitationDeliveries,
  createReminderDeliveries,
  insertInvitations,
  rearmFailedInvitationMails,
  respondentsWithoutInvitation,
  type RearmedDelivery,
} from './repo.ts';

export type Enqueue = <T>(fn: (q: ProducerQueues) => Promise<T>) => Promise<T>;

export async function enqueueDeliveries(enqueue: Enqueue, kind: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    await enqueue((q) =>
      q.mail.addBulk(
        chunk.map((deliveryId) => ({
          name: kind,
          data: { deliveryId },
          opts: { jobId: jobId.mail(deliveryId), ...MAIL_JOB_OPTIONS },
        })),
      ),
    );
  }
}

/** Re-armed deliveries get a job id of their own: their first job may still be kept as completed. */
async function enqueueRearmed(enqueue: Enqueue, rows: RearmedDelivery[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await enqueue((q) =>
      q.mail.addBulk(
        chunk.map((d) => ({
          name: d.kind,
          data: { deliveryId: d.id },
          opts: { ...MAIL_JOB_OPTIONS, jobId: jobId.mailAttempt(d.id, d.attempts) },
        })),
      ),
    );
  }
}

async function formIdsByGroup(db: Db): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const g of ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'] as RespondentGroup[]) {
    const code = staffTemplate(g)?.code;
    const f = code ? await findStoredForm(db, code) : undefined;
    if (f) out.set(g, f.id);
  }
  return out;
}

async function openStaffCampaign(db: Db, campaignId: string) {
  const c = await getCampaign(db, campaignId);
  if (c.kind !== 'staff') throw new AppError('CAMPAIGN_NOT_STAFF');
  if (!isOpen(c)) throw new AppError(c.opensAt > new Date() ? 'CAMPAIGN_NOT_OPEN' : 'CAMPAIGN_CLOSED');
  return c;
}

export async function sendInvitations(
  db: Db,
  enqueue: Enqueue,
  config: MailConfig & { tokenSecret: string },
  campaignId: string,
): Promise<SendResult> {
  await openStaffCampaign(db, campaignId);
  const warning = assertCanSend(config);
  const secret = config.tokenSecret;
  const forms = await formIdsByGroup(db);
  const { created, deliveries, rearmed } = await db.transaction(async (tx) => {
    const pending = await respondentsWithoutInvitation(tx, campaignId);
    const values = pending.map((r) => {
      const id = randomUUID();
      const formId = forms.get(r.group);
      if (formId === undefined) throw new AppError('FORM_UNKNOWN', { group: r.group });
      return { id, campaignId, respondentId: r.id, formId, tokenHash: tokenHash(invitationToken(secret, id)) };
    });
    await insertInvitations(tx, values);
    return {
      created: values.length,
      deliveries: await createInvitationDeliveries(tx, campaignId),
      rearmed: await rearmFailedInvitationMails(tx, campaignId),
    };
  });
  await enqueueDeliveries(enqueue, 'invitation', deliveries);
  await enqueueRearmed(enqueue, rearmed);
  return { created, queued: deliveries.length + rearmed.length, ...(warning ? { warning } : {}) };
}

/**
 * "Remind now": the next reminder round to everyone still waiting who was not reminded within the
 * minimum gap (REMINDER_MIN_GAP_HOURS); the answer says who was left out and why.
 */
export async function sendReminders(db: Db, enqueue: Enqueue, config: MailConfig, campaignId: string): Promise<SendResult> {
  await openStaffCampaign(db, campaignId);
  const warning = assertCanSend(config);
  const gapStart = gapStartOf(config);
  const { deliveries, skipped, rearmed } = await db.transaction(async (tx) => ({
    skipped: (await audience(tx, campaignId, 'reminder', gapStart)).skipped,
    deliveries: await createReminderDeliveries(tx, campaignId, gapStart),
    rearmed: await rearmFailedInvitationMails(tx, campaignId),
  }));
  await enqueueDeliveries(enqueue, 'reminder', deliveries);
  await enqueueRearmed(enqueue, rearmed);
  return { created: 0, queued: deliveries.length + rearmed.length, skipped, ...(warning ? { warning } : {}) };
}
