/**
 * Issue 17 item 6 through HTTP: admins create, disable, enable and reset console accounts (the
 * temporary password works once handed over, the old one stops); the audit log is filterable; the
 * first administrator is created with the one-time link only while no administrator exists.
 */
import { sql } from 'drizzle-orm';
import { firstAdminToken } from '../src/features/accounts/first-admin.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';

let t: TestApp;
const headers = () => ({ cookie: t.adminCookie });
const post = (url: string, payload: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url, headers: headers(), payload });
const loginStatus = async (email: string, password: string) =>
  (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })).statusCode;

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('accounts from the console', () => {
  it('creates a supervisor with a one-time temporary password, disables, enables and resets it', async () => {
    const created = await post('/api/v1/users', {
      email: 'gs.mttq@example.vn',
      fullName: 'Trần Văn Giám Sát',
      role: 'supervisor',
      organisation: 'Ủy ban MTTQ tỉnh',
    });
    expect(created.statusCode).toBe(201);
    const { id, temporaryPassword } = created.json<{ id: string; temporaryPassword: string }>();
    expect(temporaryPassword).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(await loginStatus('gs.mttq@example.vn', temporaryPassword)).toBe(200);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: headers() })).json<{
      accounts: Record<string, unknown>[];
    }>().accounts;
    expect(list.find((a) => a.id === id)).toMatchObject({
      role: 'supervisor',
      organisation: 'Ủy ban MTTQ tỉnh',
      disabledAt: null,
    });
    expect(JSON.stringify(list)).not.toContain('scrypt');

    expect((await post(`/api/v1/users/${id}/disable`)).statusCode).toBe(200);
    expect(await loginStatus('gs.mttq@example.vn', temporaryPassword)).toBe(401);
    expect((await post(`/api/v1/users/${id}/enable`)).statusCode).toBe(200);
    const reset = (await post(`/api/v1/users/${id}/reset-password`)).json<{ temporaryPassword: string }>();
    expect(await loginStatus('gs.mttq@example.vn', temporaryPassword)).toBe(401);
    expect(await loginStatus('gs.mttq@example.vn', reset.temporaryPassword)).toBe(200);

    const again = await post('/api/v1/users', {
      email: 'GS.MTTQ@example.vn',
      fullName: 'Khác',
      role: 'observer',
      organisation: 'Hội CCB tỉnh',
    });
    expect(again.json()).toMatchObject({ error: { code: 'EMAIL_TAKEN' } });
    expect((await post('/api/v1/users', { email: 'x@example.vn', fullName: 'Không tổ chức', role: 'observer' })).statusCode).toBe(
      400,
    );

    const log = (await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=user.disable', headers: headers() })).json<{
      entries: { entityId: string; actorEmail: string }[];
      total: number;
    }>();
    expect(log.total).toBe(1);
    expect(log.entries[0]).toMatchObject({ entityId: id, actorEmail: 'admin@example.vn' });
  });

  it('refuses to disable yourself; a supervisor cannot manage accounts', async () => {
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: headers() })).json<{
      user: { id: string };
    }>().user.id;
    expect((await post(`/api/v1/users/${me}/disable`)).json()).toMatchObject({ error: { code: 'USER_SELF_DISABLE' } });
    const { temporaryPassword } = (
      await post('/api/v1/users', {
        email: 'qs@example.vn',
        fullName: 'Quan Sát',
        role: 'observer',
        organisation: 'Hội CCB tỉnh',
      })
    ).json<{ temporaryPassword: string }>();
    const cookie = await t.login('qs@example.vn', temporaryPassword);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie } })).statusCode).toBe(403);
  });
});

describe('the first administrator', () => {
  it('is created with the one-time link only while no administrator exists', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: false });
    const token = firstAdminToken(t.config.tokenSecret);
    const body = { token, email: 'first@example.vn', fullName: 'Quản trị đầu tiên', password: 'mot-mat-khau-dai' };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: body })).json()).toMatchObject({
      error: { code: 'SETUP_NOT_NEEDED' },
    });

    await t.app.db.execute(sql`update users set disabled_at = now() where role = 'admin'`);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...body, token: 'x'.repeat(40) } });
    expect(wrong.json()).toMatchObject({ error: { code: 'SETUP_TOKEN_INVALID' } });
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: body });
    expect(ok.statusCode).toBe(201);
    expect(ok.cookies.find((c) => c.name === 'hl_session')).toBeTruthy();
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...body, email: 'second@example.vn' } });
    expect(second.json()).toMatchObject({ error: { code: 'SETUP_NOT_NEEDED' } });
  });
});
