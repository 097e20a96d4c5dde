/** Admin fieldwork screens' API: field account lists, a campaign's assignments, quota edits, deletion. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import {
  assign,
  createEnumerator,
  createFieldCampaign,
  fieldForm,
  FIELD_PASSWORD,
  interview,
  sync,
  type FieldEnumerator,
} from './enumerator-fixtures.ts';

let t: TestApp;
let campaignId: string;
let e1: FieldEnumerator;
let a1: string;
let a2: string;

const admin = () => ({ cookie: t.adminCookie });

beforeAll(async () => {
  t = await buildTestApp();
  campaignId = await createFieldCampaign(t);
  e1 = await createEnumerator(t, 'Bưu điện tỉnh Sóc Trăng');
  a1 = await assign(t, campaignId, e1.id, 'ST34', 3);
  a2 = await assign(t, campaignId, e1.id, 'ST35', 10);
});
afterAll(async () => t?.close());

describe('field accounts', () => {
  it('lists enumerators and supervisors with their organisation, and the campaign supervisors', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/supervisors',
      headers: admin(),
      payload: {
        fullName: 'Quan sát CCB',
        email: 'qs@ccb.vn',
        organisation: 'Hội Cựu chiến binh tỉnh',
        password: FIELD_PASSWORD,
        role: 'observer',
      },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${campaignId}/supervisors`,
      headers: admin(),
      payload: { organisation: 'Hội Cựu chiến binh tỉnh' },
    });
    const en = await t.app.inject({ method: 'GET', url: '/api/v1/enumerators', headers: admin() });
    expect(en.statusCode).toBe(200);
    expect(en.json().accounts).toContainEqual({
      id: e1.id,
      fullName: expect.any(String),
      email: e1.email,
      role: 'enumerator',
      organisation: 'Bưu điện tỉnh Sóc Trăng',
    });
    const sup = await t.app.inject({ method: 'GET', url: '/api/v1/supervisors', headers: admin() });
    expect(sup.json().accounts).toContainEqual(
      expect.objectContaining({ email: 'qs@ccb.vn', role: 'observer', organisation: 'Hội Cựu chiến binh tỉnh' }),
    );
    expect(sup.json().accounts.some((a: { role: string }) => a.role === 'enumerator')).toBe(false);
    const orgs = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/supervisors`, headers: admin() });
    expect(orgs.json().organisations).toEqual([{ id: expect.any(Number), name: 'Hội Cựu chiến binh tỉnh' }]);
  });

  it('refuses the lists to an enumerator (403) and to anonymous callers (401)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/enumerators', headers: { cookie: e1.cookie } })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/supervisors' })).statusCode).toBe(401);
  });
});

describe('campaign assignments', () => {
  it('lists each assignment with unit, quota, collected and valid counts', async () => {
    const form = await fieldForm(t, e1.cookie);
    await sync(t, e1.cookie, [interview(a1, form, 1), interview(a1, form, 2, { completedAt: '2021-11-05T08:01:00+07:00' })]);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/assignments`, headers: admin() });
    expect(res.statusCode).toBe(200);
    const list = res.json().assignments;
    expect(list).toHaveLength(2);
    expect(list.find((a: { id: string }) => a.id === a1)).toMatchObject({
      enumeratorId: e1.id,
      organisation: 'Bưu điện tỉnh Sóc Trăng',
      unitCode: 'ST34',
      unitName: expect.any(String),
      localityId: null,
      localityName: null,
      quota: 3,
      collected: 2,
      valid: 1,
    });
  });

  it('changes a quota, and answers 404 for an unknown assignment and 400 for a negative quota', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/assignments/${a1}`,
      headers: admin(),
      payload: { quota: 27 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: a1, quota: 27, collected: 2 });
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/enumerator/assignments', headers: { cookie: e1.cookie } });
    expect(mine.json().assignments.find((a: { id: string }) => a.id === a1).quota).toBe(27);
    const missing = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/assignments/00000000-0000-4000-8000-000000000000',
      headers: admin(),
      payload: { quota: 1 },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('ASSIGNMENT_NOT_FOUND');
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/assignments/${a1}`,
      headers: admin(),
      payload: { quota: -1 },
    });
    expect(bad.statusCode).toBe(400);
    const denied = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/assignments/${a1}`,
      headers: { cookie: e1.cookie },
      payload: { quota: 99 },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('refuses to delete an assignment with forms (409) and deletes an unused one (204)', async () => {
    const busy = await t.app.inject({ method: 'DELETE', url: `/api/v1/assignments/${a1}`, headers: admin() });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error).toMatchObject({ code: 'ASSIGNMENT_HAS_FORMS', message: expect.stringContaining('không thể xóa') });
    const ok = await t.app.inject({ method: 'DELETE', url: `/api/v1/assignments/${a2}`, headers: admin() });
    expect(ok.statusCode).toBe(204);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/v1/assignments/${a2}`, headers: admin() });
    expect(again.statusCode).toBe(404);
    const list = (
      await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/assignments`, headers: admin() })
    ).json().assignments;
    expect(list.map((a: { id: string }) => a.id)).toEqual([a1]);
  });

  it('rejects forms synced later for a deleted assignment without storing them', async () => {
    const form = await fieldForm(t, e1.cookie);
    const [r] = await sync(t, e1.cookie, [interview(a2, form, 3)]);
    expect(r).toMatchObject({ status: 'rejected', reason: 'FORBIDDEN_ASSIGNMENT' });
  });
});
