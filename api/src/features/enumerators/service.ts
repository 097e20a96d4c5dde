/**
 * Field accounts: enumerators (kind-enumerator organisations such as Bưu điện tỉnh) and supervisors
 * or observers (MTTQ, Hội CCB). Created one at a time or imported all-or-nothing from CSV/XLSX.
 */
import type { EnumeratorCreate, RowError } from '@hailong/contracts';
import { enumeratorCreateSchema } from '@hailong/contracts';
import { isUniqueViolation, type Db } from '@hailong/db';
import { AppError } from '../../errors.ts';
import { hashPassword } from '../../lib/password.ts';
import { getCampaign } from '../campaigns/service.ts';
import {
  attachSupervisor,
  ensureOrganisation,
  existingEmails,
  insertAccounts,
  listAccounts,
  listCampaignSupervisors,
} from './repo.ts';

export type FieldRole = 'enumerator' | 'supervisor' | 'observer';

function orgKind(role: FieldRole): 'enumerator' | 'supervisor' {
  return role === 'enumerator' ? 'enumerator' : 'supervisor';
}

/** Creates accounts in one transaction; a taken email fails the whole batch with EMAIL_TAKEN. */
async function insertAll(db: Db, accounts: Array<EnumeratorCreate & { role: FieldRole }>): Promise<string[]> {
  const hashed = await Promise.all(accounts.map(async (a) => ({ ...a, passwordHash: await hashPassword(a.password) })));
  try {
    return await db.transaction(async (tx) => {
      const orgIds = new Map<string, number>();
      for (const a of hashed) {
        if (!orgIds.has(a.organisation))
          orgIds.set(a.organisation, await ensureOrganisation(tx, a.organisation, orgKind(a.role)));
      }
      return insertAccounts(
        tx,
        hashed.map((a) => ({
          email: a.email,
          fullName: a.fullName,
          passwordHash: a.passwordHash,
          role: a.role,
          organisationId: orgIds.get(a.organisation) ?? 0,
        })),
      );
    });
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_key')) throw new AppError('EMAIL_TAKEN', { field: 'email' });
    throw err;
  }
}

export async function createAccount(db: Db, input: EnumeratorCreate, role: FieldRole): Promise<string> {
  const [id] = await insertAll(db, [{ ...input, role }]);
  if (!id) throw new Error('insert returned no id');
  return id;
}

export interface ImportRow {
  row: number;
  values: Record<string, string>;
}

const roleOf = (v: string | undefined, fallback: FieldRole): FieldRole | null => {
  const r = (v ?? '').trim().toLowerCase();
  if (!r) return fallback;
  return r === 'enumerator' || r === 'supervisor' || r === 'observer' ? r : null;
};

/** Validates every row first (per-row errors), then inserts all rows in one transaction or none. */
export async function importAccounts(db: Db, rows: ImportRow[], fallbackRole: FieldRole): Promise<string[]> {
  const errors: RowError[] = [];
  const accounts: Array<EnumeratorCreate & { role: FieldRole }> = [];
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const parsed = enumeratorCreateSchema.safeParse({
      fullName: values.full_name ?? values.fullName,
      email: values.email,
      organisation: values.organisation,
      password: values.password,
    });
    const role = roleOf(values.role, fallbackRole);
    if (!role) errors.push({ row, field: 'role', message: 'role phải là enumerator, supervisor hoặc observer' });
    if (!parsed.success) {
      for (const i of parsed.error.issues) errors.push({ row, field: String(i.path[0] ?? ''), message: i.message });
      continue;
    }
    const key = parsed.data.email.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      errors.push({ row, field: 'email', message: `trùng email với dòng ${first} / duplicate of row ${first}` });
    seen.set(key, row);
    if (role) accounts.push({ ...parsed.data, role });
  }
  const taken = await existingEmails(
    db,
    accounts.map((a) => a.email),
  );
  for (const { row, values } of rows) {
    if (taken.has((values.email ?? '').trim().toLowerCase()))
      errors.push({ row, field: 'email', message: 'email đã có tài khoản / email already has an account' });
  }
  if (rows.length === 0) errors.push({ row: 1, field: '', message: 'tệp không có dòng dữ liệu / no data rows' });
  if (errors.length > 0)
    throw new AppError(
      'IMPORT_INVALID',
      errors.sort((a, b) => a.row - b.row),
    );
  return insertAll(db, accounts);
}

export async function addCampaignSupervisor(db: Db, campaignId: string, organisation: string): Promise<number> {
  await getCampaign(db, campaignId);
  return db.transaction(async (tx) => {
    const orgId = await ensureOrganisation(tx, organisation, 'supervisor');
    await attachSupervisor(tx, campaignId, orgId);
    return orgId;
  });
}

export async function campaignSupervisors(db: Db, campaignId: string) {
  await getCampaign(db, campaignId);
  return listCampaignSupervisors(db, campaignId);
}

export const fieldAccounts = (db: Db, roles: FieldRole[]) => listAccounts(db, roles);
