import { schema, type DbOrTx } from '@hailong/db';
import { eq, sql } from 'drizzle-orm';

const { invitations, respondents, respondentUnits, units, campaigns } = schema;

export interface LinkRow {
  invitationId: string;
  respondentId: string;
  campaignId: string;
  formId: number;
  unitId: number;
  completedAt: Date | null;
  draftAnswers: unknown;
  fullName: string;
  unitCode: string;
  unitName: string;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
}

const linkColumns = {
  invitationId: invitations.id,
  respondentId: invitations.respondentId,
  campaignId: invitations.campaignId,
  formId: invitations.formId,
  unitId: respondents.unitId,
  completedAt: invitations.completedAt,
  draftAnswers: invitations.draftAnswers,
  fullName: respondents.fullName,
  unitCode: units.code,
  unitName: units.name,
  opensAt: campaigns.opensAt,
  closesAt: campaigns.closesAt,
  closedAt: campaigns.closedAt,
};

export async function findLink(db: DbOrTx, tokenHash: string): Promise<LinkRow | undefined> {
  const rows = await db
    .select(linkColumns)
    .from(invitations)
    .innerJoin(respondents, eq(respondents.id, invitations.respondentId))
    .innerJoin(units, eq(units.id, respondents.unitId))
    .innerJoin(campaigns, eq(campaigns.id, invitations.campaignId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return rows[0];
}

export interface RatedUnit {
  id: number;
  code: string;
  name: string;
}

/**
 * The units a respondent's answers count for, in answering order (docs/0018). A respondent without
 * rows (written before the import recorded them, or by a bulk tool) rates their own unit.
 */
export async function ratedUnitsOf(
  db: DbOrTx,
  link: Pick<LinkRow, 'respondentId' | 'unitId' | 'unitCode' | 'unitName'>,
): Promise<RatedUnit[]> {
  const rows = await db
    .select({ id: units.id, code: units.code, name: units.name })
    .from(respondentUnits)
    .innerJoin(units, eq(units.id, respondentUnits.unitId))
    .where(eq(respondentUnits.respondentId, link.respondentId))
    .orderBy(respondentUnits.position);
  return rows.length > 0 ? rows : [{ id: link.unitId, code: link.unitCode, name: link.unitName }];
}

export async function markOpened(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(invitations)
    .set({ openedAt: sql`coalesce(${invitations.openedAt}, now())` })
    .where(eq(invitations.id, id));
}

export async function saveDraft(db: DbOrTx, id: string, answers: unknown): Promise<Date | undefined> {
  const rows = await db
    .update(invitations)
    .set({
      draftAnswers: answers,
      draftUpdatedAt: sql`now()`,
      startedAt: sql`coalesce(${invitations.startedAt}, now())`,
      openedAt: sql`coalesce(${invitations.openedAt}, now())`,
    })
    .where(sql`${invitations.id} = ${id} and ${invitations.completedAt} is null`)
    .returning({ at: invitations.draftUpdatedAt });
  return rows[0]?.at ?? undefined;
}

/** Locks the invitation row for the submit transaction; returns its completion time. */
export async function lockInvitation(
  db: DbOrTx,
  id: string,
): Promise<{ completedAt: Date | null; startedAt: Date | null } | undefined> {
  const rows = await db
    .select({ completedAt: invitations.completedAt, startedAt: invitations.startedAt })
    .from(invitations)
    .where(eq(invitations.id, id))
    .for('update');
  return rows[0];
}

export async function markCompleted(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db
    .update(invitations)
    .set({
      completedAt: at,
      draftAnswers: null,
      draftUpdatedAt: null,
      startedAt: sql`coalesce(${invitations.startedAt}, ${at})`,
      openedAt: sql`coalesce(${invitations.openedAt}, ${at})`,
    })
    .where(eq(invitations.id, id));
}

/**
 * Rewrites the staff answers of one campaign × unit × form in random order (migration 0023), so that
 * neither physical order nor writing transaction follows completion order (docs/0012).
 */
export async function shuffleStaffAnswers(tx: DbOrTx, campaignId: string, unitId: number, formId: number): Promise<void> {
  await tx.execute(sql`select responses_shuffle_staff(${campaignId}::uuid, ${unitId}::int, ${formId}::int)`);
}

/**
 * Records that the respondent wants no more mails (the first time only; a second click keeps the
 * first time). Sends and reminder rounds skip respondents with `opted_out_at` set.
 */
export async function markOptedOut(db: DbOrTx, respondentId: string): Promise<Date | undefined> {
  const rows = await db
    .update(respondents)
    .set({ optedOutAt: sql`coalesce(${respondents.optedOutAt}, now())` })
    .where(eq(respondents.id, respondentId))
    .returning({ at: respondents.optedOutAt });
  return rows[0]?.at ?? undefined;
}
