import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { openSipasCampaign } from './kiosk-fixtures.ts';

describe('kiosk idle reset setting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await openSipasCampaign(t);
  });
  afterAll(async () => t.close());

  const create = (body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/kiosks',
      headers: { cookie: t.adminCookie },
      payload: { unitCode: 'ST34', counterName: 'Quầy idle', ...body },
    });

  it('gives the tablet the idle time the admin set, and lists it', async () => {
    const res = await create({ idleSeconds: 30 });
    expect(res.statusCode).toBe(201);
    const { id, pairingCode } = res.json<{ id: string; pairingCode: string }>();
    const paired = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/pair',
      payload: { pairingCode },
      remoteAddress: '10.9.9.9',
    });
    expect(paired.json<{ idleSeconds: number }>().idleSeconds).toBe(30);
    const list = await t.app.inject({ url: '/api/v1/kiosks', headers: { cookie: t.adminCookie } });
    expect(list.json<{ kiosks: { id: string; idleSeconds: number }[] }>().kiosks.find((k) => k.id === id)?.idleSeconds).toBe(30);
  });

  it('defaults to 60 s and refuses an idle time outside 15–600 s with a per-field error', async () => {
    const res = await create({});
    const { pairingCode } = res.json<{ pairingCode: string }>();
    const paired = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/pair',
      payload: { pairingCode },
      remoteAddress: '10.9.9.8',
    });
    expect(paired.json<{ idleSeconds: number }>().idleSeconds).toBe(60);
    for (const idleSeconds of [5, 601]) {
      const bad = await create({ idleSeconds });
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json())).toContain('idleSeconds');
    }
  });
});
