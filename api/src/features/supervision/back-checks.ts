/**
 * Back-checks (phúc tra): a random share (default 5%, campaign setting `backCheckShare`) of each
 * enumerator's forms is drawn for supervisors to re-contact. Drawing again tops each enumerator up
 * to the share of their current forms; the unique index on response_id keeps a form from being
 * drawn twice, and an advisory lock serialises concurrent draws of one campaign.
 */
import { randomInt } from 'node:crypto';
import type { BackCheck } from '@hailong/contracts';
import { schema, type Db, type DbOrTx } from '@hailong/db';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { AuthUser } from '../../plugins/auth.ts';
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

export async function drawBackChecks(db: Db, campaignId: string, share?: number): Promise<number> {
  const campaign = await db.select({ settings: schema.campaigns.settings }).from(schema.campaigns).where(eq(schema.campaigns.id, campaignId));
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
      if (need > 0) picked.push(...pickRandom(list.filter((c) => !c.drawn), need).map((c) => c.id));
    }
    if (picked.length === 0) return 0;
    const ins = await tx.insert(schema.backChecks).values(picked.map((responseId) => ({ responseId }))).onConflictDoNothing().returning({ id: schema.backChecks.id });
    return ins.length;
  });
}

type BackCheckRow = {
  id: string;
  response_id: string;
  client_id: string;
  enumerator_id: string;
  enumerator_name: string;
  unit_code: string;
  unit_name: string;
  locality_name: string | null;
  form_code: string;
  started_at: Date | null;
  completed_at: Date | null;
  outcome: BackCheck['outcome'];
  note: string | null;
  interview_note: string | null;
  drawn_at: Date;
  checked_at: Date | null;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * The drawn forms, by enumerator, with what a supervisor needs to re-contact the respondent: unit,
 * locality, form, interview time and the enumerator's note. `withPersonal` false (observers) leaves
 * out both notes, which are free text that may name or locate the respondent.
 */
export async function listBackChecks(db: DbOrTx, campaignId: string, withPersonal = true): Promise<BackCheck[]> {
  const r = await db.execute<BackCheckRow>(sql`
    select bc.id, bc.response_id, r.client_id, a.enumerator_id, u.full_name as enumerator_name, un.code as unit_code, un.name as unit_name,
           l.name as locality_name, f.code as form_code, r.started_at, r.completed_at, bc.outcome, bc.note, r.note as interview_note,
           bc.drawn_at, bc.checked_at
    from back_checks bc join responses r on r.id = bc.response_id
    join assignments a on a.id = r.source_id join users u on u.id = a.enumerator_id join units un on un.id = r.unit_id
    join forms f on f.id = r.form_id left join localities l on l.id = a.locality_id
    where r.campaign_id = ${campaignId}
    order by u.full_name, bc.drawn_at, bc.id`);
  return r.rows.map((x) => ({
    id: x.id, responseId: x.response_id, clientId: x.client_id, enumeratorId: x.enumerator_id, enumeratorName: x.enumerator_name,
    unitCode: x.unit_code, unitName: x.unit_name, localityName: x.locality_name, formCode: x.form_code,
    startedAt: iso(x.started_at), completedAt: iso(x.completed_at), outcome: x.outcome,
    ...(withPersonal ? { note: x.note, interviewNote: x.interview_note } : {}),
    drawnAt: iso(x.drawn_at) ?? '', checkedAt: iso(x.checked_at),
  }));
}

export async function recordOutcome(db: Db, user: AuthUser, id: string, outcome: 'confirmed' | 'not_reached' | 'contradicted', note?: string) {
  const { backChecks, responses, auditLog } = schema;
  const rows = await db
    .select({ campaignId: responses.campaignId })
    .from(backChecks)
    .innerJoin(responses, eq(responses.id, backChecks.responseId))
    .where(eq(backChecks.id, id));
  if (!rows[0]) throw new AppError('BACK_CHECK_NOT_FOUND');
  await assertCanWatch(db, user, rows[0].campaignId);
  await db.transaction(async (tx) => {
    await tx.update(backChecks).set({ outcome, note: note ?? null, checkedBy: user.id, checkedAt: new Date() }).where(eq(backChecks.id, id));
    await tx.insert(auditLog).values({ actorUserId: user.id, action: 'back_check_outcome', entity: 'back_check', entityId: id, details: { outcome } });
  });
}
