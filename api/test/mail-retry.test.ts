/**
 * Mail that arrives once although the mail server fails for a while (issue: a server answering 451
 * for ~30 s made invitations permanently undelivered, untouched by re-sends and reminders, and
 * shown neither as delivered nor as bounced). Real SMTP server on loopback, real worker and Redis:
 * a greylisting server (451, then accepted) and a server that is not listening yet both get the
 * mail exactly once; a mail that fails for the whole retry window is counted as failed on the rates
 * page and is sent again by "send invitations" and by "remind now".
 */
import { createServer } from 'node:net';
import { loadWorkerConfig, startWorker, type WorkerHandle } from '@hailong/worker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { TEST_REDIS_URL } from '../../test/support/redis.ts';
import { planRespondents, respondentsCsv, startSmtpSink, type SmtpSink, type SmtpSinkOptions } from './staff-support.ts';

const SECRET = 'mail-retry-test-secret-0123456789abcdefghij';
let t: TestApp;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  t = await buildTestApp({ tokenSecret: SECRET });
});
// Each test's worker and mail server go away with it: the campaigns share one queue.
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});
afterAll(async () => {
  await t?.close();
});

type Rates = { overall: { invited: number; delivered: number; bounced: number; failed: number } };

const admin = (method: 'GET' | 'POST', url: string, payload?: string) =>
  t.app.inject({
    method,
    url,
    headers: { cookie: t.adminCookie, ...(payload ? { 'content-type': 'text/csv' } : {}) },
    ...(payload ? { payload } : {}),
  });

async function campaignOf(tag: string, n: number): Promise<string> {
  const c = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie: t.adminCookie },
    payload: { kind: 'staff', name: `Thư ${tag}`, year: 2021, opensAt: '2021-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
  });
  const id = c.json<{ id: string }>().id;
  expect((await admin('POST', `/api/v1/campaigns/${id}/respondents`, respondentsCsv(planRespondents(n, tag)))).statusCode).toBe(
    201,
  );
  return id;
}

/** A worker with a retry policy scaled down from hours to seconds (the mechanism is the same). */
async function workerFor(
  smtpUrl: string,
  retry: { windowMs: number; firstDelayMs: number; maxDelayMs: number },
): Promise<WorkerHandle> {
  const base = loadWorkerConfig({
    DATABASE_URL: t.database.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: t.config.queuePrefix,
    SMTP_URL: smtpUrl,
    TOKEN_SECRET: SECRET,
  });
  const w = await startWorker({ ...base, mailRetry: retry }, { schedulers: false, log: () => undefined });
  open.push(w);
  return w;
}

async function sink(opts: SmtpSinkOptions): Promise<SmtpSink> {
  const s = await startSmtpSink(opts);
  open.push(s);
  return s;
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() - t0 > timeoutMs) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const rates = async (id: string) => (await admin('GET', `/api/v1/campaigns/${id}/response-rates`)).json<Rates>();
const deliveries = async (id: string) =>
  (
    await t.app.db.execute<{ status: string; attempts: number; kind: string }>(
      `select status, attempts, kind from mail_deliveries where campaign_id = '${id}' order by kind`,
    )
  ).rows;
const mailsOf = (s: SmtpSink, tag: string) => s.mails.filter((m) => m.to.endsWith(`.${tag}@example.vn`));

