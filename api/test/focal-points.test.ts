/**
 * An admin keeps each unit's focal point (đầu mối CCHC) — name and email — and the escalation
 * digest then goes to the address the admin set, not to an old one.
 */
import { schema } from '@hailong/db';
import { loadWorkerConfig, startWorker } from '@hailong/worker';
import { sweep } from '@hailong/worker';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { TEST_REDIS_URL } from '../../test/support/redis.ts';
import { createStaffCampaign, sendInvitations, startSmtpSink } from './staff-support.ts';

const SECRET = 'focal-points-test-secret-0123456789abcdefgh';
const OBSERVER = { email: 'quansat@example.vn', password: 'Quan-Sat-2026!' };
let t: TestApp;
const admin = () => ({ cookie: t.adminCookie });

beforeAll(async () => {
  t = await buildTestApp({ tokenSecret: SECRET });
});
afterAll(async () => {
  await t?.close();
});

const staffCampaign = (name: string, respondentsCsv: string, settings?: Record<string, unknown>) =>
  createStaffCampaign({ app: t.app, cookie: t.adminCookie }, { name, respondentsCsv, ...(settings ? { settings } : {}) });

const put = (unit: string, payload: unknown, headers = admin()) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/focal-points/${unit}`, headers, payload: payload as Record<string, unknown> });

describe('focal points', () => {
  it('sets, lists and clears a unit’s focal point, each change audited', async () => {
    const set = await put('ST05', { name: 'Nguyễn Thị Đầu Mối', email: 'daumoi.st05@example.vn' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ unitCode: 'ST05', name: 'Nguyễn Thị Đầu Mối', email: 'daumoi.st05@example.vn' });

    const all = await t.app.inject({ method: 'GET', url: '/api/v1/focal-points', headers: admin() });
    expect(all.statusCode).toBe(200);
    const list = all.json<{ focalPoints: { unitCode: string; name: string | null; email: string | null }[] }>().focalPoints;
    expect(list).toHaveLength(40);
    expect(list.find((f) => f.unitCode === 'ST05')).toMatchObject({
      name: 'Nguyễn Thị Đầu Mối',
      email: 'daumoi.st05@example.vn',
    });
    expect(list.find((f) => f.unitCode === 'ST06')).toMatchObject({ name: null, email: null });

    const cleared = await t.app.inject({ method: 'DELETE', url: '/api/v1/focal-points/ST05', headers: admin() });
    expect(cleared.json()).toMatchObject({ unitCode: 'ST05', name: null, email: null });

    const audit = await t.app.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entity, 'unit'), eq(schema.auditLog.entityId, 'ST05')));
    expect(audit.map((r) => r.action)).toEqual(['focal_point.set', 'focal_point.clear']);
    expect(JSON.stringify(audit)).not.toContain('daumoi.st05');
  });

  it('lists only the units of a staff campaign, with how many respondents each has', async () => {
    const id = await staffCampaign(
      'focal list',
      'full_name,email,unit_code,respondent_group\nLê Văn A,a.fl@example.vn,ST02,T2\nLê Văn B,b.fl@example.vn,ST02,T3\nLê Văn C,c.fl@example.vn,ST07,T3\n',
    );
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/focal-points?campaignId=${id}`, headers: admin() });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json<{ focalPoints: { unitCode: string; respondents?: number }[] }>()
        .focalPoints.map((f) => [f.unitCode, f.respondents]),
    ).toEqual([
      ['ST02', 2],
      ['ST07', 1],
    ]);
  });

  it('refuses a bad email with 400 and a Vietnamese message, and an unknown unit with 404', async () => {
    const bad = await put('ST05', { name: 'Trần Văn B', email: 'không-phải-email' });
    expect(bad.statusCode).toBe(400);
    const err = bad.json<{
      error: { code: string; message: string; messageEn: string; details: { field: string; message: string }[] };
    }>().error;
    expect(err).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Dữ liệu gửi lên không hợp lệ',
      messageEn: 'The request is invalid',
    });
    expect(err.details).toContainEqual({ field: 'email', message: 'Email không hợp lệ' });
    expect((await put('ST05', { name: '  ', email: 'b@example.vn' })).statusCode).toBe(400);
    const unknown = await put('XX99', { name: 'Trần Văn B', email: 'b@example.vn' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('UNIT_UNKNOWN');
  });

  it('is for admins only: 401 without a session, 403 for an observer', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/supervisors',
      headers: admin(),
      payload: { fullName: 'Quan sát viên', organisation: 'Hội Cựu chiến binh tỉnh', role: 'observer', ...OBSERVER },
    });
    const observer = { cookie: await t.login(OBSERVER.email, OBSERVER.password) };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/focal-points' })).statusCode).toBe(401);
    expect((await put('ST05', { name: 'X', email: 'x@example.vn' }, { cookie: '' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/focal-points', headers: observer })).statusCode).toBe(403);
    expect((await put('ST05', { name: 'X', email: 'x@example.vn' }, observer)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/focal-points/ST05', headers: observer })).statusCode).toBe(403);
  });

  it('is documented in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(Object.keys(doc.paths['/api/v1/focal-points/{unitCode}'] ?? {})).toEqual(expect.arrayContaining(['put', 'delete']));
    expect(doc.paths['/api/v1/focal-points']).toHaveProperty('get');
  });

  it('sends the escalation digest to the focal point the admin set, not to the old address', async () => {
    await t.app.db.execute(sql`update units set focal_point_email = 'cu.st30@example.vn' where code = 'ST30'`);
    const smtp = await startSmtpSink();
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
      const id = await staffCampaign(
        'focal digest',
        'full_name,email,unit_code,respondent_group\nVõ Văn Một,mot.fd@example.vn,ST30,T4\nVõ Văn Hai,hai.fd@example.vn,ST30,T5\n',
        { reminderDays: [3, 7], escalation: true },
      );
      expect((await put('ST30', { name: 'Phạm Thị Mới', email: 'moi.st30@example.vn' })).statusCode).toBe(200);
      await sendInvitations({ app: t.app, cookie: t.adminCookie }, id);
      await t.app.db.execute(sql`update invitations set sent_at = now() - interval '6 days 1 hour' where campaign_id = ${id}`);
      await sweep(worker.deps);
      await sweep(worker.deps);
      for (let i = 0; i < 100 && !smtp.mails.some((m) => m.to === 'moi.st30@example.vn'); i++)
        await new Promise((r) => setTimeout(r, 100));
      const digests = smtp.mails.filter((m) => m.to === 'moi.st30@example.vn');
      expect(digests).toHaveLength(1);
      expect(digests[0]?.text).toContain('Võ Văn Một <mot.fd@example.vn>');
      expect(smtp.mails.filter((m) => m.to === 'cu.st30@example.vn')).toHaveLength(0);
    } finally {
      await worker.close();
      await smtp.close();
    }
  });
});
