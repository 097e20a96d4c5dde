/**
 * A unit's focal point (đầu mối CCHC) signs in and sees their own unit only (issue 14 item 4): the
 * response rate by template, who has not answered yet, and resending one person's invitation —
 * never answers, never another unit. Real PostgreSQL, Redis, worker and SMTP sink.
 */
import { purgePersonalData, schema } from '@hailong/db';
import { invitationToken } from '@hailong/runtime';
import { loadWorkerConfig, startWorker, type WorkerHandle } from '@hailong/worker';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { TEST_REDIS_URL } from '../../test/support/redis.ts';
import { createStaffCampaign, fillAnswers, sendInvitations, startSmtpSink, type SmtpSink } from './staff-support.ts';

const SECRET = 'focal-unit-test-secret-0123456789abcdefghij';
let t: TestApp;
let smtp: SmtpSink;
let worker: WorkerHandle;
let focal: { cookie: string };
let focalId = '';
let campaignId = '';
let otherCampaignId = '';
const admin = () => ({ cookie: t.adminCookie });

type Person = { respondentId: string; fullName: string; email: string; group: string; delivery: string };

const staffCampaign = (name: string, respondentsCsv: string) =>
  createStaffCampaign({ app: t.app, cookie: t.adminCookie }, { name, respondentsCsv });

async function createAccount(payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin(), payload });
}

const get = (url: string, headers: Record<string, string> = focal) => t.app.inject({ url, headers });
const resend = (respondentId: string, campaign = campaignId, headers: Record<string, string> = focal) =>
  t.app.inject({ method: 'POST', url: `/api/v1/focal/campaigns/${campaign}/respondents/${respondentId}/resend`, headers });
const respondentId = async (email: string) =>
  (await t.app.db.execute<{ id: string }>(sql`select id from respondents where email = ${email}`)).rows[0]?.id ?? '';

