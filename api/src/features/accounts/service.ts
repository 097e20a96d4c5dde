/**
 * Console accounts (issue 17 item 6): admins create Sở Nội vụ staff, supervisors and observers, get
 * a temporary password to hand over (shown once, stored only hashed), disable, enable and reset.
 * Every change is audited; disabling or resetting ends the account's sessions. The last enabled
 * administrator cannot be disabled.
 */
import type { Account, AccountCreate, AccountSecret } from '@hailong/contracts';
import { isUniqueViolation, type Db, type DbOrTx } from '@hailong/db';
import { AppError } from '../../errors.ts';
import { hashPassword } from '../../lib/password.ts';
import { newShortCode } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/record.ts';
import { ensureUser } from '../auth/repo.ts';
import { ensureOrganisation } from '../enumerators/repo.ts';
import { countActiveAdmins, currentUnitId, findAccount, listConsoleAccounts, setDisabled, setPassword } from './repo.ts';

/** 16 characters from a 32-letter alphabet: 80 bits, readable aloud. */
const temporaryPassword = () => `${newShortCode(4)}-${newShortCode(4)}-${newShortCode(4)}-${newShortCode(4)}`;

export async function listAccounts(db: Db): Promise<Account[]> {
  return (await listConsoleAccounts(db)).map((a) => ({
    ...a,
    disabledAt: a.disabledAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  }));
}

export async function createAccount(db: Db, input: AccountCreate, actor: string | null): Promise<AccountSecret> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  try {
    const id = await db.transaction(async (tx) => {
      const organisationId =
        input.role === 'admin' || input.role === 'focal_point' || !input.organisation
          ? null
          : await ensureOrganisation(tx, input.organisation, 'supervisor');
      const unitId = await focalUnitId(tx, input);
      const u = await ensureUser(tx, {
        email: input.email,
        fullName: input.fullName,
        passwordHash,
        role: input.role,
        organisationId,
        unitId,
      });
      if (!u.created) throw new AppError('EMAIL_TAKEN', { field: 'email' });
      await recordAudit(tx, {
        actorUserId: actor,
        action: 'user.create',
        entity: 'user',
        entityId: u.id,
        details: { role: input.role, ...(input.unitCode ? { unitCode: input.unitCode } : {}) },
      });
      return u.id;
    });
    return { id, temporaryPassword: password };
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_key')) throw new AppError('EMAIL_TAKEN', { field: 'email' });
    throw err;
  }
}

/** A focal point's unit must be a current one; the other roles have none (the schema refuses a unitCode for them). */
async function focalUnitId(tx: DbOrTx, input: AccountCreate): Promise<number | null> {
  if (input.role !== 'focal_point' || !input.unitCode) return null;
  const unitId = await currentUnitId(tx, input.unitCode);
  if (unitId === undefined) throw new AppError('UNIT_UNKNOWN', { unitCode: input.unitCode });
  return unitId;
}

async function existing(db: Db, id: string) {
  const u = await findAccount(db, id);
  if (!u) throw new AppError('USER_NOT_FOUND');
  return u;
}

export async function changeDisabled(db: Db, id: string, disabled: boolean, actor: string | null): Promise<void> {
  const u = await existing(db, id);
  if (disabled && u.id === actor) throw new AppError('USER_SELF_DISABLE');
  await db.transaction(async (tx) => {
    if (disabled && u.role === 'admin' && (await countActiveAdmins(tx, u.id)) === 0) throw new AppError('USER_LAST_ADMIN');
    await setDisabled(tx, id, disabled);
    await recordAudit(tx, {
      actorUserId: actor,
      action: disabled ? 'user.disable' : 'user.enable',
      entity: 'user',
      entityId: id,
    });
  });
}

export async function resetPassword(db: Db, id: string, actor: string | null): Promise<AccountSecret> {
  await existing(db, id);
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await setPassword(tx, id, hash);
    await recordAudit(tx, { actorUserId: actor, action: 'user.reset_password', entity: 'user', entityId: id });
  });
  return { id, temporaryPassword: password };
}
