import { schema, type DbOrTx } from '@hailong/db';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';

const { users, organisations, sessions, units } = schema;

export async function listConsoleAccounts(db: DbOrTx) {
  return db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
      organisation: organisations.name,
      unitCode: units.code,
      unitName: units.name,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(units, eq(units.id, users.unitId))
    .orderBy(users.role, sql`lower(${users.email})`);
}

export async function findAccount(db: DbOrTx, id: string) {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

export async function setDisabled(db: DbOrTx, id: string, disabled: boolean): Promise<void> {
  await db
    .update(users)
    .set({ disabledAt: disabled ? new Date() : null })
    .where(eq(users.id, id));
  if (disabled) await db.delete(sessions).where(eq(sessions.userId, id));
}

export async function setPassword(db: DbOrTx, id: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, id));
  await db.delete(sessions).where(eq(sessions.userId, id));
}

/** Enabled administrators other than `exceptId`. */
export async function countActiveAdmins(db: DbOrTx, exceptId?: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), exceptId ? ne(users.id, exceptId) : undefined));
  return rows[0]?.n ?? 0;
}

/** The id of a current unit (not merged away or dissolved), for a focal point's account. */
export async function currentUnitId(db: DbOrTx, code: string): Promise<number | undefined> {
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.code, code), isNull(units.validTo)))
    .limit(1);
  return rows[0]?.id;
}
