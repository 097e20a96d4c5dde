import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, buildTestApp, type TestApp } from '../../test/support/build-app.ts';

describe('login and campaigns', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  it('refuses a wrong password with 401 LOGIN_FAILED in Vietnamese and English', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: ADMIN.email, password: 'wrong' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: { code: 'LOGIN_FAILED', message: 'Email hoặc mật khẩu không đúng', messageEn: 'Wrong email or password' },
    });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('rejects a malformed login body with 400 VALIDATION_FAILED naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'not-an-email' } });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; details: { field: string }[] } }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d) => d.field)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('lets the admin create a campaign, and refuses anonymous users', async () => {
    const payload = {
      kind: 'staff',
      name: 'Khảo sát CBCCVC 2021',
      year: 2021,
      opensAt: '2021-11-03T00:00:00+07:00',
      closesAt: '2021-11-23T00:00:00+07:00',
    };
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/campaigns', payload });
    expect(anon.statusCode).toBe(401);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/campaigns', payload, headers: { cookie: t.adminCookie } });
    expect(res.statusCode).toBe(201);
    const { id } = res.json<{ id: string }>();
    const got = await t.app.inject({ url: `/api/v1/campaigns/${id}`, headers: { cookie: t.adminCookie } });
    expect(got.json()).toMatchObject({ id, kind: 'staff', status: 'closed', year: 2021 });
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/campaigns', payload, headers: { cookie: t.adminCookie } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('CAMPAIGN_NAME_TAKEN');
  });

  it('refuses a campaign that closes before it opens', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: { cookie: t.adminCookie },
      payload: { kind: 'sipas', name: 'x', year: 2021, opensAt: '2021-11-23T00:00:00Z', closesAt: '2021-11-03T00:00:00Z' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('closesAt');
  });

  it('lists the 40 seeded units publicly', async () => {
    const res = await t.app.inject({ url: '/api/v1/units' });
    expect(res.json().units).toHaveLength(40);
  });
});
