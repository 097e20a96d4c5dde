/**
 * The respondent's side of a personal link. The token is hashed and looked up; an unknown token is
 * a bare 404 (nothing says whether a campaign, a respondent or anything else exists). Submitting
 * goes through the shared write path (storeResponse, channel 'email', source = invitation) and sets
 * completed_at in the same transaction, under a row lock; the unique responses_invitation_key index
 * is the last line of defence against a double submit.
 */
import { randomUUID } from 'node:crypto';
import { toPublicForm, type OptOutResult, type SurveyLink } from '@hailong/contracts';
import { isUniqueViolation, type Db } from '@hailong/db';
import type { Answers } from '@hailong/forms';
import { tokenHash } from '@hailong/runtime';
import { AppError } from '../../errors.ts';
import { findStoredFormById, type StoredForm } from '../forms/repo.ts';
import { checkAnswers, storeResponse } from '../submissions/service.ts';
import { findLink, lockInvitation, markCompleted, markOpened, markOptedOut, saveDraft, type LinkRow } from './repo.ts';

async function linkOf(db: Db, token: string): Promise<LinkRow> {
  const link = await findLink(db, tokenHash(token));
  if (!link) throw new AppError('NOT_FOUND');
  return link;
}

async function resolve(db: Db, token: string): Promise<{ link: LinkRow; form: StoredForm }> {
  const link = await linkOf(db, token);
  const form = await findStoredFormById(db, link.formId);
  if (!form) throw new AppError('NOT_FOUND');
  return { link, form };
}

function assertOpen(link: LinkRow, now = new Date()): void {
  if (link.closedAt || link.closesAt <= now) throw new AppError('CAMPAIGN_CLOSED', { closesAt: (link.closedAt ?? link.closesAt).toISOString() });
  if (link.opensAt > now) throw new AppError('CAMPAIGN_NOT_OPEN', { opensAt: link.opensAt.toISOString() });
}

export async function openLink(db: Db, token: string): Promise<SurveyLink> {
  const { link, form } = await resolve(db, token);
  if (!link.completedAt) {
    assertOpen(link);
    await markOpened(db, link.invitationId);
  }
  return {
    status: link.completedAt ? 'completed' : 'open',
    form: toPublicForm(form.definition),
    answers: link.completedAt ? {} : ((link.draftAnswers ?? {}) as Answers),
    respondentName: link.fullName,
    unit: { code: link.unitCode, name: link.unitName },
    closesAt: link.closesAt.toISOString(),
    completedAt: link.completedAt?.toISOString() ?? null,
  };
}

export async function saveLinkDraft(db: Db, token: string, answers: unknown): Promise<{ savedAt: string }> {
  const { link, form } = await resolve(db, token);
  if (link.completedAt) throw new AppError('ALREADY_SUBMITTED');
  assertOpen(link);
  const clean = checkAnswers(form, answers, true);
  const at = await saveDraft(db, link.invitationId, clean);
  if (!at) throw new AppError('ALREADY_SUBMITTED');
  return { savedAt: at.toISOString() };
}

export async function submitLink(db: Db, token: string, answers: unknown): Promise<{ id: string; completedAt: string }> {
  const { link, form } = await resolve(db, token);
  if (link.completedAt) throw new AppError('ALREADY_SUBMITTED');
  assertOpen(link);
  const now = new Date();
  try {
    return await db.transaction(async (tx) => {
      const inv = await lockInvitation(tx, link.invitationId);
      if (!inv || inv.completedAt) throw new AppError('ALREADY_SUBMITTED');
      const stored = await storeResponse(tx, {
        clientId: randomUUID(),
        campaignId: link.campaignId,
        form,
        unitId: link.unitId,
        channel: 'email',
        sourceId: link.invitationId,
        answers,
        startedAt: inv.startedAt,
        completedAt: now,
      });
      await markCompleted(tx, link.invitationId, now);
      return { id: stored.receipt.id, completedAt: now.toISOString() };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'responses_invitation_key')) throw new AppError('ALREADY_SUBMITTED');
    throw err;
  }
}

/**
 * The respondent's opt-out (the link in every mail, after a confirmation click on /s/<token>/opt-out):
 * no further invitation or reminder mail. Works whatever the campaign's state; answering stays
 * possible while the campaign is open.
 */
export async function optOutLink(db: Db, token: string): Promise<OptOutResult> {
  const link = await linkOf(db, token);
  const at = await markOptedOut(db, link.respondentId);
  if (!at) throw new AppError('NOT_FOUND');
  return { optedOutAt: at.toISOString() };
}
