import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { countRows, kioskBody, openSipasCampaign, pairKiosk, quickAnswers, unitResults } from './kiosk-fixtures.ts';

describe('kiosk anti-stuffing and review', () => {
  let t: TestApp;
  let campaignId: string;
  const post = (body: unknown, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/kiosk/responses', payload: body as object, headers });

  beforeAll(async () => {
    t = await buildTestApp();
    campaignId = await openSipasCampaign(t);
  });
  afterAll(async () => t.close());

  it('stores a burst of 50 sessions in one minute from one tablet as suspect, leaving the satisfaction rate unchanged', async () => {
    const honest = await pairKiosk(t, { minIntervalSeconds: 0, hourlyCap: 100_000 });
    const t0 = new Date('2021-11-03T08:00:00Z').getTime();
    for (let i = 0; i < 40; i++)
      expect((await post(kioskBody(quickAnswers(i < 30 ? 5 : 2), new Date(t0 + i * 60_000)), honest.auth)).statusCode).toBe(201);
    const stuffer = await pairKiosk(t, { counterName: 'Quầy 2' }); // defaults: 20 s, 120/hour
    expect((await post(kioskBody(quickAnswers(5), new Date(t0)), stuffer.auth)).statusCode).toBe(201);
    const before = await unitResults(t, campaignId);
    expect(before).toMatchObject({ validResponses: 41, suspectResponses: 0 });
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post(kioskBody(quickAnswers(1), new Date(t0 + 5_000 + i * 1_100)), stuffer.auth)),
    );
    expect(burst.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    expect(burst.every((r) => r.json<{ reviewState: string }>().reviewState === 'suspect')).toBe(true);
    const after = await unitResults(t, campaignId);
    expect(after).toMatchObject({ validResponses: 41, suspectResponses: 50, quickRatePercent: before?.quickRatePercent });
    const flagged = await t.app.db.execute(
      sql`select flags, review_reason from responses where source_id = ${stuffer.id} and review_state = 'suspect' limit 1`,
    );
    expect(flagged.rows[0]).toMatchObject({ flags: ['min_interval'] });
    expect(String((flagged.rows[0] as { review_reason: string }).review_reason)).toContain('20 s');
  });

  it('flags sessions beyond the hourly cap even when they are spaced out', async () => {
    const k = await pairKiosk(t, { counterName: 'Quầy 3', minIntervalSeconds: 0, hourlyCap: 3 });
    const t0 = new Date('2021-11-04T08:00:00Z').getTime();
    const states = [];
    for (let i = 0; i < 5; i++)
      states.push(
        (await post(kioskBody(quickAnswers(5), new Date(t0 + i * 60_000)), k.auth)).json<{ reviewState: string }>().reviewState,
      );
    expect(states).toEqual(['valid', 'valid', 'valid', 'suspect', 'suspect']);
  });

  it('lets an admin accept a suspect response (audit-logged) so it counts again', async () => {
    const row = await t.app.db.execute(sql`select id from responses where review_state = 'suspect' limit 1`);
    const id = (row.rows[0] as { id: string }).id;
    const before = await unitResults(t, campaignId);
    const anon = await t.app.inject({
      method: 'POST',
      url: `/api/v1/responses/${id}/review`,
      payload: { state: 'valid', reason: 'x' },
    });
    expect(anon.statusCode).toBe(401);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/responses/${id}/review`,
      headers: { cookie: t.adminCookie },
      payload: { state: 'valid', reason: 'Đã kiểm tra camera quầy' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, reviewState: 'valid' });
    const after = await unitResults(t, campaignId);
    expect(after?.validResponses).toBe((before?.validResponses ?? 0) + 1);
    const audit = await t.app.db.execute(sql`select action from audit_log where entity = 'response' and entity_id = ${id}`);
    expect(audit.rows).toEqual([{ action: 'response.review' }]);
  });
});

describe('kiosk pairing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await openSipasCampaign(t);
  });
  afterAll(async () => t.close());

  const create = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kiosks',
      headers: { cookie: t.adminCookie },
      payload: { unitCode: 'ST34', counterName: 'Quầy 1' },
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; pairingCode: string; qrDataUrl: string; pairingExpiresAt: string }>();
  };
  const pair = (pairingCode: string) => t.app.inject({ method: 'POST', url: '/api/v1/kiosk/pair', payload: { pairingCode } });

  it('gives the admin a pairing code with a QR image valid 15 minutes, usable once', async () => {
    const k = await create();
    expect(k.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const ttl = new Date(k.pairingExpiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
    const first = await pair(k.pairingCode.toLowerCase());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ unitCode: 'ST34', form: { code: 'QUICK/2021' }, procedures: [] });
    expect(first.json<{ deviceToken: string }>().deviceToken.length).toBeGreaterThanOrEqual(43);
    const second = await pair(k.pairingCode);
    expect(second.statusCode).toBe(400);
    expect(second.json().error.code).toBe('PAIRING_CODE_INVALID');
    const stored = await t.app.db.execute(sql`select device_token_hash, pairing_code_hash from kiosk_devices where id = ${k.id}`);
    expect(stored.rows[0]).toMatchObject({ pairing_code_hash: null });
    expect((stored.rows[0] as { device_token_hash: string }).device_token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an expired pairing code', async () => {
    const k = await create();
    await t.app.db.execute(sql`update kiosk_devices set pairing_expires_at = now() - interval '1 second' where id = ${k.id}`);
    expect((await pair(k.pairingCode)).statusCode).toBe(400);
  });

  it('sends the full form 01/2021-TT to a kiosk in full mode', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kiosks',
      headers: { cookie: t.adminCookie },
      payload: { unitCode: 'ST34', counterName: 'Quầy 5', mode: 'full' },
    });
    const p = await pair(res.json<{ pairingCode: string }>().pairingCode);
    expect(p.json()).toMatchObject({ mode: 'full', form: { code: '01/2021-TT' } });
  });

  it('re-pairing issues a new code and stops the old tablet token at once', async () => {
    const k = await create();
    const token = (await pair(k.pairingCode)).json<{ deviceToken: string }>().deviceToken;
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/kiosks/${k.id}/pairing-code`,
      headers: { cookie: t.adminCookie },
    });
    expect(again.statusCode).toBe(201);
    const body = kioskBody(quickAnswers(5), new Date());
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/kiosk/responses',
          payload: body,
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(401);
    const fresh = (await pair(again.json<{ pairingCode: string }>().pairingCode)).json<{ deviceToken: string }>().deviceToken;
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/kiosk/responses',
          payload: body,
          headers: { authorization: `Bearer ${fresh}` },
        })
      ).statusCode,
    ).toBe(201);
    expect(await countRows(t)).toBe(1);
  });

  it('only admins create kiosks; unknown units are 404', async () => {
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/kiosks', payload: { unitCode: 'ST34', counterName: 'x' } })).statusCode,
    ).toBe(401);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kiosks',
      headers: { cookie: t.adminCookie },
      payload: { unitCode: 'ZZ99', counterName: 'x' },
    });
    expect(res.statusCode).toBe(404);
  });
});
