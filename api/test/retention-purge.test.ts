/**
 * Personal data by purpose and time (issue 14, RETENTION_DAYS): a staff and a SIPAS campaign are
 * closed, the clock is moved past the retention period, the worker's purge runs; names, emails,
 * phones, mail errors and notes are gone, response rates, SIPAS figures and the anonymous answers
 * are unchanged, and the audit log records the purge. The mails say why, by whom and until when.
 */
import { randomUUID } from 'node:crypto';
import { findForm } from '@hailong/forms';
import { invitationToken } from '@hailong/runtime';
import { purgeDuePersonalData } from '@hailong/worker';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { openSipasCampaign } from './kiosk-fixtures.ts';
import { fillAnswers } from './staff-support.ts';

const SECRET = 'retention-purge-test-secret-0123456789abcdef';
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ tokenSecret: SECRET, retentionDays: 90 });
});
afterAll(async () => t?.close());

const admin = (method: 'GET' | 'POST', url: string, payload?: unknown, ct?: string) =>
  t.app.inject({
    method,
    url,
    headers: { cookie: t.adminCookie, ...(ct ? { 'content-type': ct } : {}) },
    ...(payload !== undefined ? { payload: payload as string } : {}),
  });
const rows = async <T>(q: ReturnType<typeof sql>) => (await t.app.db.execute(q)).rows as T[];

