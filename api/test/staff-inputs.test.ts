/**
 * The staff survey refuses bad input without writing half of anything: malformed or invalid CSV,
 * an upload over the size limit, a wrong link, a double submit in parallel, a submit after the campaign
 * closed; and a 550 from the mail server marks the invitation bounced instead of retrying.
 */
import { schema } from '@hailong/db';
import { loadWorkerConfig, startWorker } from '@hailong/worker';
import { invitationToken } from '@hailong/runtime';
import { createDueDigests, createDueReminders } from '@hailong/worker';
import { sweep } from '@hailong/worker';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { TEST_REDIS_URL } from '../../test/support/redis.ts';
import { fillAnswers, planRespondents, respondentsCsv, startSmtpSink } from './staff-support.ts';

const SECRET = 'staff-inputs-test-secret-0123456789abcdefgh';
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ tokenSecret: SECRET });
});
afterAll(async () => {
  await t?.close();
});

async function newCampaign(name: string, closesAt = '2099-01-01T00:00:00Z', settings?: Record<string, unknown>): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie: t.adminCookie },
    payload: { kind: 'staff', name, year: 2021, opensAt: '2021-01-01T00:00:00Z', closesAt, ...(settings ? { settings } : {}) },
  });
  return res.json<{ id: string }>().id;
}

const upload = (id: string, body: string | Buffer, query = '') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/campaigns/${id}/respondents${query}`,
    headers: { cookie: t.adminCookie, 'content-type': 'text/csv' },
    payload: body,
  });

async function countRespondents(id: string): Promise<number> {
  const r = await t.app.db
    .select({ n: sql<number>`count(*)::int` })
    .from(schema.respondents)
    .where(eq(schema.respondents.campaignId, id));
  return r[0]?.n ?? 0;
}

/** Invites everyone of a campaign and returns their link tokens (derived as the worker does). */
async function invite(id: string): Promise<string[]> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/campaigns/${id}/invitations/send`,
    headers: { cookie: t.adminCookie },
  });
  expect(res.statusCode).toBe(202);
  const rows = await t.app.db
    .select({ id: schema.invitations.id })
    .from(schema.invitations)
    .where(eq(schema.invitations.campaignId, id));
  return rows.map((r) => invitationToken(SECRET, r.id));
}

