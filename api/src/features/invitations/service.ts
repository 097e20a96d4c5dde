/**
 * Sending invitations and reminders. The database change (invitations with hashed tokens, one
 * mail_deliveries row per mail) commits first; then one dispatch job wakes the workers, which claim
 * the rows in batches. If Redis is down the rows stay 'pending' and the worker's sweeper sends them later.
 */
import { randomUUID } from 'node:crypto';
import type { SendResult } from '@hailong/contracts';
import type { Db, DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';
import { enqueueDispatch, invitationToken, tokenHash, type ProducerQueues } from '@hailong/runtime';
import { AppError } from '../../errors.ts';
import { findCampaign } from '../campaigns/repo.ts';
import { getCampaign, isOpen } from '../campaigns/service.ts';
import { STAFF_GROUPS, staffTemplateCode } from '../campaigns/staff-templates.ts';
import { findStoredForm } from '../forms/repo.ts';
import { audience } from './audience-repo.ts';
import { assertCanSend, gapStartOf, type MailConfig } from './mail-preview.ts';
import {
  createInvitationDeliveries,
  createReminderDeliveries,
  insertInvitations,
  rearmFailedInvitationMails,
  respondentsWithoutInvitation,
} from './repo.ts';

export type Enqueue = <T>(fn: (q: ProducerQueues) => Promise<T>) => Promise<T>;

/**
 * Wakes the workers after the rows committed: one dispatch job whatever the number of mails; the
 * worker claims the due rows in batches (docs/0024-batched-mail.md).
 */
export async function enqueueDeliveries(enqueue: Enqueue, count: number): Promise<void> {
  if (count > 0) await enqueue((q) => enqueueDispatch(q.mail));
}

/**
 * The latest stored version of the template each group answers in this campaign (docs/0022). Read
 * under the campaign's row lock, so a template change and a send never interleave.
 */
async function formIdsByGroup(db: DbOrTx, campaignId: string): Promise<Map<string, number>> {
  await db.execute(sql`select 1 from campaigns where id = ${campaignId} for update`);
  const campaign = await findCampaign(db, campaignId);
  const out = new Map<string, number>();
  for (const g of STAFF_GROUPS) {
    const code = staffTemplateCode(campaign, g);
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
  const { created, deliveries, rearmed } = await db.transaction(async (tx) => {
    const forms = await formIdsByGroup(tx, campaignId);
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
  await enqueueDeliveries(enqueue, deliveries.length + rearmed.length);
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
  await enqueueDeliveries(enqueue, deliveries.length + rearmed.length);
  return { created: 0, queued: deliveries.length + rearmed.length, skipped, ...(warning ? { warning } : {}) };
}
