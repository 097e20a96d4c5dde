/**
 * Back-checks (phúc tra): a random share (default 5%, campaign setting `backCheckShare`) of each
 * enumerator's forms is drawn for supervisors to re-contact. Drawing again tops each enumerator up
 * to the share of their current forms; the unique index on response_id keeps a form from being
 * drawn twice, and an advisory lock serialises concurrent draws of one campaign.
 */
import { randomInt } from 'node:crypto';
import type { BackCheck } from '@hailong/contracts';
import { schema, type Db, type DbOrTx } from '@hailong/db';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { AuthUser } from '../../plugins/auth.ts';
import { placeColumns, placeJoins, placeOf, type PlaceRow } from '../localities/place.ts';
import { assertCanWatch } from './access.ts';

export const DEFAULT_BACK_CHECK_SHARE = 0.05;

/** Picks `k` items uniformly at random (partial Fisher–Yates). */
export function pickRandom<T>(items: readonly T[], k: number): T[] {
  const a = [...items];
  const n = Math.min(k, a.length);
  for (let i = 0; i < n; i++) {
    const j = i + randomInt(a.length - i);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a.slice(0, n);
}

function shareSetting(settings: unknown): number {
  const v = settings && typeof settings === 'object' ? (settings as Record<string, unknown>).backCheckShare : undefined;
  return typeof v === 'number' && v > 0 && v <= 1 ? v : DEFAULT_BACK_CHECK_SHARE;
}

type Candidate = {
  id: string;
  enumerator_id: string;
  drawn: boolean;
};

/** Draws the campaign's back-checks; a supervisor who draws is assigned the new ones (`assignTo`). */
export async function drawBackChecks(
  db: Db,
  campaignId: string,
  share?: number,
  assignTo: string | null = null,
): Promise<number> {
  const campaign = await db
    .select({ settings: schema.campaigns.settings })
    .from(schema.campaigns)
    .where(eq(schema.campaigns.id, campaignId));
  const s = share ?? shareSetting(campaign[0]?.settings);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`back-checks:${campaignId}`}))`);
    const r = await tx.execute<Candidate>(sql`
      select r.id, a.enumerator_id, (bc.id is not null) as drawn
      from responses r join assignments a on a.id = r.source_id
      left join back_checks bc on bc.response_id = r.id
      where r.campaign_id = ${campaignId} and r.channel = 'enumerator' and r.review_state <> 'invalid'`);
    const byEnumerator = new Map<string, Candidate[]>();
    for (const c of r.rows) byEnumerator.set(c.enumerator_id, [...(byEnumerator.get(c.enumerator_id) ?? []), c]);
    const picked: string[] = [];
    for (const list of byEnumerator.values()) {
      const need = Math.ceil(list.length * s - 1e-9) - list.filter((c) => c.drawn).length;
      if (need > 0)
        picked.push(
          ...pickRandom(
            list.filter((c) => !c.drawn),
            need,
          ).map((c) => c.id),
        );
    }
    if (picked.length === 0) return 0;
    const ins = await tx
      .insert(schema.backChecks)
      .values(picked.map((responseId) => ({ responseId, assignedTo: assignTo })))
      .onConflictDoNothing()
      .returning({ id: schema.backChecks.id });
    return ins.length;
  });
}

type BackCheckRow = PlaceRow & {
  id: string;
  response_id: string;
  client_id: string;
  enumerator_id: string;
  enumerator_name: string;
  enumerator_email: string;
  unit_code: string;
  form_code: string;
  started_at: Date | null;
  completed_at: Date | null;
  outcome: BackCheck['outcome'];
  note: string | null;
  interview_note: string | null;
  procedure: string | null;
  assigned_to: string | null;
  assignee_name: string | null;
  drawn_at: Date;
  checked_at: Date | null;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Who reads the list: observers see outcomes only; the re-contact details go to the assigned supervisor and admins. */
export interface BackCheckViewer {
  id: string;
  role: string;
}

function visible(x: BackCheckRow, viewer: BackCheckViewer): Partial<BackCheck> {
  if (viewer.role === 'observer') return {};
  const assignedTo = x.assigned_to ? { id: x.assigned_to, fullName: x.assignee_name ?? '' } : null;
  if (viewer.role !== 'admin' && x.assigned_to !== viewer.id) return { assignedTo };
  return {
    assignedTo,
    note: x.note,
    interviewNote: x.interview_note,
    contact: { place: placeOf(x), enumeratorEmail: x.enumerator_email, procedure: x.procedure },
  };
}

/**
 * The drawn forms, by enumerator: unit, locality, form and interview time for everyone allowed to
 * watch; the supervisor assigned to re-contact the respondent (and admins) also get the place in
 * words, the enumerator's note and email and the procedure the respondent named. Observers get no
 * assignment and no note: both notes are free text that may name or locate the respondent.
 */
export async function listBackChecks(db: DbOrTx, campaignId: string, viewer: BackCheckViewer): Promise<BackCheck[]> {
  const r = await db.execute<BackCheckRow>(sql`
    select bc.id, bc.response_id, r.client_id, a.enumerator_id, u.full_name as enumerator_name, u.email as enumerator_email,
           un.code as unit_code, f.code as form_code, r.started_at, r.completed_at, bc.outcome, bc.note, r.note as interview_note,
           r.answers->>'PROCEDURE' as procedure, bc.assigned_to, s.full_name as assignee_name, bc.drawn_at, bc.checked_at, ${placeColumns}
    from back_checks bc join responses r on r.id = bc.response_id
    join assignments a on a.id = r.source_id join users u on u.id = a.enumerator_id join units un on un.id = r.unit_id
    join forms f on f.id = r.form_id ${placeJoins} left join users s on s.id = bc.assigned_to
    where r.campaign_id = ${campaignId}
    order by u.full_name, bc.drawn_at, bc.id`);
  return r.rows.map((x) => ({
    id: x.id,
    responseId: x.response_id,
    clientId: x.client_id,
    enumeratorId: x.enumerator_id,
    enumeratorName: x.enumerator_name,
    unitCode: x.unit_code,
    unitName: x.unit_name ?? '',
    localityName: x.locality_name,
    formCode: x.form_code,
    startedAt: iso(x.started_at),
    completedAt: iso(x.completed_at),
    outcome: x.outcome,
    ...visible(x, viewer),
    drawnAt: iso(x.drawn_at) ?? '',
    checkedAt: iso(x.checked_at),
  }));
}

async function findBackCheck(db: DbOrTx, id: string) {
  const { backChecks, responses } = schema;
  const rows = await db
    .select({ campaignId: responses.campaignId, assignedTo: backChecks.assignedTo })
    .from(backChecks)
    .innerJoin(responses, eq(responses.id, backChecks.responseId))
    .where(eq(backChecks.id, id));
  if (!rows[0]) throw new AppError('BACK_CHECK_NOT_FOUND');
  return rows[0];
}

/** A supervisor (or an admin, for themselves) takes an unassigned back-check (again: no change); one assigned to someone else is refused. */
export async function claimBackCheck(db: Db, user: AuthUser, id: string): Promise<void> {
  const bc = await findBackCheck(db, id);
  await assertCanWatch(db, user, bc.campaignId);
  const { backChecks, auditLog } = schema;
  await db.transaction(async (tx) => {
    const taken = await tx
      .update(backChecks)
      .set({ assignedTo: user.id })
      .where(and(eq(backChecks.id, id), or(isNull(backChecks.assignedTo), eq(backChecks.assignedTo, user.id))))
      .returning({ id: backChecks.id });
    if (taken.length === 0) throw new AppError('BACK_CHECK_TAKEN');
    await tx
      .insert(auditLog)
      .values({ actorUserId: user.id, action: 'back_check_claim', entity: 'back_check', entityId: id, details: {} });
  });
}

/** Admins, or the assigned supervisor (a supervisor recording an unassigned one takes it). */
export async function recordOutcome(
  db: Db,
  user: AuthUser,
  id: string,
  outcome: 'confirmed' | 'not_reached' | 'contradicted',
  note?: string,
) {
  const { backChecks, auditLog } = schema;
  const bc = await findBackCheck(db, id);
  await assertCanWatch(db, user, bc.campaignId);
  if (user.role !== 'admin' && bc.assignedTo !== null && bc.assignedTo !== user.id) throw new AppError('BACK_CHECK_TAKEN');
  await db.transaction(async (tx) => {
    const assignedTo = user.role === 'admin' ? bc.assignedTo : user.id;
    await tx
      .update(backChecks)
      .set({ outcome, note: note ?? null, assignedTo, checkedBy: user.id, checkedAt: new Date() })
      .where(eq(backChecks.id, id));
    await tx
      .insert(auditLog)
      .values({ actorUserId: user.id, action: 'back_check_outcome', entity: 'back_check', entityId: id, details: { outcome } });
  });
}
