/** Locality hierarchy CRUD through HTTP: district unit → commune → hamlet, names, deletes, 4xx codes. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locality } from '@hailong/contracts';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { createEnumerator, createFieldCampaign } from './enumerator-fixtures.ts';

describe('localities', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp()));
  afterAll(async () => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: t.adminCookie }, ...(payload ? { payload } : {}) });
  const code = (res: { json: <T>() => T }) => res.json<{ error: { code: string } }>().error.code;
  const name = () => `Xã ${randomUUID().slice(0, 8)}`;

  it('creates a commune under a district unit and a hamlet under it, and lists them', async () => {
    const commune = await call('POST', '/localities', { level: 'commune', unitCode: 'ST32', name: 'Xã Đại Hải' });
    expect(commune.statusCode).toBe(201);
    const c = commune.json<Locality>();
    expect(c).toMatchObject({ unitCode: 'ST32', level: 'commune', parentId: null, name: 'Xã Đại Hải' });
    const hamlet = (await call('POST', '/localities', { level: 'hamlet', parentId: c.id, name: 'Ấp Mang Cá' })).json<Locality>();
    expect(hamlet).toMatchObject({ unitCode: 'ST32', level: 'hamlet', parentId: c.id });
    const list = (await call('GET', '/localities?unitCode=ST32')).json<{ localities: Locality[] }>().localities;
    expect(list.map((l) => l.name)).toEqual(['Xã Đại Hải', 'Ấp Mang Cá']);
  });

  it('refuses a commune under a non-district unit, a hamlet under a hamlet, unknown parents and units', async () => {
    expect(code(await call('POST', '/localities', { level: 'commune', unitCode: 'ST01', name: name() }))).toBe(
      'LOCALITY_PARENT_INVALID',
    );
    expect(code(await call('POST', '/localities', { level: 'commune', unitCode: 'ZZ99', name: name() }))).toBe('UNIT_UNKNOWN');
    const c = (await call('POST', '/localities', { level: 'commune', unitCode: 'ST33', name: name() })).json<Locality>();
    const h = (await call('POST', '/localities', { level: 'hamlet', parentId: c.id, name: 'Ấp 1' })).json<Locality>();
    const under = await call('POST', '/localities', { level: 'hamlet', parentId: h.id, name: 'Ấp con' });
    expect([under.statusCode, code(under)]).toEqual([400, 'LOCALITY_PARENT_INVALID']);
    const missing = await call('POST', '/localities', { level: 'hamlet', parentId: 999_999, name: 'Ấp 1' });
    expect([missing.statusCode, code(missing)]).toEqual([404, 'LOCALITY_NOT_FOUND']);
  });

  it('keeps names unique per parent (409 LOCALITY_NAME_TAKEN) on create and rename', async () => {
    const n = name();
    expect((await call('POST', '/localities', { level: 'commune', unitCode: 'ST34', name: n })).statusCode).toBe(201);
    const dup = await call('POST', '/localities', { level: 'commune', unitCode: 'ST34', name: n });
    expect([dup.statusCode, code(dup)]).toEqual([409, 'LOCALITY_NAME_TAKEN']);
    expect((await call('POST', '/localities', { level: 'commune', unitCode: 'ST35', name: n })).statusCode).toBe(201);
    const other = (await call('POST', '/localities', { level: 'commune', unitCode: 'ST34', name: name() })).json<Locality>();
    expect(code(await call('PUT', `/localities/${other.id}`, { name: n }))).toBe('LOCALITY_NAME_TAKEN');
    const renamed = await call('PUT', `/localities/${other.id}`, { name: 'Thị trấn Huỳnh Hữu Nghĩa' });
    expect(renamed.json<Locality>().name).toBe('Thị trấn Huỳnh Hữu Nghĩa');
  });

  it('deletes unused localities, but not a commune with hamlets or one an assignment uses (409)', async () => {
    const c = (await call('POST', '/localities', { level: 'commune', unitCode: 'ST36', name: name() })).json<Locality>();
    const h = (await call('POST', '/localities', { level: 'hamlet', parentId: c.id, name: 'Ấp 3' })).json<Locality>();
    expect(code(await call('DELETE', `/localities/${c.id}`))).toBe('LOCALITY_HAS_CHILDREN');
    const campaignId = await createFieldCampaign(t);
    const e = await createEnumerator(t);
    const assigned = await call('POST', `/campaigns/${campaignId}/assignments`, {
      enumeratorId: e.id,
      unitCode: 'ST36',
      quota: 27,
      localityId: h.id,
    });
    expect(assigned.statusCode).toBe(201);
    const inUse = await call('DELETE', `/localities/${h.id}`);
    expect([inUse.statusCode, code(inUse)]).toEqual([409, 'LOCALITY_IN_USE']);
    expect(code(await call('DELETE', `/localities/${c.id}`))).toBe('LOCALITY_IN_USE');
    const free = (await call('POST', '/localities', { level: 'hamlet', parentId: c.id, name: 'Ấp 4' })).json<Locality>();
    expect((await call('DELETE', `/localities/${free.id}`)).statusCode).toBe(204);
    expect(code(await call('DELETE', `/localities/${free.id}`))).toBe('LOCALITY_NOT_FOUND');
  });

  it('lets only admins write localities', async () => {
    const e = await createEnumerator(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/localities',
      headers: { cookie: e.cookie },
      payload: { level: 'commune', unitCode: 'ST37', name: name() },
    });
    expect(res.statusCode).toBe(403);
  });
});
