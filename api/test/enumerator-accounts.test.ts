import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { sampleSize } from '@hailong/api';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { assign, createEnumerator, createFieldCampaign, fieldForm, interview, sync } from './enumerator-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

describe('sample size n = ceil(N / (1 + N·e²))', () => {
  it('gives 388 forms for 12,000 dossiers at a 5% margin (METHOD.md §4)', () => {
    expect(sampleSize(12_000)).toBe(388);
    expect(sampleSize(400)).toBe(200);
    expect(sampleSize(0)).toBe(0);
  });
  test.prop([fc.integer({ min: 1, max: 10_000_000 }), fc.double({ min: 0.01, max: 0.2, noNaN: true })])(
    'never exceeds the population, never falls below the exact quotient, and never exceeds 1/e² + 1',
    (n, e) => {
      const s = sampleSize(n, e);
      expect(s).toBeLessThanOrEqual(n);
      expect(s).toBeGreaterThanOrEqual(n / (1 + n * e * e) - 1e-6);
      expect(s).toBeLessThanOrEqual(Math.ceil(1 / (e * e)) + 1);
    },
  );
  test.prop([fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1000 })])(
    'grows with the number of dossiers',
    (n, d) => {
      expect(sampleSize(n + d)).toBeGreaterThanOrEqual(sampleSize(n));
    },
  );
});

describe('field accounts', () => {
  it('creates an enumerator and its organisation, and refuses a second account with the same email (409)', async () => {
    const payload = {
      fullName: 'Nguyễn Văn A',
      email: 'A.Nguyen@buudien.vn',
      organisation: 'Bưu điện tỉnh Sóc Trăng',
      password: 'Dtv-Pass-2026!',
    };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/enumerators', headers: { cookie: t.adminCookie }, payload });
    expect(res.statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enumerators',
      headers: { cookie: t.adminCookie },
      payload: { ...payload, email: 'a.nguyen@buudien.vn' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('EMAIL_TAKEN');
    await t.login('a.nguyen@buudien.vn', 'Dtv-Pass-2026!');
  });

  it('imports a CSV all-or-nothing: one bad row names the row and field and saves nothing', async () => {
    const bad =
      'full_name,email,organisation,password\nTrần B,b@buudien.vn,Bưu điện tỉnh,Dtv-Pass-2026!\nLê C,not-an-email,Bưu điện tỉnh,Dtv-Pass-2026!\n';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enumerators/import',
      headers: { cookie: t.adminCookie, 'content-type': 'text/csv' },
      payload: bad,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_INVALID', details: [{ row: 3, field: 'email' }] });
    const n = await t.app.db.execute<{ n: number }>(sql`select count(*)::int as n from users where email = 'b@buudien.vn'`);
    expect(n.rows[0]?.n).toBe(0);
    const good = bad.replace('not-an-email', 'c@buudien.vn');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enumerators/import',
      headers: { cookie: t.adminCookie, 'content-type': 'text/csv' },
      payload: good,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().created).toBe(2);
  });

  it('imports supervisors and observers from XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Giám sát');
    ws.addRow(['full_name', 'email', 'organisation', 'password', 'role']);
    ws.addRow(['Phạm D', 'd@mttq.vn', 'Ủy ban MTTQ tỉnh', 'Gs-Pass-2026!', 'supervisor']);
    ws.addRow(['Võ E', 'e@ccb.vn', 'Hội Cựu chiến binh tỉnh', 'Gs-Pass-2026!', 'observer']);
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/supervisors/import',
      payload: body,
      headers: { cookie: t.adminCookie, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(res.statusCode).toBe(201);
    const roles = await t.app.db.execute<{ role: string }>(
      sql`select role from users where email in ('d@mttq.vn', 'e@ccb.vn') order by email`,
    );
    expect(roles.rows.map((r) => r.role)).toEqual(['supervisor', 'observer']);
  });

  it('stores per-unit targets entered or computed from dossiers', async () => {
    const campaignId = await createFieldCampaign(t);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/campaigns/${campaignId}/targets`,
      headers: { cookie: t.adminCookie },
      payload: {
        targets: [
          { unitCode: 'ST01', dossiers: 12000 },
          { unitCode: 'ST02', target: 50 },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      targets: [
        { unitCode: 'ST01', target: 388 },
        { unitCode: 'ST02', target: 50 },
      ],
      total: 438,
    });
  });
});

describe('quota counters', () => {
  it('stay exact when 10 enumerators sync at the same time, some resending the same forms', async () => {
    const campaignId = await createFieldCampaign(t);
    const people = await Promise.all(Array.from({ length: 10 }, () => createEnumerator(t)));
    const ids = await Promise.all(people.map((p, i) => assign(t, campaignId, p.id, i % 2 === 0 ? 'ST34' : 'ST35', 25)));
    const form = await fieldForm(t, people[0]!.cookie);
    const batches = people.map((_, i) => Array.from({ length: 30 }, (_, k) => interview(ids[i]!, form, i * 100 + k + 1)));
    // every enumerator sends its batch twice concurrently (a retry racing the first attempt)
    const runs = await Promise.all(people.flatMap((p, i) => [sync(t, p.cookie, batches[i]!), sync(t, p.cookie, batches[i]!)]));
    for (let i = 0; i < 10; i++) {
      const stored = [...runs[2 * i]!, ...runs[2 * i + 1]!].filter((r) => r.status === 'stored').length;
      expect(stored).toBe(30);
    }
    const rows = await t.app.db.execute<{ collected: number; n: number; over: number }>(sql`
      select a.collected, count(r.id)::int as n, count(r.id) filter (where r.over_quota)::int as over
      from assignments a left join responses r on r.source_id = a.id where a.campaign_id = ${campaignId} group by a.id`);
    expect(rows.rows).toHaveLength(10);
    for (const r of rows.rows) expect(r).toEqual({ collected: 30, n: 30, over: 5 });
  });
});