describe('retention purge', () => {
  let staffId = '';
  let sipasId = '';

  it('states in the invitation mail why the data is processed, by whom and until when', async () => {
    const c = await admin('POST', '/api/v1/campaigns', {
      kind: 'staff',
      name: 'CBCCVC lưu trữ',
      year: 2021,
      opensAt: '2021-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
    });
    staffId = c.json<{ id: string }>().id;
    const csv = [
      'full_name,email,unit_code,respondent_group,phone',
      ...Array.from({ length: 8 }, (_, i) => `Trần Văn Lưu ${i},luu${i}@example.vn,ST01,T2,0912345${String(i).padStart(3, '0')}`),
    ].join('\n');
    expect((await admin('POST', `/api/v1/campaigns/${staffId}/respondents`, csv, 'text/csv')).statusCode).toBe(201);
    const preview = await admin('GET', `/api/v1/campaigns/${staffId}/mail/preview?kind=invitation`);
    const text = preview.json<{ text: string }>().text;
    expect(text).toContain('Nghị định 13/2023/NĐ-CP');
    expect(text).toContain('Sở Nội vụ là bên xử lý họ tên, email và đơn vị');
    expect(text).toContain('Dữ liệu cá nhân được lưu đến ngày 01/04/2099');
  });

  it('previews what will be removed, then removes it after RETENTION_DAYS and audits it', async () => {
    expect((await admin('POST', `/api/v1/campaigns/${staffId}/invitations/send`)).statusCode).toBe(202);
    const invs = await rows<{ id: string }>(sql`select id from invitations where campaign_id = ${staffId} order by id`);
    for (const inv of invs.slice(0, 6)) {
      const token = invitationToken(SECRET, inv.id);
      const form = (await t.app.inject({ url: `/api/v1/s/${token}` })).json<{ form: Parameters<typeof fillAnswers>[0] }>().form;
      expect(
        (await t.app.inject({ method: 'POST', url: `/api/v1/s/${token}/submit`, payload: { answers: fillAnswers(form) } }))
          .statusCode,
      ).toBe(201);
    }
    await t.app.db.execute(
      sql`update invitations set bounce_reason = '550 luu7@example.vn unknown' where id = ${invs[7]?.id ?? ''}`,
    );
    await t.app.db.execute(
      sql`update mail_deliveries set last_error = '451 luu6@example.vn greylisted' where invitation_id = ${invs[6]?.id ?? ''}`,
    );
    sipasId = await openSipasCampaign(t);
    for (let i = 0; i < 32; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/o/ST34/responses',
        remoteAddress: `10.1.0.${i}`,
        payload: { clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: findForm('02/2021-DVCTT')?.example },
      });
      expect(res.statusCode).toBe(201);
    }
    await t.app.db.execute(
      sql`update responses set note = 'gặp chị Lan, nhà số 12' where id = (select id from responses where campaign_id = ${sipasId} limit 1)`,
    );

    const before = (await admin('GET', `/api/v1/campaigns/${staffId}/personal-data`)).json<{
      willRemove: Record<string, number>;
      dueAt: string;
      purgedAt: string | null;
    }>();
    expect(before.willRemove).toEqual({
      respondents: 8,
      phones: 8,
      bounceReasons: 1,
      mailErrors: 1,
      interviewNotes: 0,
      backCheckNotes: 0,
    });
    expect(before.purgedAt).toBeNull();
    const rates = (await admin('GET', `/api/v1/campaigns/${staffId}/response-rates`)).json<{ overall: unknown }>().overall;
    const sipas = (await admin('GET', `/api/v1/campaigns/${sipasId}/results`)).json<{ units: unknown[] }>().units;
    const answers = await rows(
      sql`select answers from responses where campaign_id in (${staffId}, ${sipasId}) order by payload_hash, answers::text`,
    );

    for (const id of [staffId, sipasId]) expect((await admin('POST', `/api/v1/campaigns/${id}/close`)).statusCode).toBe(200);
    const closed = (await admin('GET', `/api/v1/campaigns/${staffId}/personal-data`)).json<{ dueAt: string }>();
    const due = new Date(closed.dueAt);
    expect(due.getTime() - Date.now()).toBeGreaterThan(89 * 86_400_000);
    expect(await purgeDuePersonalData(t.app.db, new Date(due.getTime() - 60_000), 90)).toEqual([]);
    expect((await purgeDuePersonalData(t.app.db, new Date(due.getTime() + 86_400_000), 90)).sort()).toEqual(
      [staffId, sipasId].sort(),
    );

    const people = await rows<{ full_name: string; email: string; phone: string | null }>(
      sql`select full_name, email, phone from respondents where campaign_id = ${staffId}`,
    );
    expect(people).toHaveLength(8);
    for (const p of people) {
      expect(p.full_name).toBe('');
      expect(p.email).toMatch(/@removed\.invalid$/);
      expect(p.phone).toBeNull();
    }
    const leftovers = await rows<{ n: number }>(sql`select
      (select count(*) from invitations where bounce_reason is not null)::int +
      (select count(*) from mail_deliveries where last_error is not null)::int +
      (select count(*) from responses where note is not null)::int as n`);
    expect(leftovers[0]?.n).toBe(0);
    expect((await admin('GET', `/api/v1/campaigns/${staffId}/response-rates`)).json<{ overall: unknown }>().overall).toEqual(
      rates,
    );
    expect((await admin('GET', `/api/v1/campaigns/${sipasId}/results`)).json<{ units: unknown[] }>().units).toEqual(sipas);
    expect(
      await rows(
        sql`select answers from responses where campaign_id in (${staffId}, ${sipasId}) order by payload_hash, answers::text`,
      ),
    ).toEqual(answers);
    const audit = await rows<{ entity_id: string; details: Record<string, number> }>(
      sql`select entity_id, details from audit_log where action = 'personal_data.purge' order by entity_id`,
    );
    expect(audit.find((a) => a.entity_id === staffId)?.details).toEqual(before.willRemove);
    expect(audit.find((a) => a.entity_id === sipasId)?.details).toMatchObject({ interviewNotes: 1 });
    const after = (await admin('GET', `/api/v1/campaigns/${staffId}/personal-data`)).json<{
      willRemove: Record<string, number>;
      purgedAt: string | null;
    }>();
    expect(after.purgedAt).not.toBeNull();
    expect(Object.values(after.willRemove).every((n) => n === 0)).toBe(true);
    expect(await purgeDuePersonalData(t.app.db, new Date(due.getTime() + 2 * 86_400_000), 90)).toEqual([]);
  });

  it('is for administrators only', async () => {
    expect((await t.app.inject({ url: `/api/v1/campaigns/${staffId}/personal-data` })).statusCode).toBe(401);
  });
});
