import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import {
  countRows,
  kioskBody,
  openSipasCampaign,
  pairKiosk,
  quickAnswers,
  unitResults,
  type PairedKiosk,
} from './kiosk-fixtures.ts';

describe('kiosk submissions', () => {
  let t: TestApp;
  let campaignId: string;
  let kiosk: PairedKiosk;
  const post = (body: unknown, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/kiosk/responses', payload: body as object, headers });

  beforeAll(async () => {
    t = await buildTestApp();
    campaignId = await openSipasCampaign(t);
    kiosk = await pairKiosk(t, { minIntervalSeconds: 0, hourlyCap: 100_000 });
  });
  afterAll(async () => t.close());

  it('stores the same client id sent 100 times in parallel exactly once (one 201, the rest 200 with the same receipt)', async () => {
    const body = kioskBody(quickAnswers(5), new Date('2021-11-03T08:00:00Z'));
    const all = await Promise.all(Array.from({ length: 100 }, () => post(body, kiosk.auth)));
    const codes = all.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 200)).toHaveLength(99);
    expect(new Set(all.map((r) => r.json<{ id: string }>().id)).size).toBe(1);
    expect(await countRows(t, sql`client_id = ${body.clientId}`)).toBe(1);
  });

  it('answers 409 SUBMISSION_CONFLICT when a client id comes back with different answers', async () => {
    const body = kioskBody(quickAnswers(5), new Date('2021-11-03T08:05:00Z'));
    expect((await post(body, kiosk.auth)).statusCode).toBe(201);
    const res = await post({ ...body, answers: quickAnswers(1) }, kiosk.auth);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SUBMISSION_CONFLICT');
  });

  it('takes a slip rating code once: stored with it, a resend is a replay, a second session with it is refused and not stored', async () => {
    const gen = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${campaignId}/rating-codes`,
      headers: { cookie: t.adminCookie },
      payload: { unitCode: 'ST34', count: 1 },
    });
    const [code = ''] = gen.json<{ codes: string[] }>().codes;
    const first = kioskBody(quickAnswers(4), new Date('2021-11-03T09:00:00Z'), { ratingCode: code.toLowerCase() });
    expect((await post(first, kiosk.auth)).statusCode).toBe(201);
    expect((await post(first, kiosk.auth)).statusCode).toBe(200);
    const second = kioskBody(quickAnswers(4), new Date('2021-11-03T09:05:00Z'), { ratingCode: code });
    const res = await post(second, kiosk.auth);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('RATING_CODE_INVALID');
    expect(await countRows(t, sql`client_id = ${second.clientId}`)).toBe(0);
  });

  it('rejects malformed answers with 400 and one error per question, storing nothing', async () => {
    const before = await countRows(t);
    const res = await post(kioskBody({ Q_TC: 7, Q_TT: 'x', OV: 5 }, new Date()), kiosk.auth);
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; details: { questionId: string }[] } }>();
    expect(body.error.code).toBe('ANSWERS_INVALID');
    expect(body.error.details.map((d) => d.questionId)).toEqual(expect.arrayContaining(['Q_TC', 'Q_TT', 'Q_CC', 'Q_KQ']));
    const bad = await post({ clientId: 'not-a-uuid', formCode: 'QUICK/2021', answers: {} }, kiosk.auth);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(await countRows(t)).toBe(before);
  });

  it('refuses a form the kiosk does not offer with 400 FORM_NOT_OFFERED', async () => {
    const res = await post({ ...kioskBody(quickAnswers(5), new Date()), formCode: '02/2021-DVCTT' }, kiosk.auth);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('FORM_NOT_OFFERED');
  });

  it('keeps a partial session (overall rating given, the rest abandoned) as a partial response', async () => {
    const res = await post(kioskBody({ Q_TC: 4, OV: 5 }, new Date('2021-11-03T09:00:00Z'), { partial: true }), kiosk.auth);
    expect(res.statusCode).toBe(201);
    expect(await countRows(t, sql`id = ${res.json<{ id: string }>().id} and partial`)).toBe(1);
  });

  it('answers 401 to an unknown token and to a revoked device, and records last seen, app version and pending count', async () => {
    const other = await pairKiosk(t, { counterName: 'Quầy 9' });
    const ok = await post(
      kioskBody(quickAnswers(4), new Date('2021-11-03T10:00:00Z'), { appVersion: '1.2.3', pendingCount: 4 }),
      other.auth,
    );
    expect(ok.statusCode).toBe(201);
    const list = await t.app.inject({ url: '/api/v1/kiosks', headers: { cookie: t.adminCookie } });
    const row = list
      .json<{
        kiosks: {
          id: string;
          appVersion: string;
          pendingCount: number;
          lastSeenAt: string;
          submissionsToday: number;
          status: string;
        }[];
      }>()
      .kiosks.find((k) => k.id === other.id);
    expect(row).toMatchObject({ appVersion: '1.2.3', pendingCount: 4, submissionsToday: 1, status: 'paired' });
    expect(row?.lastSeenAt).toBeTruthy();
    expect((await post(kioskBody(quickAnswers(4), new Date()), { authorization: 'Bearer nope' })).statusCode).toBe(401);
    expect((await post(kioskBody(quickAnswers(4), new Date()), {})).statusCode).toBe(401);
    const rev = await t.app.inject({
      method: 'POST',
      url: `/api/v1/kiosks/${other.id}/revoke`,
      headers: { cookie: t.adminCookie },
    });
    expect(rev.statusCode).toBe(200);
    const res = await post(kioskBody(quickAnswers(4), new Date()), other.auth);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('DEVICE_UNAUTHORIZED');
  });

  it('goes to the open SIPAS campaign and stores no IP address', async () => {
    const rows = await t.app.db.execute(sql`select campaign_id from responses where source_id = ${kiosk.id} limit 1`);
    expect((rows.rows[0] as { campaign_id: string }).campaign_id).toBe(campaignId);
    const cols = await t.app.db.execute(sql`select column_name from information_schema.columns where table_name = 'responses'`);
    expect(cols.rows.map((r) => (r as { column_name: string }).column_name).filter((c) => /ip|addr|agent/i.test(c))).toEqual([]);
    expect(await unitResults(t, campaignId)).toBeDefined();
  });
});
