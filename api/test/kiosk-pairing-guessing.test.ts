/**
 * Pairing codes are long (60 bits) and wrong codes are limited for the whole installation, not per
 * address only: guesses spread over many addresses hit the same budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { PAIRING_FAILURES_MAX } from '../src/features/kiosks/device-routes.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  for (let i = 0; i < 100 && t.app.redis.status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 20));
});
afterAll(async () => t?.close());

const pair = (pairingCode: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/kiosk/pair', payload: { pairingCode }, remoteAddress });

describe('pairing-code guessing', () => {
  it('issues 12-character codes', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kiosks',
      headers: { cookie: t.adminCookie },
      payload: { unitCode: 'ST02', counterName: 'Quầy 1' },
    });
    expect(res.json<{ pairingCode: string }>().pairingCode).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
  });

  it('refuses every code once the installation-wide budget of wrong codes is spent, from any address', async () => {
    for (let i = 0; i < PAIRING_FAILURES_MAX; i++)
      expect((await pair(`WRONGCODE${String(i).padStart(3, '0')}`, `10.1.${i >> 8}.${i & 255}`)).statusCode).toBe(400);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kiosks',
      headers: { cookie: t.adminCookie },
      payload: { unitCode: 'ST02', counterName: 'Quầy 2' },
    });
    const blocked = await pair(created.json<{ pairingCode: string }>().pairingCode, '192.0.2.50');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
  }, 60_000);
});