describe('transient SMTP failures', () => {
  it('delivers exactly once to a server that answers 451 for a while (greylisting)', async () => {
    let greyUntil = Infinity;
    const s = await sink({ tempFailRcpt: () => Date.now() < greyUntil });
    await workerFor(s.url, { windowMs: 60_000, firstDelayMs: 200, maxDelayMs: 400 });
    const id = await campaignOf('grey', 4);
    greyUntil = Date.now() + 3_000;
    expect((await admin('POST', `/api/v1/campaigns/${id}/invitations/send`)).json()).toEqual({ created: 4, queued: 4 });
    await until(
      async () => mailsOf(s, 'grey').length,
      (n) => n >= 4,
    );
    await new Promise((r) => setTimeout(r, 1_500)); // any second copy would arrive now
    const got = mailsOf(s, 'grey');
    expect(got).toHaveLength(4);
    expect(new Set(got.map((m) => m.to)).size).toBe(4);
    expect(got.every((m) => m.acceptedAt >= greyUntil)).toBe(true);
    expect(s.tempFailures).toBeGreaterThanOrEqual(4);
    const rows = await deliveries(id);
    expect(rows.every((r) => r.status === 'sent' && r.attempts > 1)).toBe(true);
    expect((await rates(id)).overall).toMatchObject({ invited: 4, delivered: 4, bounced: 0, failed: 0 });
  });

  it('retries while the mail server refuses connections and delivers once it listens', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    await workerFor(`smtp://127.0.0.1:${port}`, { windowMs: 60_000, firstDelayMs: 300, maxDelayMs: 1_000 });
    const id = await campaignOf('refused', 2);
    await admin('POST', `/api/v1/campaigns/${id}/invitations/send`);
    const retrying = await until(
      () => deliveries(id),
      (r) => r.length === 2 && r.every((d) => d.status === 'retrying'),
    );
    expect(retrying.map((d) => d.status)).toEqual(['retrying', 'retrying']);
    const s = await sink({ port });
    await until(
      async () => mailsOf(s, 'refused').length,
      (n) => n >= 2,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(mailsOf(s, 'refused')).toHaveLength(2);
    expect((await rates(id)).overall).toMatchObject({ delivered: 2, failed: 0 });
  });

  it('marks a mail failed after the retry window, counts it, and sends it again on re-send and on remind-now', async () => {
    let failing = true;
    const s = await sink({ tempFailRcpt: (to) => failing && to.startsWith('cb0.') });
    await workerFor(s.url, { windowMs: 1_200, firstDelayMs: 200, maxDelayMs: 400 });
    const a = await campaignOf('gaveup', 3);
    const b = await campaignOf('remind', 2);
    await admin('POST', `/api/v1/campaigns/${a}/invitations/send`);
    await admin('POST', `/api/v1/campaigns/${b}/invitations/send`);
    const ra = await until(
      () => rates(a),
      (r) => r.overall.failed === 1 && r.overall.delivered === 2,
    );
    expect(ra.overall).toMatchObject({ invited: 3, delivered: 2, bounced: 0, failed: 1 });
    expect((await deliveries(a)).map((d) => d.status).sort()).toEqual(['failed', 'sent', 'sent']);
    await until(
      () => rates(b),
      (r) => r.overall.failed === 1,
    );
    const csv = (await admin('GET', `/api/v1/campaigns/${a}/response-rates.csv`)).body;
    expect(csv.split('\n')[0]).toContain(',Gửi không được,');

    // The server accepts again: "send invitations" re-sends exactly the failed one.
    failing = false;
    expect((await admin('POST', `/api/v1/campaigns/${a}/invitations/send`)).json()).toEqual({ created: 0, queued: 1 });
    await until(
      () => rates(a),
      (r) => r.overall.delivered === 3,
    );
    expect(mailsOf(s, 'gaveup')).toHaveLength(3);
    expect((await rates(a)).overall).toMatchObject({ delivered: 3, failed: 0 });

    // "Remind now": a reminder to the one who got the link, the invitation again to the one who did not.
    expect((await admin('POST', `/api/v1/campaigns/${b}/reminders/send`)).json()).toMatchObject({ created: 0, queued: 2 });
    await until(
      async () => mailsOf(s, 'remind').length,
      (n) => n >= 3,
    );
    await new Promise((r) => setTimeout(r, 800));
    const mails = mailsOf(s, 'remind');
    expect(mails).toHaveLength(3);
    const toCb0 = mails.filter((m) => m.to.startsWith('cb0.'));
    expect(toCb0).toHaveLength(1);
    expect(toCb0[0]?.subject).not.toMatch(/^Nhắc lại/);
    expect(mails.filter((m) => m.subject.startsWith('Nhắc lại'))).toHaveLength(1);
    expect((await rates(b)).overall).toMatchObject({ invited: 2, delivered: 2, failed: 0 });
  });
});
