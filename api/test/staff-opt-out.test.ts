/**
 * Every staff-survey mail carries the respondent's opt-out link (body and List-Unsubscribe header);
 * confirming it on /s/<token>/opt-out stops the next reminder. Real worker, real Redis, real SMTP.
 */
import { schema } from '@hailong/db';
import { loadWorkerConfig, startWorker, type WorkerHandle } from '@hailong/worker';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { TEST_REDIS_URL } from '../../test/support/redis.ts';
import { linkToken, startSmtpSink, type ReceivedMail, type SmtpSink } from './staff-support.ts';

const SECRET = 'staff-opt-out-test-secret-0123456789abcdefgh';
let t: TestApp;
let smtp: SmtpSink;
let worker: WorkerHandle;

beforeAll(async () => {
  t = await buildTestApp({ tokenSecret: SECRET });
  smtp = await startSmtpSink();
  worker = await startWorker(
    loadWorkerConfig({
      DATABASE_URL: t.database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: t.config.queuePrefix,
      SMTP_URL: smtp.url,
      TOKEN_SECRET: SECRET,
    }),
    { schedulers: false, log: () => undefined },
  );
});
afterAll(async () => {
  await worker?.close();
  await smtp?.close();
  await t?.close();
});

const admin = (method: 'POST' | 'GET', url: string, payload?: string) =>
  t.app.inject({
    method,
    url,
    headers: { cookie: t.adminCookie, ...(payload ? { 'content-type': 'text/csv' } : {}) },
    ...(payload ? { payload } : {}),
  });

async function mailsTo(address: string, n: number): Promise<ReceivedMail[]> {
  for (let i = 0; i < 200 && smtp.mails.filter((m) => m.to === address).length < n; i++)
    await new Promise((r) => setTimeout(r, 50));
  return smtp.mails.filter((m) => m.to === address);
}

describe('opting out of the staff-survey mails', () => {
  let campaignId: string;
  let token = '';

  it('puts the opt-out link in the text, the HTML and the List-Unsubscribe header of the invitation', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: { cookie: t.adminCookie },
      payload: { kind: 'staff', name: 'opt-out', year: 2021, opensAt: '2021-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
    });
    campaignId = created.json<{ id: string }>().id;
    const csv =
      'full_name,email,unit_code,respondent_group\nĐỗ Thị Lan,lan.optout@example.vn,ST05,T3\nĐỗ Văn Minh,minh.optout@example.vn,ST05,T2\n';
    expect((await admin('POST', `/api/v1/campaigns/${campaignId}/respondents`, csv)).statusCode).toBe(201);
    expect((await admin('POST', `/api/v1/campaigns/${campaignId}/invitations/send`)).statusCode).toBe(202);
    const [mail] = await mailsTo('lan.optout@example.vn', 1);
    token = linkToken(mail?.text ?? '') ?? '';
    expect(token).not.toBe('');
    const optOut = `/s/${token}/opt-out`;
    expect(mail?.text).toContain(`Từ chối nhận thư: `);
    expect(mail?.text).toContain(optOut);
    expect(mail?.html).toContain(`${optOut}">Từ chối nhận thư</a>`);
    expect(mail?.listUnsubscribe).toMatch(new RegExp(`^<https?://[^>]+${optOut}>$`));
  });

  it('records the opt-out once on confirmation, and a second click keeps the first time', async () => {
    const first = await t.app.inject({ method: 'POST', url: `/api/v1/s/${token}/opt-out` });
    expect(first.statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/s/${token}/opt-out` });
    expect(again.json()).toEqual(first.json());
    const wrong = await t.app.inject({ method: 'POST', url: `/api/v1/s/${'y'.repeat(43)}/opt-out`, remoteAddress: '10.7.7.7' });
    expect(wrong.statusCode).toBe(404);
  });

  it('sends the next reminder round only to the colleague who did not opt out', async () => {
    expect((await admin('POST', `/api/v1/campaigns/${campaignId}/reminders/send`)).statusCode).toBe(202);
    const toMinh = await mailsTo('minh.optout@example.vn', 2);
    expect(toMinh.map((m) => m.subject)).toEqual([expect.stringContaining('Mời anh/chị'), expect.stringContaining('Nhắc lại')]);
    expect(toMinh[1]?.text).toContain('/opt-out');
    // Let any stray job run, then check: Lan got the invitation only, and no reminder is pending for her.
    await new Promise((r) => setTimeout(r, 500));
    expect((await mailsTo('lan.optout@example.vn', 1)).map((m) => m.subject)).toEqual([expect.stringContaining('Mời anh/chị')]);
    const { mailDeliveries, invitations, respondents } = schema;
    const pending = await t.app.db
      .select({ status: mailDeliveries.status })
      .from(mailDeliveries)
      .innerJoin(invitations, eq(invitations.id, mailDeliveries.invitationId))
      .innerJoin(respondents, eq(respondents.id, invitations.respondentId))
      .where(
        and(
          eq(respondents.email, 'lan.optout@example.vn'),
          eq(mailDeliveries.kind, 'reminder'),
          sql`${mailDeliveries.status} <> 'skipped'`,
        ),
      );
    expect(pending).toEqual([]);
  });
});
