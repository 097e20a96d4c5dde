/**
 * Sends the account notices (lockout mails) the API wrote to its outbox table `account_notices`.
 * Run by the sweeper: each row is claimed (pending, or a 'sending' claim older than the lease) with
 * SKIP LOCKED so two workers never take the same row, sent, then marked sent; a failed send goes
 * back to pending until MAX_ATTEMPTS. At most one mail per notice, except for a worker killed
 * between the relay's acceptance and the 'sent' update (then one duplicate after the lease).
 */
import { sql } from 'drizzle-orm';
import { renderLockoutMail } from '../mail/templates/account-lockout.ts';
import type { WorkerDeps } from '../worker.ts';

const MAX_ATTEMPTS = 10;
const LEASE = '2 minutes';

type ClaimedNotice = {
  id: string;
  email: string;
  full_name: string;
  details: { lockedUntil?: string; failedLogins?: number };
};

export async function sendAccountNotices(deps: Pick<WorkerDeps, 'db' | 'mail'>, limit = 50): Promise<number> {
  const claimed = await deps.db.execute<ClaimedNotice>(sql`
    with c as (
      select n.id from account_notices n
      where n.attempts < ${MAX_ATTEMPTS}
        and (n.status = 'pending' or (n.status = 'sending' and n.claimed_at < now() - ${LEASE}::interval))
      order by n.created_at limit ${limit} for update skip locked
    )
    update account_notices n set status = 'sending', claimed_at = now(), attempts = n.attempts + 1
    from c, users u where n.id = c.id and u.id = n.user_id
    returning n.id, u.email, u.full_name, n.details`);
  let sent = 0;
  for (const n of claimed.rows) {
    const mail = renderLockoutMail({
      fullName: n.full_name,
      lockedUntil: new Date(n.details.lockedUntil ?? Date.now()),
      failedLogins: n.details.failedLogins ?? 0,
    });
    try {
      await deps.mail.send({ to: n.email, ...mail, messageId: `<notice-${n.id}@hailong>` });
      await deps.db.execute(
        sql`update account_notices set status = 'sent', sent_at = now(), last_error = null where id = ${n.id}`,
      );
      sent++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await deps.db.execute(
        sql`update account_notices set status = case when attempts >= ${MAX_ATTEMPTS} then 'failed' else 'pending' end, last_error = ${message.slice(0, 500)} where id = ${n.id}`,
      );
    }
  }
  return sent;
}