describe('respondent import', () => {
  it('rejects the whole file and names every bad row and field in Vietnamese', async () => {
    const id = await newCampaign('import errors');
    const csv = [
      'full_name,email,unit_code,respondent_group',
      'Trần Văn A,a@example.vn,ST01,T2',
      'Trần Văn B,not-an-email,ST01,T2',
      'Trần Văn C,c@example.vn,XX99,T2',
      'Trần Văn D,d@example.vn,ST01,T9',
      'Trần Văn E,A@example.vn,ST01,T3',
    ].join('\n');
    const res = await upload(id, csv);
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; details: { row: number; field: string; message: string }[] } }>();
    expect(body.error.code).toBe('IMPORT_INVALID');
    expect(body.error.details.map((d) => [d.row, d.field])).toEqual([
      [3, 'email'],
      [4, 'unit_code'],
      [5, 'respondent_group'],
      [6, 'email'],
    ]);
    expect(body.error.details[0]?.message).toContain('Email không hợp lệ');
    expect(await countRespondents(id)).toBe(0);
  });

  it('rejects a respondent group that does not fit the kind of unit (a commune leader on a department), saving no row', async () => {
    const id = await newCampaign('group vs unit kind');
    const csv = [
      'full_name,email,unit_code,respondent_group',
      'Lê Văn Một,mot.kind@example.vn,ST30,T5', // commune leader → district: fits
      'Lê Văn Hai,hai.kind@example.vn,ST03,T5', // commune leader → Sở Công Thương: no
      'Lê Văn Ba,ba.kind@example.vn,ST25,T3', // department staff → Công an tỉnh (central agency): no
      'Lê Văn Bốn,bon.kind@example.vn,ST22,T6', // public service unit staff → own unit: fits
      'Lê Văn Năm,nam.kind@example.vn,ST38,T1', // People's Council delegate → district: fits
      'Lê Văn Sáu,sau.kind@example.vn,ST20,T1', // delegate → public service unit: no
    ].join('\n');
    const res = await upload(id, csv);
    expect(res.statusCode).toBe(400);
    const details = res.json<{
      error: { code: string; details: { row: number; field: string; message: string; messageEn?: string }[] };
    }>().error.details;
    expect(details.map((d) => [d.row, d.field])).toEqual([
      [3, 'respondent_group'],
      [4, 'respondent_group'],
      [7, 'respondent_group'],
    ]);
    expect(details[0]?.message).toContain('Nhóm T5 không dùng cho đơn vị ST03');
    expect(details[0]?.messageEn).toContain('Group T5 does not apply to unit ST03 (department)');
    expect(await countRespondents(id)).toBe(0);
    const fixed = csv.replace('ST03,T5', 'ST31,T5').replace('ST25,T3', 'ST25,T6').replace('ST20,T1', 'ST19,T1');
    expect((await upload(id, fixed)).statusCode).toBe(201);
    expect(await countRespondents(id)).toBe(6);
  });

  it('rejects malformed CSV and a missing column', async () => {
    const id = await newCampaign('malformed csv');
    const broken = await upload(id, 'full_name,email,unit_code,respondent_group\n"unclosed,a@b.vn,ST01,T1\n');
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ error: { code: string } }>().error.code).toBe('IMPORT_INVALID');
    const missing = await upload(id, 'full_name,email,unit_code\nA,a@b.vn,ST01\n');
    expect(missing.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe('respondent_group');
    expect(await countRespondents(id)).toBe(0);
  });

  it('imports an Excel (.xlsx) file the same way', async () => {
    const id = await newCampaign('xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['full_name', 'email', 'unit_code', 'respondent_group', 'phone']);
    ws.addRow(['Phạm Văn X', 'x@example.vn', 'ST30', 'T4', '0912 345 678']);
    ws.addRow(['Phạm Thị Y', 'y@example.vn', 'ST31', 'T5', '']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/respondents`,
      payload: data,
      headers: { cookie: t.adminCookie, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<{ imported: number }>().imported).toBe(2);
  });

  it('refuses an upload over RESPONDENT_IMPORT_MAX_MB with 413 naming the limit', async () => {
    const id = await newCampaign('too large');
    const limit = t.config.importLimits.respondents.maxBytes;
    const res = await upload(id, `full_name,email,unit_code,respondent_group\n${'x'.repeat(limit)}\n`);
    expect(res.statusCode).toBe(413);
    const body = res.json<{ error: { code: string; details: { message: string }[] } }>();
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.error.details[0]?.message).toContain(`${limit / 1024 / 1024} MB`);
  });

  it('previews counts per unit and group on a dry run without saving, then refuses the same emails twice', async () => {
    const id = await newCampaign('dry run');
    const csv = respondentsCsv(planRespondents(80, 'dry'));
    const dry = await upload(id, csv, '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    const preview = dry.json<{
      imported: number;
      dryRun: boolean;
      byUnit: { key: string; count: number }[];
      byGroup: { key: string; count: number }[];
    }>();
    expect(preview).toMatchObject({ imported: 0, dryRun: true });
    expect(preview.byUnit).toHaveLength(40);
    expect(preview.byGroup.reduce((s, g) => s + g.count, 0)).toBe(80);
    expect(await countRespondents(id)).toBe(0);
    expect((await upload(id, csv)).statusCode).toBe(201);
    const again = await upload(id, csv);
    expect(again.statusCode).toBe(400);
    expect(again.json<{ error: { details: { message: string }[] } }>().error.details[0]?.message).toContain(
      'đã có trong danh sách',
    );
    expect(await countRespondents(id)).toBe(80);
  });
});

describe('personal links', () => {
  it('saves a draft, resumes it, stores exactly one response for two parallel submits', async () => {
    const id = await newCampaign('links');
    await upload(id, respondentsCsv(planRespondents(3, 'links')));
    const [token] = await invite(id);
    const open = await t.app.inject({ method: 'GET', url: `/api/v1/s/${token}` });
    expect(open.statusCode).toBe(200);
    const form = open.json<{ form: Parameters<typeof fillAnswers>[0] & { code: string } }>().form;
    const answers = fillAnswers(form);
    const [firstId] = Object.keys(answers);
    const draft = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/s/${token}/draft`,
      payload: { answers: { [firstId ?? '']: answers[firstId ?? ''] } },
    });
    expect(draft.statusCode).toBe(200);
    const resumed = await t.app.inject({ method: 'GET', url: `/api/v1/s/${token}` });
    expect(resumed.json<{ answers: Record<string, unknown> }>().answers).toEqual({ [firstId ?? '']: answers[firstId ?? ''] });
    const incomplete = await t.app.inject({ method: 'POST', url: `/api/v1/s/${token}/submit`, payload: { answers: {} } });
    expect(incomplete.statusCode).toBe(400);
    const both = await Promise.all(
      [1, 2].map(() => t.app.inject({ method: 'POST', url: `/api/v1/s/${token}/submit`, payload: { answers } })),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)?.json<{ error: { code: string } }>().error.code).toBe('ALREADY_SUBMITTED');
    const stored = await t.app.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.responses)
      .where(eq(schema.responses.campaignId, id));
    expect(stored[0]?.n).toBe(1);
    const reopened = await t.app.inject({ method: 'GET', url: `/api/v1/s/${token}` });
    expect(reopened.json<{ status: string }>().status).toBe('completed');
  });

  it('answers 410 CAMPAIGN_CLOSED after the campaign is closed', async () => {
    const id = await newCampaign('closed later');
    await upload(id, respondentsCsv(planRespondents(2, 'closed')));
    const [token] = await invite(id);
    const form = (await t.app.inject({ method: 'GET', url: `/api/v1/s/${token}` })).json<{
      form: Parameters<typeof fillAnswers>[0];
    }>().form;
    await t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${id}/close`, headers: { cookie: t.adminCookie } });
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/s/${token}/submit`, payload: { answers: fillAnswers(form) } });
    expect(res.statusCode).toBe(410);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('CAMPAIGN_CLOSED');
    const remind = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/reminders/send`,
      headers: { cookie: t.adminCookie },
    });
    expect(remind.statusCode).toBe(410);
  });

  it('reveals nothing for a wrong token and slows down guessing with 429', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/s/${'x'.repeat(43)}`, remoteAddress: '10.9.9.9' });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string; details?: unknown } }>().error).toEqual(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(res.json<{ error: { details?: unknown } }>().error.details).toBeUndefined();
    let last = 0;
    for (let i = 0; i < 25; i++)
      last = (await t.app.inject({ method: 'GET', url: `/api/v1/s/guess${i}xxxxxxxxxxxxxxxx`, remoteAddress: '10.9.9.9' }))
        .statusCode;
    expect(last).toBe(429);
  });
});

