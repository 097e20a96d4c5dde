/**
 * The respondent's side of a personal link. The token is hashed and looked up; an unknown token is
 * a bare 404 (nothing says whether a campaign, a respondent or anything else exists). Submitting
 * stores an answer set that cannot be traced back to the invitation (docs/0012): the shared write
 * path (storeResponse, channel 'email') with no source, a fresh random client id and the Vietnam day
 * instead of times; then the group's rows are rewritten in random order. Whether the link may answer
 * is decided by the invitation alone, in the same transaction and under its row lock: completed →
 * 409 ALREADY_SUBMITTED (a repeated submit changes nothing), otherwise it is marked completed and
 * its draft deleted. A respondent who rates several units (a delegate, docs/0018) sends one answer
 * set per unit; the submit stores one response per rated unit in the same transaction, each as
 * unlinkable as a single one.
 */
import { randomUUID } from 'node:crypto';
import { toPublicForm, type OptOutResult, type SurveyLink } from '@hailong/contracts';
import type { Db } from '@hailong/db';
import type { Answers } from '@hailong/forms';
import { tokenHash } from '@hailong/runtime';
import { AppError } from '../../errors.ts';
import { findStoredFormById, type StoredForm } from '../forms/repo.ts';
import { storeResponse } from '../submissions/service.ts';
import { checkAnswerSets, type AnswerInput } from './answer-sets.ts';
import { vnDayStart } from '../units/as-of.ts';
import {
  findLink,
  lockInvitation,
  markCompleted,
  markOpened,
  markOptedOut,
  ratedUnitsOf,
  saveDraft,
  shuffleStaffAnswers,
  type LinkRow,
} from './repo.ts';

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
  if (link.closedAt || link.closesAt <= now)
    throw new AppError('CAMPAIGN_CLOSED', { closesAt: (link.closedAt ?? link.closesAt).toISOString() });
  if (link.opensAt > now) throw new AppError('CAMPAIGN_NOT_OPEN', { opensAt: link.opensAt.toISOString() });
}

export async function openLink(db: Db, token: string): Promise<SurveyLink> {
  const { link, form } = await resolve(db, token);
  if (!link.completedAt) {
    assertOpen(link);
    await markOpened(db, link.invitationId);
  }
  const rated = await ratedUnitsOf(db, link);
  const draft = link.completedAt ? {} : ((link.draftAnswers ?? {}) as Record<string, unknown>);
  const several = rated.length > 1;
  return {
    status: link.completedAt ? 'completed' : 'open',
    form: toPublicForm(form.definition),
    answers: several ? {} : (draft as Answers),
    respondentName: link.fullName,
    unit: { code: link.unitCode, name: link.unitName },
    ratedUnits: rated.map((u) => ({ code: u.code, name: u.name })),
    unitAnswers: several ? (draft as Record<string, Answers>) : {},
    closesAt: link.closesAt.toISOString(),
    completedAt: link.completedAt?.toISOString() ?? null,
  };
}

/** A draft keeps every unit's answers: flat for one rated unit, by unit code for several. */
export async function saveLinkDraft(db: Db, token: string, input: AnswerInput): Promise<{ savedAt: string }> {
  const { link, form } = await resolve(db, token);
  if (link.completedAt) throw new AppError('ALREADY_SUBMITTED');
  assertOpen(link);
  const rated = await ratedUnitsOf(db, link);
  const sets = checkAnswerSets(form, rated, input, true);
  const draft = rated.length > 1 ? Object.fromEntries(sets.map((s) => [s.unit.code, s.answers])) : (sets[0]?.answers ?? {});
  const at = await saveDraft(db, link.invitationId, draft);
  if (!at) throw new AppError('ALREADY_SUBMITTED');
  return { savedAt: at.toISOString() };
}

export async function submitLink(db: Db, token: string, input: AnswerInput): Promise<{ completedAt: string }> {
  const { link, form } = await resolve(db, token);
  if (link.completedAt) throw new AppError('ALREADY_SUBMITTED');
  assertOpen(link);
  const rated = await ratedUnitsOf(db, link);
  // Every set is checked before the transaction; stored in unit-id order, so two submits touching the
  // same units take the per-group shuffle locks in the same order.
  const sets = checkAnswerSets(form, rated, input, false).sort((a, b) => a.unit.id - b.unit.id);
  const now = new Date();
  const day = vnDayStart(now.getTime());
  return db.transaction(async (tx) => {
    const inv = await lockInvitation(tx, link.invitationId);
    if (!inv || inv.completedAt) throw new AppError('ALREADY_SUBMITTED');
    for (const set of sets) {
      await storeResponse(tx, {
        clientId: randomUUID(),
        campaignId: link.campaignId,
        form,
        unitId: set.unit.id,
        channel: 'email',
        answers: set.answers,
        completedAt: day,
        receivedAt: day,
      });
      await shuffleStaffAnswers(tx, link.campaignId, set.unit.id, form.id);
    }
    await markCompleted(tx, link.invitationId, now);
    return { completedAt: now.toISOString() };
  });
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
