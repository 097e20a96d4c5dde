/**
 * Supervision for the admin and supervision screens: progress by organisation, unit and locality;
 * back-checks with re-contact details for supervisors and none of the respondent's notes for
 * observers; a supervisor sees only the campaigns their organisation supervises.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import {
  answersFor,
  assign,
  createEnumerator,
  createFieldCampaign,
  fieldForm,
  FIELD_PASSWORD,
  interview,
  sync,
} from './enumerator-fixtures.ts';

let t: TestApp;
let campaignId: string;
let otherCampaign: string;
let supervisor: string;
let observer: string;
let localityId: number;

async function account(payload: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/supervisors',
    headers: { cookie: t.adminCookie },
    payload: { password: FIELD_PASSWORD, ...payload },
  });
  expect(res.statusCode).toBe(201);
}

beforeAll(async () => {
  t = await buildTestApp();
  campaignId = await createFieldCampaign(t);
  otherCampaign = await createFieldCampaign(t);
  const loc = await t.app.db.execute<{ id: number }>(sql`
    insert into localities (unit_id, level, name) select id, 'commune', 'Xã Đại Tâm' from units where code = 'ST34' returning id`);
  localityId = loc.rows[0]?.id ?? 0;
  const e1 = await createEnumerator(t, 'Bưu điện tỉnh Sóc Trăng');
  const e2 = await createEnumerator(t, 'Bưu điện huyện Mỹ Xuyên');
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/campaigns/${campaignId}/assignments`,
    headers: { cookie: t.adminCookie },
    payload: { enumeratorId: e1.id, unitCode: 'ST34', quota: 10, localityId },
  });
  expect(res.statusCode).toBe(201);
  const a1 = res.json<{ id: string }>().id;
  const a2 = await assign(t, campaignId, e2.id, 'ST35', 4);
  const b1 = await assign(t, otherCampaign, e2.id, 'ST35', 4);
  const form = await fieldForm(t, e1.cookie);
  await sync(
    t,
    e1.cookie,
    Array.from({ length: 4 }, (_, i) =>
      interview(a1, form, i + 1, {
        note: `Ông Ba, ấp 3, SĐT 09${i}`,
        answers: { ...answersFor(form, i + 1), PROCEDURE: 'Cấp giấy chứng nhận quyền sử dụng đất' },
      }),
    ),
  );
  await sync(t, e2.cookie, [
    ...Array.from({ length: 5 }, (_, i) => interview(a2, form, i + 10)),
    interview(b1, form, 50, { note: 'khác' }),
  ]);
  await account({ fullName: 'Giám sát MTTQ', email: 'gs@mttq.vn', organisation: 'Ủy ban MTTQ tỉnh', role: 'supervisor' });
  await account({ fullName: 'Quan sát CCB', email: 'qs@ccb.vn', organisation: 'Hội Cựu chiến binh tỉnh', role: 'observer' });
  for (const organisation of ['Ủy ban MTTQ tỉnh', 'Hội Cựu chiến binh tỉnh']) {
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${campaignId}/supervisors`,
      headers: { cookie: t.adminCookie },
      payload: { organisation },
    });
  }
  supervisor = await t.login('gs@mttq.vn', FIELD_PASSWORD);
  observer = await t.login('qs@ccb.vn', FIELD_PASSWORD);
});
afterAll(async () => t?.close());

describe('progress', () => {
  it('counts per organisation, unit and locality, and marks forms beyond the quota', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${campaignId}/progress`,
      headers: { cookie: supervisor },
    });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.byEnumerator).toHaveLength(2);
    for (const e of p.byEnumerator)
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['enumeratorId', 'collected', 'valid', 'invalid', 'pending']));
    expect(p.byOrganisation).toContainEqual({
      organisation: 'Bưu điện huyện Mỹ Xuyên',
      collected: 5,
      valid: 4,
      invalid: 0,
      pending: 1,
      quota: 4,
    });
    expect(p.byUnit).toContainEqual(expect.objectContaining({ unitCode: 'ST34', collected: 4, valid: 4, quota: 10 }));
    expect(p.byLocality).toEqual([
      { localityId, localityName: 'Xã Đại Tâm', collected: 4, valid: 4, invalid: 0, pending: 0, quota: 10 },
    ]);
  });
});

describe('back-checks', () => {
  it('gives supervisors the unit, locality, form, interview time and the enumerator note to re-contact', async () => {
    const draw = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${campaignId}/back-checks/draw`,
      headers: { cookie: supervisor },
      payload: { share: 0.5 },
    });
    expect(draw.statusCode).toBe(200);
    expect(draw.json().drawn).toBe(2 + 3); // ceil(4 × 50%) + ceil(5 × 50%)
    const mine = draw.json().backChecks.find((b: { unitCode: string }) => b.unitCode === 'ST34');
    expect(mine).toMatchObject({
      clientId: expect.any(String),
      unitName: expect.any(String),
      localityName: 'Xã Đại Tâm',
      formCode: '01/2021-TT',
      startedAt: '2021-11-05T01:00:00.000Z',
      completedAt: '2021-11-05T01:12:00.000Z',
      outcome: 'pending',
      checkedAt: null,
      interviewNote: expect.stringMatching(/^Ông Ba, ấp 3, SĐT 09\d$/),
    });
  });

  it('records an outcome with a note, and shows observers the outcome without any note', async () => {
    const list = (
      await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/back-checks`, headers: { cookie: supervisor } })
    ).json().backChecks;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/back-checks/${list[0].id}`,
      headers: { cookie: supervisor },
      payload: { outcome: 'contradicted', note: 'Người dân nói không được phỏng vấn' },
    });
    expect(patch.statusCode).toBe(200);
    const denied = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/back-checks/${list[0].id}`,
      headers: { cookie: observer },
      payload: { outcome: 'confirmed' },
    });
    expect(denied.statusCode).toBe(403);
    const sup = (
      await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/back-checks`, headers: { cookie: supervisor } })
    ).json().backChecks;
    expect(sup.find((b: { id: string }) => b.id === list[0].id)).toMatchObject({
      outcome: 'contradicted',
      note: 'Người dân nói không được phỏng vấn',
      checkedAt: expect.any(String),
    });
    const obs = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${campaignId}/back-checks`,
      headers: { cookie: observer },
    });
    expect(obs.statusCode).toBe(200);
    const seen = obs.json().backChecks;
    expect(seen).toHaveLength(list.length);
    expect(seen.find((b: { id: string }) => b.id === list[0].id).outcome).toBe('contradicted');
    expect(obs.body).not.toContain('Ông Ba');
    expect(obs.body).not.toContain('không được phỏng vấn');
    for (const b of seen) expect(b).not.toHaveProperty('interviewNote');
  });

  it('refuses a supervisor everything about a campaign their organisation does not supervise', async () => {
    const base = `/api/v1/campaigns/${otherCampaign}`;
    for (const [method, url] of [
      ['GET', `${base}/progress`],
      ['GET', `${base}/review-queue`],
      ['GET', `${base}/back-checks`],
      ['POST', `${base}/back-checks/draw`],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        headers: { cookie: supervisor },
        ...(method === 'POST' ? { payload: {} } : {}),
      });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('NOT_SUPERVISED');
    }
    const draw = await t.app.inject({
      method: 'POST',
      url: `${base}/back-checks/draw`,
      headers: { cookie: t.adminCookie },
      payload: { share: 1 },
    });
    const foreign = draw.json().backChecks[0];
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/back-checks/${foreign.id}`,
      headers: { cookie: supervisor },
      payload: { outcome: 'confirmed' },
    });
    expect(patch.statusCode).toBe(403);
  });
});

describe('back-check assignment', () => {
  it('gives the re-contact details only to the supervisor the back-check is assigned to (and admins)', async () => {
    await account({ fullName: 'Giám sát MTTQ hai', email: 'gs2@mttq.vn', organisation: 'Ủy ban MTTQ tỉnh', role: 'supervisor' });
    const other = await t.login('gs2@mttq.vn', FIELD_PASSWORD);
    const url = `/api/v1/campaigns/${campaignId}/back-checks`;
    const mine = (await t.app.inject({ method: 'GET', url, headers: { cookie: supervisor } })).json().backChecks;
    const drawnBy = mine.find((b: { unitCode: string }) => b.unitCode === 'ST34');
    expect(drawnBy.assignedTo).toEqual({ id: expect.any(String), fullName: 'Giám sát MTTQ' });
    expect(drawnBy.contact).toEqual({
      place: { hamlet: null, commune: 'Xã Đại Tâm', district: 'Huyện Mỹ Tú' },
      enumeratorEmail: expect.stringMatching(/@example\.vn$/),
      procedure: 'Cấp giấy chứng nhận quyền sử dụng đất',
    });

    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: other } });
    expect(res.statusCode).toBe(200);
    const seen = res.json().backChecks.find((b: { id: string }) => b.id === drawnBy.id);
    expect(seen.assignedTo).toEqual(drawnBy.assignedTo);
    for (const key of ['contact', 'interviewNote', 'note']) expect(seen).not.toHaveProperty(key);
    expect(res.body).not.toContain('Ông Ba');
    const claim = await t.app.inject({
      method: 'POST',
      url: `/api/v1/back-checks/${drawnBy.id}/claim`,
      headers: { cookie: other },
    });
    expect([claim.statusCode, claim.json().error.code]).toEqual([409, 'BACK_CHECK_TAKEN']);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/back-checks/${drawnBy.id}`,
      headers: { cookie: other },
      payload: { outcome: 'confirmed' },
    });
    expect([patch.statusCode, patch.json().error.code]).toEqual([409, 'BACK_CHECK_TAKEN']);

    const admin = (await t.app.inject({ method: 'GET', url, headers: { cookie: t.adminCookie } })).json().backChecks;
    expect(admin.find((b: { id: string }) => b.id === drawnBy.id).interviewNote).toMatch(/^Ông Ba/);
    const observed = await t.app.inject({ method: 'GET', url, headers: { cookie: observer } });
    for (const b of observed.json().backChecks)
      for (const key of ['assignedTo', 'contact', 'interviewNote', 'note']) expect(b).not.toHaveProperty(key);
  });

  it('lets a supervisor take a back-check an admin drew, and then shows them its details', async () => {
    await t.app.db.execute(sql`update back_checks set assigned_to = null`);
    await account({ fullName: 'Giám sát MTTQ ba', email: 'gs3@mttq.vn', organisation: 'Ủy ban MTTQ tỉnh', role: 'supervisor' });
    const third = await t.login('gs3@mttq.vn', FIELD_PASSWORD);
    const url = `/api/v1/campaigns/${campaignId}/back-checks`;
    const before = (await t.app.inject({ method: 'GET', url, headers: { cookie: third } })).json().backChecks;
    const target = before.find((b: { unitCode: string }) => b.unitCode === 'ST34');
    expect(target.assignedTo).toBeNull();
    expect(target).not.toHaveProperty('contact');
    const claim = await t.app.inject({
      method: 'POST',
      url: `/api/v1/back-checks/${target.id}/claim`,
      headers: { cookie: third },
    });
    expect(claim.statusCode).toBe(200);
    const after = (await t.app.inject({ method: 'GET', url, headers: { cookie: third } }))
      .json()
      .backChecks.find((b: { id: string }) => b.id === target.id);
    expect(after.assignedTo.fullName).toBe('Giám sát MTTQ ba');
    expect(after.interviewNote).toMatch(/^Ông Ba, ấp 3/);
    expect(after.contact.place.commune).toBe('Xã Đại Tâm');
    const audit = await t.app.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'back_check_claim' and entity_id = ${target.id}`,
    );
    expect(audit.rows[0]?.n).toBe(1);
  });
});
