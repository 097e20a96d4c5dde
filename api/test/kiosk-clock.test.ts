/**
 * Clock sanity (issue 11): a kiosk session with completedAt before startedAt was stored; sessions
 * dated 2001 or 2099 got "201 valid" and were then silently left out of the results.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { countRows, kioskBody, pairKiosk, quickAnswers, type PairedKiosk } from './kiosk-fixtures.ts';

describe('kiosk clocks', () => {
  let t: TestApp;
  let kiosk: PairedKiosk;
  let campaignId: string;
  const post = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/kiosk/responses', headers: kiosk.auth, payload });

  beforeAll(async () => {
    t = await buildTestApp();
    const now = Date.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: { cookie: t.adminCookie },
      payload: {
        kind: 'sipas',
        name: `SIPAS clock ${now}`,
        year: 2026,
        opensAt: new Date(now - 5 * 86_400_000).toISOString(),
        closesAt: new Date(now + 20 * 86_400_000).toISOString(),
      },
    });
    expect(res.statusCode).toBe(201);
    campaignId = res.json<{ id: string }>().id;
    kiosk = await pairKiosk(t, { minIntervalSeconds: 0 });
  });
  afterAll(async () => t?.close());

  it('refuses completedAt before startedAt with 400 naming completedAt, storing nothing', async () => {
    const before = await countRows(t);
    const body = { ...kioskBody(quickAnswers(4), new Date()), startedAt: new Date(Date.now() + 60_000).toISOString() };
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string; details: { field: string }[] } }>().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'completedAt' }],
    });
    expect(await countRows(t)).toBe(before);
  });

  it('stores sessions dated 2001 or 2099 as suspect with reason "clock", listed as suspects and on the kiosk list', async () => {
    const ok = await post(kioskBody(quickAnswers(5), new Date()));
    expect(ok.json<{ reviewState: string }>().reviewState).toBe('valid');
    for (const when of ['2001-06-01T08:00:00Z', '2099-06-01T08:00:00Z']) {
      const res = await post(kioskBody(quickAnswers(5), new Date(when)));
      expect(res.statusCode).toBe(201);
      expect(res.json<{ reviewState: string }>().reviewState).toBe('suspect');
    }
    const rows = await t.app.db.execute(
      sql`select flags, review_reason as reason from responses where campaign_id = ${campaignId} and review_state = 'suspect'`,
    );
    expect(rows.rows).toHaveLength(2);
    for (const r of rows.rows as { flags: string[]; reason: string }[]) {
      expect(r.flags).toContain('clock');
      expect(r.reason).toMatch(/device clock/);
    }
    const suspects = await t.app.inject({
      url: `/api/v1/campaigns/${campaignId}/suspect-responses`,
      headers: { cookie: t.adminCookie },
    });
    expect(suspects.statusCode).toBe(200);
    const listed = suspects.json<{ responses: { flags: string[]; reviewReason: string }[] }>().responses;
    expect(listed.filter((i) => i.flags.includes('clock') && /device clock/.test(i.reviewReason))).toHaveLength(2);
    const kiosks = await t.app.inject({ url: '/api/v1/kiosks', headers: { cookie: t.adminCookie } });
    const mine = kiosks
      .json<{ kiosks: { id: string; clockSuspects: number; lastClockSuspectAt: string | null }[] }>()
      .kiosks.find((k) => k.id === kiosk.id);
    expect(mine).toMatchObject({ clockSuspects: 2 });
    expect(mine?.lastClockSuspectAt).not.toBeNull();
  });
});
