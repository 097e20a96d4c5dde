import { schema, type Db } from '@hailong/db';
import { AppError } from '../../errors.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../lib/password.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { SESSION_TTL_MS } from '../../plugins/auth.ts';
import { claimAttempt, recordFailure, resetFailures } from './lockout.ts';
import type { LoginGuard } from './login-guard.ts';
import { deleteSession, ensureUser, findUserByEmail, insertSession } from './repo.ts';

/**
 * Checks a password under the per-account backoff and lockout (lockout.ts) and the
 * installation-wide guard (login-guard.ts); a locked or waiting account's password is not checked.
 */
export async function login(db: Db, guard: LoginGuard, email: string, password: string) {
  const user = await findUserByEmail(db, email);
  const claim = user && !user.disabledAt ? await claimAttempt(db, user.id, await guard.underAttack()) : undefined;
  if (claim && !claim.ok) {
    if (claim.lockedUntil) throw new AppError('ACCOUNT_LOCKED', { retryAfterSeconds: claim.retryAfterS });
    throw new AppError('LOGIN_THROTTLED', { retryAfterSeconds: claim.retryAfterS });
  }
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabledAt || !claim?.ok) {
    await guard.failed();
    if (user && claim?.ok) await recordFailure(db, user.id, claim.attempt);
    throw new AppError('LOGIN_FAILED');
  }
  await resetFailures(db, user.id);
  const token = newToken();
  await db.transaction(async (tx) => {
    await insertSession(tx, user.id, hashToken(token), new Date(Date.now() + SESSION_TTL_MS));
    await tx.insert(schema.auditLog).values({ actorUserId: user.id, action: 'login', entity: 'user', entityId: user.id });
  });
  return { token, user: { id: user.id, email: user.email, fullName: user.fullName, role: user.role } };
}

export async function logout(db: Db, token: string | undefined): Promise<void> {
  if (token) await deleteSession(db, hashToken(token));
}

/** Creates the initial admin from ADMIN_EMAIL/ADMIN_PASSWORD if no user has that email. */
export async function ensureAdmin(db: Db, admin: { email: string; password: string }): Promise<boolean> {
  const existing = await findUserByEmail(db, admin.email);
  if (existing) return false;
  const r = await ensureUser(db, {
    email: admin.email,
    fullName: 'Quản trị viên',
    passwordHash: await hashPassword(admin.password),
    role: 'admin',
  });
  return r.created;
}
