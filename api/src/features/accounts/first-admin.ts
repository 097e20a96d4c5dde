/**
 * The first administrator without ADMIN_EMAIL/ADMIN_PASSWORD (issue 17 item 6): while no enabled
 * administrator exists, the start prints a link `/setup#<token>`; the token is derived from the
 * installation secret (every replica agrees, nothing is stored) and stops working as soon as an
 * administrator exists, so it is used once.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FirstAdmin } from '@hailong/contracts';
import type { Db, DbOrTx } from '@hailong/db';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { hashPassword } from '../../lib/password.ts';
import { keyedHash } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/record.ts';
import { ensureUser } from '../auth/repo.ts';
import { countActiveAdmins } from './repo.ts';

export const firstAdminToken = (secret: string): string => keyedHash(secret, 'first-admin', 'v1').slice(0, 40);

export async function setupNeeded(db: DbOrTx): Promise<boolean> {
  return (await countActiveAdmins(db)) === 0;
}

/** The link to print at start, or null when an administrator exists. */
export async function firstAdminLink(db: DbOrTx, secret: string, publicUrl: string): Promise<string | null> {
  return (await setupNeeded(db)) ? `${publicUrl}/setup#${firstAdminToken(secret)}` : null;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function createFirstAdmin(db: Db, secret: string, input: FirstAdmin): Promise<string> {
  if (!sameToken(input.token, firstAdminToken(secret))) throw new AppError('SETUP_TOKEN_INVALID');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Serialise concurrent attempts: only the first one finds no administrator.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('hailong-first-admin'))`);
    if (!(await setupNeeded(tx))) throw new AppError('SETUP_NOT_NEEDED');
    const u = await ensureUser(tx, { email: input.email, fullName: input.fullName, passwordHash, role: 'admin' });
    if (!u.created) throw new AppError('EMAIL_TAKEN', { field: 'email' });
    await recordAudit(tx, {
      actorUserId: u.id,
      action: 'user.first_admin',
      entity: 'user',
      entityId: u.id,
      details: { role: 'admin' },
    });
    return u.id;
  });
}
