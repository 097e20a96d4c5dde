/**
 * The 2021 staff survey end to end, at full size: 1,798 respondents over the 40 units and T1–T6
 * imported as CSV, all invited through a real SMTP server — every mail arrives exactly once; links
 * come from the received mails; 1,778 answer over HTTP → 98.89 %; one reminder round reaches
 * exactly the 20 who did not answer. (A worker killed mid-send: mail-worker-crash.test.ts.)
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadWorkerConfig, startWorker, type WorkerHandle } from '@hailong/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { TEST_REDIS_URL } from '../../test/support/redis.ts';
import { fillAnswers, linkToken, planRespondents, pool, respondentsCsv, startSmtpSink, type SmtpSink } from './staff-support.ts';

const N = 1798;
const ANSWERED = 1778;
const SECRET = 'staff-campaign-test-secret-0123456789abcdef';

let t: TestApp;
let smtp: SmtpSink;
let worker: WorkerHandle | null = null;

function workerEnv(): Record<string, string> {
  return {
    DATABASE_URL: t.database.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: t.config.queuePrefix,
    SMTP_URL: smtp.url,
    SMTP_RATE_PER_SECOND: '5000',
    TOKEN_SECRET: SECRET,
    PUBLIC_URL: 'http://survey.example.vn',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'hl-staff-')),
  };
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await buildTestApp({ tokenSecret: SECRET, publicUrl: 'http://survey.example.vn' });
});

afterAll(async () => {
  await worker?.close();
  await t?.close();
  await smtp?.close();
});

const admin = (method: 'GET' | 'POST', url: string, payload?: string, contentType?: string) =>
  t.app.inject({
    method,
    url,
    headers: { cookie: t.adminCookie, ...(contentType ? { 'content-type': contentType } : {}) },
    ...(payload !== undefined ? { payload } : {}),
  });

describe('a 1,798-person staff survey by email', () => {
  const plan = planRespondents(N, 'camp');
  let campaignId = '';
  const tokens = new Map<string, string>();
  const nonRespondents = new Set(
    plan
      .filter((_, i) => i % 89 === 5)
      .slice(0, N - ANSWERED)
      .map((r) => r.email),
  );

  it('imports 1,798 respondents over the 40 units and T1–T6 in one go', async () => {
    const c = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: { cookie: t.adminCookie },
      payload: {
        kind: 'staff',
        name: 'Khảo sát CBCCVC 2021',
        year: 2021,
        opensAt: '2021-01-01T00:00:00Z',
        closesAt: '2099-01-01T00:00:00Z',
      },
    });
    campaignId = c.json<{ id: string }>().id;
    const res = await admin('POST', `/api/v1/campaigns/${campaignId}/respondents`, respondentsCsv(plan), 'text/csv');
    expect(res.statusCode).toBe(201);
    const body = res.json<{ imported: number; byUnit: unknown[]; byGroup: { key: string }[] }>();
    expect(body.imported).toBe(N);
    expect(body.byUnit).toHaveLength(40);
    expect(body.byGroup.map((g) => g.key)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
    expect(nonRespondents.size).toBe(N - ANSWERED);
  });

  it('delivers every invitation exactly once', async () => {
    worker = await startWorker(loadWorkerConfig(workerEnv()), { schedulers: false, log: () => undefined });
    const res = await admin('POST', `/api/v1/campaigns/${campaignId}/invitations/send`);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ created: N, queued: N });
    await smtp.waitFor(N, 150_000); // a correctness test, not a speed one: a loaded machine sends slowly
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.mails).toHaveLength(N);
    expect(new Set(smtp.mails.map((m) => m.to)).size).toBe(N);
    for (const m of smtp.mails) {
      const token = linkToken(m.text);
      expect(token).toBeDefined();
      tokens.set(m.to, token ?? '');
    }
    const first = smtp.mails[0];
    expect(first?.subject).toContain('khảo sát');
    expect(first?.text).toContain('Kính gửi Nguyễn Thị Thử');
    expect(first?.html).toContain('http://survey.example.vn/s/');
  }, 180_000);

  it('stores 1,778 answers sent through the mailed links and reports 98.89 %', async () => {
    const answering = plan.filter((r) => !nonRespondents.has(r.email));
    await pool(answering, 16, async (r) => {
      const token = tokens.get(r.email);
      const open = await t.app.inject({ method: 'GET', url: `/api/v1/s/${token}` });
      expect(open.statusCode).toBe(200);
      const answers = fillAnswers(open.json<{ form: Parameters<typeof fillAnswers>[0] }>().form);
      const sub = await t.app.inject({ method: 'POST', url: `/api/v1/s/${token}/submit`, payload: { answers } });
      expect(sub.statusCode).toBe(201);
    });
    const rr = (await admin('GET', `/api/v1/campaigns/${campaignId}/response-rates`)).json<{
      overall: { invited: number; completed: number; delivered: number; opened: number; rate: number };
      byUnit: { unitCode: string; invited: number; completed: number; rate: number }[];
      byGroup: { group: string; invited: number }[];
    }>();
    expect(rr.overall).toMatchObject({ invited: N, delivered: N, opened: ANSWERED, completed: ANSWERED, rate: 98.89 });
    expect(rr.byUnit).toHaveLength(40);
    for (const u of rr.byUnit) {
      const invited = plan.filter((r) => r.unitCode === u.unitCode).length;
      const completed = plan.filter((r) => r.unitCode === u.unitCode && !nonRespondents.has(r.email)).length;
      expect(u).toMatchObject({ invited, completed, rate: Math.round((10000 * completed) / invited) / 100 });
    }
    expect(rr.byGroup.reduce((s, g) => s + g.invited, 0)).toBe(N);
  });

  it('sends one reminder round to exactly the 20 who have not answered', async () => {
    const before = smtp.mails.length;
    const res = await admin('POST', `/api/v1/campaigns/${campaignId}/reminders/send`);
    expect(res.statusCode).toBe(202);
    expect(res.json<{ queued: number }>().queued).toBe(N - ANSWERED);
    await smtp.waitFor(before + N - ANSWERED, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    const reminded = smtp.mails.slice(before).map((m) => m.to);
    expect(new Set(reminded)).toEqual(nonRespondents);
    expect(reminded).toHaveLength(N - ANSWERED);
    expect(smtp.mails[before]?.subject).toMatch(/^Nhắc lại/);
  });
});
