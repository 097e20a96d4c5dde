/**
 * Scheduled reminder rounds keep the same minimum gap as "remind now": the worker's sweep, through
 * real Redis and a real SMTP server, does not remind anyone reminded within REMINDER_MIN_GAP_HOURS;
 * their round goes out on the first sweep after the gap.
 */
import { loadWorkerConfig, startWorker, sweep, type WorkerHandle } from '@hailong/worker';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { TEST_REDIS_URL } from '../../test/support/redis.ts';
import { startSmtpSink, type SmtpSink } from './staff-support.ts';

const SECRET = 'reminder-gap-test-secret-0123456789abcdefgh';
const HOUR = 3600_000;
let t: TestApp;
let smtp: SmtpSink;
let worker: WorkerHandle;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await buildTestApp({ tokenSecret: SECRET, smtpUrl: smtp.url });
  worker = await startWorker(
    loadWorkerConfig({
      DATABASE_URL: t.database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: t.config.queuePrefix,
      SMTP_URL: smtp.url,
      TOKEN_SECRET: SECRET,
      PUBLIC_URL: 'http://127.0.0.1:3000',
      REMINDER_MIN_GAP_HOURS: '24',
    }),
    { schedulers: false, log: () => undefined },
  );
});
afterAll(async () => {
  await worker?.close();
  await t?.close();
  await smtp?.close();
});

const post = (url: string, payload?: unknown) =>
  t.app.inject({ method: 'POST', url, headers: { cookie: t.adminCookie }, ...(payload ? { payload } : {}) });
const remindersTo = (email: string) => smtp.mails.filter((m) => m.to === email && m.subject.startsWith('Nhắc lại'));

async function settle(expected: number): Promise<void> {
  await smtp.waitFor(expected, 30_000);
  await new Promise((r) => setTimeout(r, 300));
  expect(smtp.mails).toHaveLength(expected);
}

describe('scheduled reminders and the minimum gap', () => {
  it('skips whoever was reminded within the gap and reminds them on the first sweep after it', async () => {
    const created = await post('/api/v1/campaigns', {
      kind: 'staff',
      name: 'Khoảng cách nhắc',
      year: 2021,
      opensAt: '2021-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
      settings: { reminderDays: [3, 7, 10] },
    });
    const id = created.json<{ id: string }>().id;
    const csv =
      'full_name,email,unit_code,respondent_group\nLê Văn Một,mot.gap@example.vn,ST02,T2\nLê Văn Hai,hai.gap@example.vn,ST02,T3\nLê Văn Ba,ba.gap@example.vn,ST03,T2\n';
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/campaigns/${id}/respondents`,
          headers: { cookie: t.adminCookie, 'content-type': 'text/csv' },
          payload: csv,
        })
      ).statusCode,
    ).toBe(201);
    expect((await post(`/api/v1/campaigns/${id}/invitations/send`)).statusCode).toBe(202);
    await settle(3);

    // Invited 8 days ago; "Nhắc ngay" an hour ago for everyone, but Ba's reminder was 30 hours ago.
    await t.app.db.execute(sql`update invitations set sent_at = now() - interval '8 days' where campaign_id = ${id}`);
    expect((await post(`/api/v1/campaigns/${id}/reminders/send`)).json()).toMatchObject({ queued: 3 });
    await settle(6);
    await t.app.db.execute(
      sql`update mail_deliveries d set created_at = now() - interval '1 hour' where d.campaign_id = ${id} and d.kind = 'reminder'`,
    );
    await t.app.db.execute(sql`
      update mail_deliveries d set created_at = now() - interval '30 hours' from invitations i join respondents r on r.id = i.respondent_id
      where d.invitation_id = i.id and d.kind = 'reminder' and r.email = 'ba.gap@example.vn'`);

    // The day-7 round is due for all three; only Ba is outside the gap.
    expect((await sweep(worker.deps)).reminders).toBe(1);
    await settle(7);
    expect(remindersTo('ba.gap@example.vn')).toHaveLength(2);
    expect(remindersTo('mot.gap@example.vn')).toHaveLength(1);
    expect(remindersTo('hai.gap@example.vn')).toHaveLength(1);
    expect((await sweep(worker.deps)).reminders).toBe(0);

    // 23 hours on the gap still holds; 25 hours on the two left out get their round (once).
    expect((await sweep(worker.deps, { now: new Date(Date.now() + 22 * HOUR) })).reminders).toBe(0);
    expect((await sweep(worker.deps, { now: new Date(Date.now() + 24 * HOUR) })).reminders).toBe(2);
    await settle(9);
    expect(remindersTo('mot.gap@example.vn')).toHaveLength(2);
    expect(remindersTo('hai.gap@example.vn')).toHaveLength(2);
    expect(remindersTo('ba.gap@example.vn')).toHaveLength(2);
    const rounds = await t.app.db.execute<{ email: string; rounds: number[] }>(sql`
      select r.email, array_agg(d.round order by d.round) as rounds from mail_deliveries d
      join invitations i on i.id = d.invitation_id join respondents r on r.id = i.respondent_id
      where d.campaign_id = ${id} and d.kind = 'reminder' group by r.email order by r.email`);
    expect(rounds.rows).toEqual([
      { email: 'ba.gap@example.vn', rounds: [1, 2] },
      { email: 'hai.gap@example.vn', rounds: [1, 2] },
      { email: 'mot.gap@example.vn', rounds: [1, 2] },
    ]);
  });
});