async function submit(email: string): Promise<void> {
  const inv = await t.app.db.execute<{ id: string }>(
    sql`select i.id from invitations i join respondents r on r.id = i.respondent_id where r.email = ${email}`,
  );
  const token = invitationToken(SECRET, inv.rows[0]?.id ?? '');
  const form = (await t.app.inject({ url: `/api/v1/s/${token}` })).json<{ form: Parameters<typeof fillAnswers>[0] }>().form;
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/s/${token}/submit`, payload: { answers: fillAnswers(form) } });
  expect(res.statusCode).toBe(201);
}

beforeAll(async () => {
  t = await buildTestApp({ tokenSecret: SECRET, reminderMinGapHours: 24 });
  smtp = await startSmtpSink();
  worker = await startWorker(
    loadWorkerConfig({
      DATABASE_URL: t.database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: t.config.queuePrefix,
      SMTP_URL: smtp.url,
      TOKEN_SECRET: SECRET,
      PUBLIC_URL: 'http://127.0.0.1:3000',
    }),
    { schedulers: false, log: () => undefined },
  );
  campaignId = await staffCampaign(
    'CBCCVC đầu mối',
    [
      'full_name,email,unit_code,respondent_group',
      'Lê Văn Một,mot.dm@example.vn,ST02,T2',
      'Lê Thị Hai,hai.dm@example.vn,ST02,T2',
      'Lê Văn Ba,ba.dm@example.vn,ST02,T3',
      'Lê Thị Bốn,bon.dm@example.vn,ST02,T3',
      'Trần Văn Khác,khac.dm@example.vn,ST07,T3',
    ].join('\n'),
  );
  otherCampaignId = await staffCampaign(
    'CBCCVC đơn vị khác',
    'full_name,email,unit_code,respondent_group\nPhạm Văn Ngoài,ngoai.dm@example.vn,ST07,T2\n',
  );
  for (const id of [campaignId, otherCampaignId]) await sendInvitations({ app: t.app, cookie: t.adminCookie }, id);
  await smtp.waitFor(6);
  for (let i = 0; i < 100; i++) {
    const n = await t.app.db.execute<{ n: number }>(sql`select count(*)::int as n from invitations where sent_at is not null`);
    if (n.rows[0]?.n === 6) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await submit('mot.dm@example.vn');
  await t.app.inject({
    method: 'POST',
    url: `/api/v1/s/${invitationToken(SECRET, (await t.app.db.execute<{ id: string }>(sql`select i.id from invitations i join respondents r on r.id = i.respondent_id where r.email = 'bon.dm@example.vn'`)).rows[0]?.id ?? '')}/opt-out`,
  });
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await smtp?.close();
  await t?.close();
});

describe('focal-point accounts', () => {
  it('are created by an admin for one current unit, audited, and sign in like everyone', async () => {
    const created = await createAccount({
      role: 'focal_point',
      unitCode: 'ST02',
      fullName: 'Nguyễn Thị Đầu Mối',
      email: 'daumoi.st02@example.vn',
    });
    expect(created.statusCode).toBe(201);
    const secret = created.json<{ id: string; temporaryPassword: string }>();
    focalId = secret.id;
    focal = { cookie: await t.login('daumoi.st02@example.vn', secret.temporaryPassword) };
    const me = (await get('/api/v1/auth/me')).json<{ user: { role: string } }>();
    expect(me.user.role).toBe('focal_point');
    const list = (await get('/api/v1/users', admin())).json<{
      accounts: { id: string; unitCode: string | null; unitName: string | null }[];
    }>();
    expect(list.accounts.find((a) => a.id === focalId)).toMatchObject({ unitCode: 'ST02' });
    const audit = await t.app.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'user.create'), eq(schema.auditLog.entityId, focalId)));
    expect(audit[0]?.details).toEqual({ role: 'focal_point', unitCode: 'ST02' });
  });

  it('need exactly one unit: none, a unit for another role, or an unknown unit is refused and nothing is written', async () => {
    const none = await createAccount({ role: 'focal_point', fullName: 'Không Đơn Vị', email: 'none.dm@example.vn' });
    expect([none.statusCode, none.json<{ error: { code: string } }>().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const forAdmin = await createAccount({ role: 'admin', unitCode: 'ST02', fullName: 'Quản Trị', email: 'qt.dm@example.vn' });
    expect(forAdmin.statusCode).toBe(400);
    const unknown = await createAccount({
      role: 'focal_point',
      unitCode: 'ZZ99',
      fullName: 'Không Có',
      email: 'zz.dm@example.vn',
    });
    expect([unknown.statusCode, unknown.json<{ error: { code: string } }>().error.code]).toEqual([404, 'UNIT_UNKNOWN']);
    const written = await t.app.db.execute<{ n: number }>(
      sql`select count(*)::int as n from users where email in ('none.dm@example.vn', 'qt.dm@example.vn', 'zz.dm@example.vn')`,
    );
    expect(written.rows[0]?.n).toBe(0);
    // The database holds the rule too, whatever writes the row.
    await expect(
      t.app.db.execute(
        sql`insert into users (email, full_name, password_hash, role) values ('raw.dm@example.vn', 'X', 'x', 'focal_point')`,
      ),
    ).rejects.toMatchObject({ cause: { code: '23514' } });
    await expect(
      t.app.db.execute(
        sql`insert into users (email, full_name, password_hash, role, unit_id) values ('raw2.dm@example.vn', 'X', 'x', 'observer', (select id from units where code = 'ST02'))`,
      ),
    ).rejects.toMatchObject({ cause: { code: '23514' } });
  });
});

describe('a focal point’s unit', () => {
  it('shows the staff campaigns the unit takes part in with the response rate by template, never answers', async () => {
    const res = await get('/api/v1/focal/unit');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ unit: { code: string }; campaigns: { id: string; byTemplate: unknown[]; total: unknown }[] }>();
    expect(body.unit.code).toBe('ST02');
    expect(body.campaigns.map((c) => c.id)).toEqual([campaignId]);
    expect(body.campaigns[0]?.byTemplate).toEqual([
      { group: 'T2', formCode: expect.any(String), invited: 2, delivered: 2, completed: 1, rate: 50 },
      { group: 'T3', formCode: expect.any(String), invited: 2, delivered: 2, completed: 0, rate: 0 },
    ]);
    expect(body.campaigns[0]?.total).toEqual({ invited: 4, delivered: 4, completed: 1, rate: 25 });
    expect(res.body).not.toMatch(/answers|khac\.dm|ST07/);
  });

  it('lists who has not answered yet with their mail state, and nobody who answered', async () => {
    const res = await get(`/api/v1/focal/campaigns/${campaignId}/non-respondents`);
    expect(res.statusCode).toBe(200);
    const people = res.json<{ people: Person[] }>().people;
    expect(people.map((p) => [p.email, p.group, p.delivery])).toEqual([
      ['hai.dm@example.vn', 'T2', 'delivered'],
      ['bon.dm@example.vn', 'T3', 'opted_out'],
      ['ba.dm@example.vn', 'T3', 'delivered'],
    ]);
    expect(res.body).not.toContain('mot.dm@example.vn');
  });

  it('resends one invitation: the mail arrives, a second click sends nothing more, the focal point is the audited actor', async () => {
    const id = await respondentId('hai.dm@example.vn');
    const before = smtp.mails.length;
    const first = await resend(id);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ outcome: 'queued' });
    await smtp.waitFor(before + 1);
    const mail = smtp.mails.at(-1);
    expect(mail?.to).toBe('hai.dm@example.vn');
    expect(mail?.text).toMatch(/\/s\/[A-Za-z0-9_-]{16,}/);
    const again = await resend(id);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ outcome: 'recently_reminded', nextAllowedAt: expect.any(String) });
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.filter((m) => m.to === 'hai.dm@example.vn')).toHaveLength(2);
    const audit = await t.app.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'invitation.resend'));
    expect(audit.map((a) => a.actorUserId)).toEqual([focalId]);
    expect(JSON.stringify(audit)).not.toContain('hai.dm');
  });

  it('does not resend to someone who answered or opted out', async () => {
    const answered = await resend(await respondentId('mot.dm@example.vn'));
    expect([answered.statusCode, answered.json<{ error: { code: string } }>().error.code]).toEqual([409, 'RESEND_ANSWERED']);
    const optedOut = await resend(await respondentId('bon.dm@example.vn'));
    expect([optedOut.statusCode, optedOut.json<{ error: { code: string } }>().error.code]).toEqual([409, 'RESEND_OPTED_OUT']);
  });
});

describe('nothing of another unit, no answers, no admin work', () => {
  it('answers 404 for another unit’s campaign, rates, people and resend, as for what does not exist', async () => {
    for (const url of [`/api/v1/focal/campaigns/${otherCampaignId}/non-respondents`]) {
      const res = await get(url);
      expect([res.statusCode, res.json<{ error: { code: string } }>().error.code]).toEqual([404, 'CAMPAIGN_NOT_FOUND']);
    }
    const before = smtp.mails.length;
    const other = await resend(await respondentId('khac.dm@example.vn'));
    expect([other.statusCode, other.json<{ error: { code: string } }>().error.code]).toEqual([404, 'RESPONDENT_NOT_FOUND']);
    const otherCampaign = await resend(await respondentId('ngoai.dm@example.vn'), otherCampaignId);
    expect(otherCampaign.statusCode).toBe(404);
    const notInCampaign = await resend(await respondentId('ngoai.dm@example.vn'));
    expect(notInCampaign.statusCode).toBe(404);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.length).toBe(before);
  });

  it('is refused every admin, results, answers and export route', async () => {
    const urls = [
      `/api/v1/campaigns/${campaignId}/response-rates`,
      `/api/v1/campaigns/${campaignId}/response-rates.csv`,
      `/api/v1/campaigns/${campaignId}/results`,
      `/api/v1/campaigns/${campaignId}/sipas`,
      `/api/v1/campaigns/${campaignId}/review-queue`,
      `/api/v1/campaigns/${campaignId}/personal-data`,
      `/api/v1/campaigns/${campaignId}`,
      '/api/v1/campaigns',
      '/api/v1/par/2021',
      '/api/v1/focal-points',
      '/api/v1/users',
      '/api/v1/audit',
    ];
    for (const url of urls) expect([url, (await get(url)).statusCode]).toEqual([url, 403]);
    const send = await t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${campaignId}/reminders/send`, headers: focal });
    expect(send.statusCode).toBe(403);
  });

  it('keeps the focal routes for focal points: an admin gets 403', async () => {
    expect((await get('/api/v1/focal/unit', admin())).statusCode).toBe(403);
    expect((await get('/api/v1/focal/unit', {})).statusCode).toBe(401);
  });
});

describe('after the purge', () => {
  it('says the personal data was removed instead of listing people; the rates stay', async () => {
    const ba = await respondentId('ba.dm@example.vn');
    await t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${campaignId}/close`, headers: admin() });
    const rates = (await get('/api/v1/focal/unit')).json<{ campaigns: { total: unknown }[] }>().campaigns[0]?.total;
    expect(await purgePersonalData(t.app.db, campaignId, new Date())).not.toBeNull();
    const res = (await get(`/api/v1/focal/campaigns/${campaignId}/non-respondents`)).json<{
      personalDataPurgedAt: string | null;
      people: Person[];
    }>();
    expect(res.personalDataPurgedAt).toEqual(expect.any(String));
    expect(res.people).toEqual([]);
    expect((await get('/api/v1/focal/unit')).json<{ campaigns: { total: unknown }[] }>().campaigns[0]?.total).toEqual(rates);
    const late = await resend(ba);
    expect([late.statusCode, late.json<{ error: { code: string } }>().error.code]).toEqual([410, 'CAMPAIGN_CLOSED']);
  });
});
