import { schema, type DbOrTx, type UserRole } from '@hailong/db';
import { eq, sql } from 'drizzle-orm';

const { users, sessions } = schema;

export async function findUserByEmail(db: DbOrTx, email: string) {
  const rows = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return rows[0];
}

export async function insertSession(db: DbOrTx, userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.insert(sessions).values({ userId, tokenHash, expiresAt });
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export interface NewUser {
  email: string;
  fullName: string;
  passwordHash: string;
  role: UserRole;
  organisationId?: number | null;
  unitId?: number | null;
}

/** Inserts a user unless one with that email exists; returns the id either way. */
export async function ensureUser(db: DbOrTx, u: NewUser): Promise<{ id: string; created: boolean }> {
  const inserted = await db.insert(users).values(u).onConflictDoNothing().returning({ id: users.id });
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const existing = await findUserByEmail(db, u.email);
  if (!existing) throw new Error('user vanished during ensureUser');
  return { id: existing.id, created: false };
}
