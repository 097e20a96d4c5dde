/**
 * A focal point resends one person's invitation, by the rules of the admin's "remind now": the
 * campaign is open, the person has the first invitation, has not answered, opted out or bounced,
 * and got no reminder within REMINDER_MIN_GAP_HOURS. The person's row is locked, so a double click
 * or two focal points at once queue one mail; the second click answers `recently_reminded`.
 * Audited with the focal point as the actor (ids only).
 */
import type { FocalResendResult } from '@hailong/contracts';
import type { Db } from '@hailong/db';
import { jobId, MAIL_JOB_OPTIONS } from '@hailong/runtime';
import { AppError } from '../../errors.ts';
import { isOpen } from '../campaigns/service.ts';
import { recordAudit } from '../audit/record.ts';
import { assertCanSend, gapStartOf, type MailConfig } from '../invitations/mail-preview.ts';
import type { Enqueue } from '../invitations/service.ts';
import { insertReminder, lockResendTarget, rearmInvitation, type ResendTarget } from './repo.ts';
import { ownCampaign } from './service.ts';

type Queued = { deliveryId: string; kind: 'invitation' | 'reminder'; attempts: number };

function refuseUnlessDue(t: ResendTarget | undefined): asserts t is ResendTarget {
  if (!t) throw new AppError('RESPONDENT_NOT_FOUND');
  if (t.completed_at) throw new AppError('RESEND_ANSWERED');
  if (t.opted_out_at) throw new AppError('RESEND_OPTED_OUT');
  if (t.bounced_at) throw new AppError('RESEND_BOUNCED');
  if (!t.invitation_id || (!t.sent_at && !t.failed_invitation)) throw new AppError('RESEND_NOT_INVITED');
}

export interface ResendInput {
  campaignId: string;
  respondentId: string;
  unitId: number;
  actorUserId: string;
}

export async function resendInvitation(
  db: Db,
  enqueue: Enqueue,
  config: MailConfig,
  input: ResendInput,
): Promise<FocalResendResult> {
  const c = await ownCampaign(db, input.campaignId, input.unitId);
  if (!isOpen(c)) throw new AppError(c.opensAt > new Date() ? 'CAMPAIGN_NOT_OPEN' : 'CAMPAIGN_CLOSED');
  const warning = assertCanSend(config);
  const gapStart = gapStartOf(config);
  const nextAfter = (d: Date) => new Date(new Date(d).getTime() + config.reminderMinGapHours * 3600_000).toISOString();
  const done = await db.transaction(async (tx) => {
    const t = await lockResendTarget(tx, input.campaignId, input.unitId, input.respondentId);
    refuseUnlessDue(t);
    const invitationId = t.invitation_id as string;
    if (t.last_reminder_at && new Date(t.last_reminder_at) > gapStart)
      return { queued: null, last: new Date(t.last_reminder_at) };
    let queued: Queued | null = null;
    if (!t.sent_at) {
      const d = await rearmInvitation(tx, invitationId);
      if (d) queued = { deliveryId: d.id, kind: 'invitation', attempts: d.attempts };
    } else {
      const d = await insertReminder(tx, input.campaignId, invitationId);
      if (d) queued = { deliveryId: d.id, kind: 'reminder', attempts: 0 };
    }
    if (!queued) throw new AppError('RESEND_NOT_INVITED');
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'invitation.resend',
      entity: 'invitation',
      entityId: invitationId,
      details: { campaignId: input.campaignId, kind: queued.kind },
    });
    return { queued, last: new Date() };
  });
  if (!done.queued)
    return {
      outcome: 'recently_reminded',
      lastRemindedAt: done.last.toISOString(),
      nextAllowedAt: nextAfter(done.last),
      ...(warning ? { warning } : {}),
    };
  const q = done.queued;
  // After commit; if Redis is down this answers 503 and the row stays pending: the worker's sweeper sends it.
  await enqueue((queues) =>
    queues.mail.add(
      q.kind,
      { deliveryId: q.deliveryId },
      { ...MAIL_JOB_OPTIONS, jobId: q.attempts > 0 ? jobId.mailAttempt(q.deliveryId, q.attempts) : jobId.mail(q.deliveryId) },
    ),
  );
  return {
    outcome: 'queued',
    lastRemindedAt: done.last.toISOString(),
    nextAllowedAt: nextAfter(done.last),
    ...(warning ? { warning } : {}),
  };
}
