/**
 * Per-account backoff and lockout (docs/0009-abuse-limits.md). Every attempt on an existing account
 * is counted BEFORE its password is checked, in one conditional UPDATE, so parallel guesses cannot
 * slip through between the check and the count:
 *
 * - the first FREE_FAILURES attempts since the last success are free; after that the account can be
 *   tried again only after a delay that doubles with each failure (1 s, 2 s, 4 s … at most 15 min);
 * - the LOCK_AFTER-th failure locks the account for LOCK_MS: no password — not even the right one —
 *   is checked until the lock ends or an admin unlocks; the owner is mailed (account_notices outbox)
 *   and the lock is audited;
 * - when the installation as a whole sees many failures (a spray over many accounts), every account
 *   that has failed once waits at least UNDER_ATTACK_BASE_S before its next attempt, so guessing
 *   speed is bounded by the number of accounts, while people who have not mistyped are unaffected.
 *
 * A success resets the count.
 */
import { schema, type Db, type DbOrTx } from '@hailong/db';
import { eq, sql } from 'drizzle-orm';

export const FREE_FAILURES = 5;
export const LOCK_AFTER = 10;
export const LOCK_MS = 30 * 60_000;
export const MAX_DELAY_S = 15 * 60;
export const UNDER_ATTACK_BASE_S = 60;

export type Claim = { ok: true; attempt: number } | { ok: false; lockedUntil: Date | null; retryAfterS: number };

/**
 * Counts one attempt on the account if it may be tried now. `underAttack` switches to the stricter
 * installation-wide schedule.
 */
export async function claimAttempt(db: DbOrTx, userId: string, underAttack: boolean): Promise<Claim> {
  const free = underAttack ? 1 : FREE_FAILURES;
  const base = underAttack ? UNDER_ATTACK_BASE_S : 1;
  const u = schema.users;
  const delay = sql`least(${MAX_DELAY_S}, ${base} * power(2, greatest(0, ${u.failedLogins} - ${free})))`;
  const claimed = await db
    .update(u)
    .set({ failedLogins: sql`${u.failedLogins} + 1`, lastFailedLoginAt: sql`now()` })
    .where(
      sql`${u.id} = ${userId}
      and (${u.lockedUntil} is null or ${u.lockedUntil} <= now())
      and (${u.failedLogins} < ${free} or ${u.lastFailedLoginAt} is null
           or ${u.lastFailedLoginAt} + ${delay} * interval '1 second' <= now())`,
    )
    .returning({ attempt: u.failedLogins });
  if (claimed[0]) return { ok: true, attempt: claimed[0].attempt };
  const rows = await db
    .select({
      lockedUntil: u.lockedUntil,
      wait: sql<number>`ceil(greatest(0, extract(epoch from (${u.lastFailedLoginAt} + ${delay} * interval '1 second' - now()))))::int`,
    })
    .from(u)
    .where(eq(u.id, userId));
  const row = rows[0];
  const locked = row?.lockedUntil && row.lockedUntil.getTime() > Date.now() ? row.lockedUntil : null;
  const retryAfterS = locked ? Math.ceil((locked.getTime() - Date.now()) / 1000) : Math.max(1, row?.wait ?? 1);
  return { ok: false, lockedUntil: locked, retryAfterS };
}

/** After a failed attempt: locks the account (audit + mail to its owner) when it reached LOCK_AFTER. */
export async function recordFailure(db: Db, userId: string, attempt: number): Promise<void> {
  if (attempt < LOCK_AFTER) return;
  const until = new Date(Date.now() + LOCK_MS);
  await db.transaction(async (tx) => {
    await tx.update(schema.users).set({ lockedUntil: until }).where(eq(schema.users.id, userId));
    await tx.insert(schema.auditLog).values({
      actorUserId: null,
      action: 'login.locked',
      entity: 'user',
      entityId: userId,
      details: { failedLogins: attempt, lockedUntil: until.toISOString() },
    });
    await tx
      .insert(schema.accountNotices)
      .values({ userId, kind: 'lockout', details: { lockedUntil: until.toISOString(), failedLogins: attempt } });
  });
}

/** After a successful login. */
export async function resetFailures(db: DbOrTx, userId: string): Promise<void> {
  await db
    .update(schema.users)
    .set({ failedLogins: 0, lastFailedLoginAt: null, lockedUntil: null })
    .where(eq(schema.users.id, userId));
}

/** An admin lifts a lock (audited). False when there is no such user. */
export async function unlockAccount(db: Db, userId: string, actorUserId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(schema.users)
      .set({ failedLogins: 0, lastFailedLoginAt: null, lockedUntil: null })
      .where(eq(schema.users.id, userId))
      .returning({ id: schema.users.id });
    if (!rows[0]) return false;
    await tx
      .insert(schema.auditLog)
      .values({ actorUserId, action: 'login.unlock', entity: 'user', entityId: userId, details: {} });
    return true;
  });
}
