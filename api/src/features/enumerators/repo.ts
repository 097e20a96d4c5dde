import { schema, type DbOrTx, type UserRole } from '@hailong/db';
import { sql } from 'drizzle-orm';
import { pgArray } from '../submissions/pg-array.ts';

const { organisations, users, campaignSupervisors } = schema;

/** The organisation with this name, created with `kind` if it does not exist yet. */
export async function ensureOrganisation(db: DbOrTx, name: string, kind: 'enumerator' | 'supervisor'): Promise<number> {
  const inserted = await db
    .insert(organisations)
    .values({ name, kind })
    .onConflictDoNothing()
    .returning({ id: organisations.id });
  if (inserted[0]) return inserted[0].id;
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`${organisations.name} = ${name}`)
    .limit(1);
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

/** Field accounts of these roles with their organisation, by organisation then name. */
export async function listAccounts(db: DbOrTx, roles: UserRole[]) {
  const r = await db.execute<{
    id: string;
    full_name: string;
    email: string;
    role: 'enumerator' | 'supervisor' | 'observer';
    organisation: string | null;
  }>(sql`
    select u.id, u.full_name, u.email, u.role, o.name as organisation
    from users u left join organisations o on o.id = u.organisation_id
    where u.role = any(${pgArray(roles)}::text[]) and u.disabled_at is null
    order by o.name nulls last, u.full_name, u.email`);
  return r.rows.map((x) => ({ id: x.id, fullName: x.full_name, email: x.email, role: x.role, organisation: x.organisation }));
}

export async function listCampaignSupervisors(db: DbOrTx, campaignId: string) {
  const r = await db.execute<{ id: number; name: string }>(sql`
    select o.id, o.name from campaign_supervisors cs join organisations o on o.id = cs.organisation_id
    where cs.campaign_id = ${campaignId} order by o.name`);
  return r.rows;
}
