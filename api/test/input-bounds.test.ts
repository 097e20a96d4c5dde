/** Values zod used to let through that the database then refused (a 500): now 400 with the field named. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { countRows, kioskBody, openSipasCampaign, pairKiosk, quickAnswers } from './kiosk-fixtures.ts';

describe('inputs at the edge of what PostgreSQL stores', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await openSipasCampaign(t);
  });
  afterAll(async () => t.close());

  const admin = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: t.adminCookie }, ...(payload ? { payload } : {}) });

  it('answers 400, not 500, for a locality id beyond the integer range', async () => {
    for (const res of [
      await admin('DELETE', '/localities/3000000000'),
      await admin('PUT', '/localities/3000000000', { name: 'Ấp 9' }),
      await admin('POST', '/localities', { level: 'hamlet', parentId: 3000000000, name: 'Ấp 9' }),
    ]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('treats a locality name typed with combining marks as the same name', async () => {
    const name = `Xã Hòa Tú ${randomUUID().slice(0, 6)}`;
    expect(
      (await admin('POST', '/localities', { level: 'commune', unitCode: 'ST32', name: name.normalize('NFC') })).statusCode,
    ).toBe(201);
    const again = await admin('POST', '/localities', { level: 'commune', unitCode: 'ST32', name: name.normalize('NFD') });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('LOCALITY_NAME_TAKEN');
  });

  it('refuses a kiosk session dated in year 0 with 400 naming the field, and stores nothing', async () => {
    const k = await pairKiosk(t, { minIntervalSeconds: 0 });
    const body = { ...kioskBody(quickAnswers(4), new Date('2021-11-03T08:00:00Z')), completedAt: '0000-01-01T00:00:00Z' };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/kiosk/responses', headers: k.auth, payload: body });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('completedAt');
    expect(await countRows(t)).toBe(0);
  });
});