describe('exports', () => {
  it('exports the response rates per unit as CSV (with BOM) and as an Excel workbook', async () => {
    const id = await newCampaign('exports');
    await upload(id, respondentsCsv(planRespondents(4, 'exp')));
    await invite(id);
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${id}/response-rates.csv`,
      headers: { cookie: t.adminCookie },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith('\uFEFFMã,Đơn vị,Đã mời,')).toBe(true); // for people: the console's Vietnamese column names
    expect(csv.body).toContain('ALL,Toàn tỉnh,4,');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${id}/response-rates.xlsx`,
      headers: { cookie: t.adminCookie },
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Theo đơn vị', 'Theo nhóm', 'Theo ngày']);
  });
});

describe('reminder schedule', () => {
  it('creates each scheduled reminder round once, only for those who have not answered, at most maxReminders', async () => {
    const id = await newCampaign('schedule', '2099-01-01T00:00:00Z', { reminderDays: [3, 7, 10], maxReminders: 2 });
    await upload(id, respondentsCsv(planRespondents(3, 'sched')));
    const [done] = await invite(id);
    await t.app.db.execute(sql`update invitations set sent_at = now() - interval '4 days' where campaign_id = ${id}`);
    const form = (await t.app.inject({ method: 'GET', url: `/api/v1/s/${done}` })).json<{
      form: Parameters<typeof fillAnswers>[0];
    }>().form;
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/s/${done}/submit`, payload: { answers: fillAnswers(form) } }))
        .statusCode,
    ).toBe(201);
    const day = 24 * 3600 * 1000;
    expect(await createDueReminders(t.app.db, new Date(), 24)).toHaveLength(2);
    expect(await createDueReminders(t.app.db, new Date(), 24)).toHaveLength(0);
    expect(await createDueReminders(t.app.db, new Date(Date.now() + 2 * day), 24)).toHaveLength(0);
    expect(await createDueReminders(t.app.db, new Date(Date.now() + 4 * day), 24)).toHaveLength(2);
    expect(await createDueReminders(t.app.db, new Date(Date.now() + 30 * day), 24)).toHaveLength(0);
  });
});

describe('mail delivery', () => {
  it('marks an invitation bounced on a 550 and does not retry it', async () => {
    const smtp = await startSmtpSink({ rejectRcpt: (to) => to.startsWith('cb0.') });
    const worker = await startWorker(
      loadWorkerConfig({
        DATABASE_URL: t.database.url,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: t.config.queuePrefix,
        SMTP_URL: smtp.url,
        TOKEN_SECRET: SECRET,
      }),
      { schedulers: false, log: () => undefined },
    );
    try {
      const id = await newCampaign('bounce');
      await upload(id, respondentsCsv(planRespondents(3, 'bounce')));
      await invite(id);
      let rates: { overall: { bounced: number; delivered: number } } | undefined;
      for (let i = 0; i < 100; i++) {
        rates = (
          await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}/response-rates`, headers: { cookie: t.adminCookie } })
        ).json();
        if (rates?.overall.bounced === 1 && rates.overall.delivered === 2) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(rates?.overall).toMatchObject({ bounced: 1, delivered: 2 });
      // (mails queued by the tests above go out too: count this campaign's)
      expect(smtp.mails.filter((m) => m.to.endsWith('.bounce@example.vn'))).toHaveLength(2);

      // Escalation: the day before the last reminder round, the unit's focal point gets one digest.
      const esc = await newCampaign('escalation', '2099-01-01T00:00:00Z', { reminderDays: [3, 7], escalation: true });
      await t.app.db.execute(sql`update units set focal_point_email = 'daumoi.st30@example.vn' where code = 'ST30'`);
      await upload(
        esc,
        'full_name,email,unit_code,respondent_group\nVõ Văn Một,mot.esc@example.vn,ST30,T4\nVõ Văn Hai,hai.esc@example.vn,ST30,T5\n',
      );
      await invite(esc);
      await t.app.db.execute(sql`update invitations set sent_at = now() - interval '6 days 1 hour' where campaign_id = ${esc}`);
      expect(await createDueDigests(t.app.db, new Date(Date.now() - 2 * 3600_000))).toHaveLength(0);
      await sweep(worker.deps);
      await sweep(worker.deps);
      for (let i = 0; i < 100 && !smtp.mails.some((m) => m.to === 'daumoi.st30@example.vn'); i++)
        await new Promise((r) => setTimeout(r, 100));
      const digests = smtp.mails.filter((m) => m.to === 'daumoi.st30@example.vn');
      expect(digests).toHaveLength(1);
      expect(digests[0]?.text).toContain('Võ Văn Một <mot.esc@example.vn>');
      expect(digests[0]?.subject).toContain('còn 2 người chưa trả lời');
    } finally {
      await worker.close();
      await smtp.close();
    }
  });
});
