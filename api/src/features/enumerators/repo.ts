import { schema, type DbOrTx, type UserRole } from '@hailong/db';
import { sql } from 'drizzle-orm';
import { pgArray } from '../submissions/pg-array.ts';

const { organisations, users, campaignSupervisors } = schema;

/** The organisation with this name, created with `kind` if it does not exist yet. */
export async function ensureOrganisation(db: DbOrTx, name: string, kind: 'enumerator' | 'supervisor'): Promise<number> {
  const inserted = await db.insert(organisations).values({ name, kind }).onConflictDoNothing().returning({ id: organisations.id });
  if (inserted[0]) return inserted[0].id;
  const rows = await db.select({ id: organisations.id }).from(organisations).where(sql`${organisations.name} = ${name}`).limit(1);
  if (!rows[0]) throw new Error('organisation vanished during ensureOrganisation');
  return rows[0].id;
}

export interface AccountRow {
  email: string;
  fullName: string;
  passwordHash: string;
  role: UserRole;
  organisationId: number;
}

export async function insertAccounts(db: DbOrTx, rows: AccountRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const out = await db.insert(users).values(rows).returning({ id: users.id });
  return out.map((r) => r.id);
}

/** Which of these emails already have an account (lower-cased). */
export async function existingEmails(db: DbOrTx, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const lowered = emails.map((e) => e.toLowerCase());
  const rows = await db
    .select({ email: sql<string>`lower(${users.email})` })
    .from(users)
    .where(sql`lower(${users.email}) = any(${pgArray(lowered)}::text[])`);
  return new Set(rows.map((r) => r.email));
}

export async function attachSupervisor(db: DbOrTx, campaignId: string, organisationId: number): Promise<void> {
  await db.insert(campaignSupervisors).values({ campaignId, organisationId }).onConflictDoNothing();
}
