/**
 * The kiosk fleet: heartbeats (recorded even when no campaign is open), each tablet's health state
 * on the admin list, and parked sessions the admin releases or discards with a reason (audited).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { resetTargetCache } from '../src/features/kiosks/target.ts';
import { kioskBody, openSipasCampaign, pairKiosk, quickAnswers, type PairedKiosk } from './kiosk-fixtures.ts';

interface Beat {
  queueLength?: number;
  parked?: { clientId: string; code: string; completedAt: string; parkedAt: string }[];
  parkedCount?: number;
  clientTime?: string;
  lastError?: { code: string; at: string } | null;
}
interface Reply {
  serverTime: string;
  openCampaign: { opensAt: string; closesAt: string } | null;
  release: string[];
  discard: string[];
}
interface Health {
  state: string;
  trouble: boolean;
  queueLength: number;
  parkedCount: number;
  clockSkewSeconds: number | null;
  lastError: { code: string; message: string } | null;
}

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

async function beat(k: PairedKiosk, b: Beat = {}) {
  const parked = b.parked ?? [];
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/kiosk/heartbeat',
    headers: k.auth,
    payload: {
      appVersion: '1.0.0+test',
      queueLength: b.queueLength ?? 0,
      parkedCount: b.parkedCount ?? parked.length,
      lastError: b.lastError ?? null,
      clientTime: b.clientTime ?? new Date().toISOString(),
      parked,
    },
  });
}

async function health(id: string): Promise<Health> {
  const res = await t.app.inject({ url: '/api/v1/kiosks', headers: { cookie: t.adminCookie } });
  const k = res.json<{ kiosks: { id: string; health: Health }[] }>().kiosks.find((x) => x.id === id);
  if (!k) throw new Error('kiosk not listed');
  return k.health;
}

const admin = (url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, payload, headers: { cookie: t.adminCookie } });

describe('kiosk heartbeat and fleet health', () => {
  it('refuses a heartbeat without a valid device token', async () => {
    const res = await beat({ id: '', token: 'nope', auth: { authorization: 'Bearer nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('DEVICE_UNAUTHORIZED');
  });

  it('records a heartbeat while no campaign is open, and a parked session makes the tablet "errors" with the reason', async () => {
    const k = await pairKiosk(t, { counterName: 'Quầy HB1' });
    const first = await beat(k);
    expect(first.statusCode).toBe(200);
    expect(first.json<Reply>()).toMatchObject({ openCampaign: null, release: [], discard: [] });
    expect((await health(k.id)).state).toBe('healthy');

    const completedAt = new Date(Date.now() - 60_000).toISOString();
    const clientId = randomUUID();
    const res = await beat(k, {
      parked: [{ clientId, code: 'NO_OPEN_CAMPAIGN', completedAt, parkedAt: new Date().toISOString() }],
      lastError: { code: 'NO_OPEN_CAMPAIGN', at: new Date().toISOString() },
    });
    expect(res.statusCode).toBe(200);
    const h = await health(k.id);
    expect(h).toMatchObject({
      state: 'errors',
      trouble: true,
      parkedCount: 1,
      lastError: { code: 'NO_OPEN_CAMPAIGN', message: 'Hiện không có đợt khảo sát nào đang mở' },
    });
    const parked = await t.app.inject({ url: `/api/v1/kiosks/${k.id}/parked`, headers: { cookie: t.adminCookie } });
    expect(parked.json<{ items: { clientId: string; message: string; state: string }[] }>().items).toEqual([
      expect.objectContaining({ clientId, message: 'Hiện không có đợt khảo sát nào đang mở', state: 'parked' }),
    ]);
  });

  it('tells the tablet the admin released a parked session (audited), then settles it once the tablet no longer holds it', async () => {
    const k = await pairKiosk(t, { counterName: 'Quầy HB2' });
    const item = {
      clientId: randomUUID(),
      code: 'NO_OPEN_CAMPAIGN',
      completedAt: new Date(Date.now() - 120_000).toISOString(),
      parkedAt: new Date(Date.now() - 60_000).toISOString(),
    };
    await beat(k, { parked: [item] });
    const released = await admin(`/api/v1/kiosks/${k.id}/parked/release`, {});
    expect(released.json()).toEqual({ count: 1 });
    const audit = await t.app.db.execute(
      sql`select action, details from audit_log where entity_id = ${k.id} and action like 'kiosk.parked.%'`,
    );
    expect(audit.rows).toEqual([{ action: 'kiosk.parked.release', details: { clientIds: [item.clientId] } }]);

    // The tablet still holds it (its report predates the decision): it is told to send it again.
    expect((await beat(k, { parked: [item] })).json<Reply>().release).toEqual([item.clientId]);
    // Sent: the tablet no longer reports it.
    await beat(k, { parked: [] });
    const list = await t.app.inject({ url: `/api/v1/kiosks/${k.id}/parked`, headers: { cookie: t.adminCookie } });
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
    expect((await health(k.id)).state).toBe('healthy');
  });

  it('discards a parked session only with a reason, audited, and tells the tablet to delete it', async () => {
    const k = await pairKiosk(t, { counterName: 'Quầy HB3' });
    const item = {
      clientId: randomUUID(),
      code: 'HTTP_422',
      completedAt: new Date().toISOString(),
      parkedAt: new Date().toISOString(),
    };
    await beat(k, { parked: [item] });
    const noReason = await admin(`/api/v1/kiosks/${k.id}/parked/discard`, { clientIds: [item.clientId] });
    expect(noReason.statusCode).toBe(400);
    const ok = await admin(`/api/v1/kiosks/${k.id}/parked/discard`, {
      clientIds: [item.clientId],
      reason: 'Phiếu thử nghiệm của nhân viên',
    });
    expect(ok.json()).toEqual({ count: 1 });
    const audit = await t.app.db.execute(
      sql`select details from audit_log where entity_id = ${k.id} and action = 'kiosk.parked.discard'`,
    );
    expect(audit.rows).toEqual([{ details: { clientIds: [item.clientId], reason: 'Phiếu thử nghiệm của nhân viên' } }]);
    expect((await beat(k, { parked: [item] })).json<Reply>().discard).toEqual([item.clientId]);
    const unknown = await admin(`/api/v1/kiosks/${randomUUID()}/parked/release`, {});
    expect(unknown.statusCode).toBe(404);
  });

  it('shows a wrong clock, a growing queue and a silent tablet', async () => {
    const skewed = await pairKiosk(t, { counterName: 'Quầy HB4' });
    await beat(skewed, { clientTime: new Date(Date.now() - 20 * 60_000).toISOString() });
    expect(await health(skewed.id)).toMatchObject({ state: 'clock_wrong', trouble: true });
    expect((await health(skewed.id)).clockSkewSeconds).toBeLessThan(-1100);

    const growing = await pairKiosk(t, { counterName: 'Quầy HB5' });
    await beat(growing, { queueLength: 2 });
    await beat(growing, { queueLength: 5 });
    expect(await health(growing.id)).toMatchObject({ state: 'queue_growing', trouble: true, queueLength: 5 });

    const silent = await pairKiosk(t, { counterName: 'Quầy HB6' });
    await beat(silent);
    await t.app.db.execute(
      sql`update kiosk_devices set last_heartbeat_at = now() - interval '11 minutes', last_seen_at = now() - interval '11 minutes', paired_at = now() - interval '1 hour' where id = ${silent.id}`,
    );
    expect(await health(silent.id)).toMatchObject({ state: 'silent', trouble: true });
  });

  it('parks a session completed before the open campaign started (CAMPAIGN_NOT_OPEN), and answers the campaign window', async () => {
    const k = await pairKiosk(t, { counterName: 'Quầy HB7' });
    const id = await openSipasCampaign(t);
    // The campaign opened two days ago; the tablet rated ten days ago, while none was open.
    const opensAt = new Date(Date.now() - 2 * 86_400_000);
    await t.app.db.execute(sql`update campaigns set opens_at = ${opensAt} where id = ${id}`);
    resetTargetCache(t.app.db);
    const early = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/responses',
      headers: k.auth,
      payload: kioskBody(quickAnswers(4), new Date(Date.now() - 10 * 86_400_000)),
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { code: string } }>().error.code).toBe('CAMPAIGN_NOT_OPEN');
    expect((await beat(k)).json<Reply>().openCampaign).toEqual({
      opensAt: opensAt.toISOString(),
      closesAt: '2099-01-01T00:00:00.000Z',
    });
  });
});
