import { schema, type Db } from '@hailong/db';
import { AppError } from '../../errors.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../lib/password.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { SESSION_TTL_MS } from '../../plugins/auth.ts';
import { deleteSession, ensureUser, findUserByEmail, insertSession } from './repo.ts';

export async function login(db: Db, email: string, password: string) {
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabledAt) throw new AppError('LOGIN_FAILED');
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
