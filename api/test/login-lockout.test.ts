/**
 * Login guessing is bounded per account, not per address: backoff after a few failures, a lockout
 * during which even the right password is refused, a mail to the owner (sent by the worker from
 * the account_notices outbox to a real SMTP server) and an audit entry; an admin can unlock.
 */
import { createMailTransport, sendAccountNotices } from '@hailong/worker';
import { createDb, createPool } from '@hailong/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { FREE_FAILURES, LOCK_AFTER } from '../src/features/auth/lockout.ts';
import { startSmtpSink, type SmtpSink } from './staff-support.ts';

const USER = { email: 'giamsat.lockout@example.vn', password: 'Right-Pass-2026!' };
let t: TestApp;
let smtp: SmtpSink;
let userId = '';

const attempt = (password: string, i: number) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: USER.email, password },
    remoteAddress: `203.0.113.${i % 250}`,
  });

/** Lets the backoff of the last failure pass, without waiting in real time. */
const rewindLastFailure = () =>
  t.app.db.execute(sql`update users set last_failed_login_at = now() - interval '1 hour' where id = ${userId}`);

beforeAll(async () => {
  t = await buildTestApp();
  smtp = await startSmtpSink();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/supervisors',
    headers: { cookie: t.adminCookie },
    payload: { fullName: 'Trần Thị Giám Sát', email: USER.email, organisation: 'Ủy ban MTTQ tỉnh', password: USER.password },
  });
  userId = res.json<{ id: string }>().id;
});
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});

describe('login backoff and lockout', () => {
  it('answers 429 without checking the password once the free failures are spent, whatever the address', async () => {
    for (let i = 0; i < FREE_FAILURES; i++) expect((await attempt('wrong', i)).statusCode).toBe(401);
    const throttled = await attempt(USER.password, 99);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error.code).toBe('LOGIN_THROTTLED');
  });

  it('locks the account at the limit: the right password is refused, the owner is mailed, the lock is audited', async () => {
    for (let i = FREE_FAILURES; i < LOCK_AFTER; i++) {
      await rewindLastFailure();
      expect((await attempt('wrong', i)).statusCode).toBe(401);
    }
    await rewindLastFailure();
    const locked = await attempt(USER.password, 7);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringContaining('Tài khoản tạm khóa') });
    const audit = await t.app.db.execute(
      sql`select action from audit_log where entity = 'user' and entity_id = ${userId} and action = 'login.locked'`,
    );
    expect(audit.rows).toHaveLength(1);

    const pool = createPool(t.database.url, 2);
    try {
      const mail = createMailTransport({
        smtpUrl: smtp.url,
        mailFrom: 'Sở Nội vụ <khaosat@example.vn>',
        smtpRatePerSecond: 100,
        outboxDir: '',
      });
      expect(await sendAccountNotices({ db: createDb(pool), mail })).toBe(1);
      expect(await sendAccountNotices({ db: createDb(pool), mail })).toBe(0); // sent once
      mail.close();
    } finally {
      await pool.end();
    }
    await smtp.waitFor(1);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]).toMatchObject({ to: USER.email, subject: expect.stringContaining('tạm khóa') });
    expect(smtp.mails[0]?.text).toContain(`${LOCK_AFTER} lần`);
  });

  it('lets an admin unlock (audited); then the right password works and the count starts again', async () => {
    const anon = await t.app.inject({ method: 'POST', url: `/api/v1/auth/accounts/${userId}/unlock` });
    expect(anon.statusCode).toBe(401);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/auth/accounts/${userId}/unlock`,
      headers: { cookie: t.adminCookie },
    });
    expect(res.statusCode).toBe(200);
    expect((await attempt(USER.password, 1)).statusCode).toBe(200);
    const audit = await t.app.db.execute(
      sql`select action from audit_log where entity_id = ${userId} and action = 'login.unlock'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN })).statusCode).toBe(200);
  });

  it('counts parallel guesses before checking them: 40 at once get at most the free failures checked', async () => {
    const all = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt('wrong', i)));
    const checked = all.filter((r) => r.statusCode === 401).length;
    expect(checked).toBeLessThanOrEqual(FREE_FAILURES);
    expect(all.every((r) => [401, 429].includes(r.statusCode))).toBe(true);
  });
});
