/**
 * Batched sending (docs/0024-batched-mail.md): "send invitations" adds one dispatch job, not one per
 * mail, and two workers claiming batches from the same rows at once (FOR UPDATE SKIP LOCKED) send
 * each mail exactly once and record every one as sent with its invitation's timestamps; a reminder
 * round goes out the same way and counts once per invitation. Real SMTP server on loopback, real
 * Redis and PostgreSQL.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DISPATCH_MAIL_JOB, QUEUE } from '@hailong/runtime';
import { loadWorkerConfig, startWorker, type WorkerHandle } from '@hailong/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { TEST_REDIS_URL } from '../../test/support/redis.ts';
import { planRespondents, respondentsCsv, startSmtpSink, type SmtpSink } from './staff-support.ts';

const N = 300;
const SECRET = 'mail-batch-test-secret-0123456789abcdefghij';
let t: TestApp;
let smtp: SmtpSink;
const workers: WorkerHandle[] = [];

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await buildTestApp({ tokenSecret: SECRET });
});
afterAll(async () => {
  for (const w of workers) await w.close();
  await t?.close();
  await smtp?.close();
});

async function sql<T extends Record<string, unknown>>(text: string): Promise<T[]> {
  return (await t.app.db.execute<T>(text)).rows as T[];
}

async function until(ok: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !(await ok());) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('batched mail', () => {
  it('wakes the workers with one job, and two workers send each mail exactly once', async () => {
    const c = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: { cookie: t.adminCookie },
      payload: {
        kind: 'staff',
        name: 'Khảo sát CBCCVC',
        year: 2021,
        opensAt: '2021-01-01T00:00:00Z',
        closesAt: '2099-01-01T00:00:00Z',
      },
    });
    const id = c.json<{ id: string }>().id;
    const imported = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/respondents`,
      headers: { cookie: t.adminCookie, 'content-type': 'text/csv' },
      payload: respondentsCsv(planRespondents(N, 'batch')),
    });
    expect(imported.statusCode).toBe(201);
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/invitations/send`,
      headers: { cookie: t.adminCookie },
    });
    expect(sent.json()).toEqual({ created: N, queued: N });

    // No worker yet: the queue holds one dispatch job for the N mails.
    const conn = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUE.mail, { connection: conn, prefix: t.config.queuePrefix });
    try {
      const waiting = await queue.getJobs(['waiting', 'prioritized', 'delayed']);
      expect(waiting.map((j) => j.name)).toEqual([DISPATCH_MAIL_JOB]);
    } finally {
      await queue.close();
      conn.disconnect();
    }

    const config = loadWorkerConfig({
      DATABASE_URL: t.database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: t.config.queuePrefix,
      SMTP_URL: smtp.url,
      SMTP_RATE_PER_SECOND: '5000',
      MAIL_CONCURRENCY: '25',
      TOKEN_SECRET: SECRET,
    });
    workers.push(await startWorker(config, { schedulers: false, log: () => undefined }));
    workers.push(await startWorker(config, { schedulers: false, log: () => undefined }));
    // Both loops drain the same rows at once.
    const drained = await Promise.all(workers.map((w) => w.deps.dispatcher.run()));

    await smtp.waitFor(N, 60_000);
    await until(
      async () =>
        (
          await sql<{ n: number }>(
            `select count(*)::int as n from mail_deliveries where campaign_id = '${id}' and status = 'sent'`,
          )
        )[0]?.n === N,
    );
    await new Promise((r) => setTimeout(r, 1_000)); // a second copy would arrive now
    const to = smtp.mails.filter((m) => m.to.endsWith('.batch@example.vn')).map((m) => m.to);
    expect(to).toHaveLength(N);
    expect(new Set(to).size).toBe(N);
    expect(drained.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(N);
    const inv = await sql<{ sent: number; delivered: number }>(
      `select count(sent_at)::int as sent, count(delivered_at)::int as delivered from invitations where campaign_id = '${id}'`,
    );
    expect(inv).toEqual([{ sent: N, delivered: N }]);

    // "Remind now": one dispatch job again, one reminder each, counted once per invitation.
    const reminded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/reminders/send`,
      headers: { cookie: t.adminCookie },
    });
    expect(reminded.json()).toMatchObject({ queued: N });
    await smtp.waitFor(2 * N, 60_000);
    await until(
      async () =>
        (
          await sql<{ n: number }>(
            `select count(*)::int as n from invitations where campaign_id = '${id}' and reminders_sent = 1 and last_reminded_at is not null`,
          )
        )[0]?.n === N,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    const reminders = smtp.mails.filter((m) => m.to.endsWith('.batch@example.vn') && m.subject.startsWith('Nhắc lại'));
    expect(reminders).toHaveLength(N);
    expect(new Set(reminders.map((m) => m.to)).size).toBe(N);
    const statuses = await sql<{ kind: string; status: string; n: number }>(
      `select kind, status, count(*)::int as n from mail_deliveries where campaign_id = '${id}' group by 1, 2 order by 1`,
    );
    expect(statuses).toEqual([
      { kind: 'invitation', status: 'sent', n: N },
      { kind: 'reminder', status: 'sent', n: N },
    ]);
  });
});
