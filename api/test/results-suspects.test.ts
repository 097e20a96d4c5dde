/**
 * Issue 5 items 4 and 7: a reviewer lists the campaign's suspect kiosk and online responses
 * (ratings only), accepts one, and sees it counted in /results and gone from the list.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuspectResponses } from '@hailong/contracts';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { openSipasCampaign, pairKiosk, quickAnswers, submitKioskRun, submitOnlineForm, unitResults } from './kiosk-fixtures.ts';

describe('suspect responses for review', () => {
  let t: TestApp;
  let campaignId: string;
  const list = (query = '', cookie = t.adminCookie) =>
    t.app.inject({ url: `/api/v1/campaigns/${campaignId}/suspect-responses${query}`, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    t = await buildTestApp();
    campaignId = await openSipasCampaign(t);
    const k = await pairKiosk(t, { counterName: 'Quầy 7', minIntervalSeconds: 20 });
    const t0 = new Date('2021-11-03T08:00:00Z').getTime();
    await submitKioskRun(t, k, [t0, t0 + 5_000, t0 + 9_000]);
    await submitOnlineForm(t, '10.9.9.9', 'HS-000123-2021');
    await t.app.db.execute(sql`update responses set review_state = 'suspect', flags = '{manual}' where channel = 'online'`);
  });
  afterAll(async () => t.close());

  it('lists suspect kiosk and online responses newest first, with the counter, flags and ratings but no dossier hash', async () => {
    const res = await list();
    expect(res.statusCode).toBe(200);
    const body = res.json<SuspectResponses>();
    expect(body.total).toBe(3);
    const kiosk = body.responses.filter((r) => r.channel === 'kiosk');
    expect(kiosk.map((r) => r.completedAt)).toEqual(['2021-11-03T08:00:09.000Z', '2021-11-03T08:00:05.000Z']);
    expect(kiosk[0]).toMatchObject({
      unitCode: 'ST34',
      counterName: 'Quầy 7',
      flags: ['min_interval'],
      inWindow: true,
      formCode: 'QUICK/2021',
      answers: quickAnswers(4),
    });
    expect(kiosk[0]?.reviewReason).toContain('20 s');
    const online = body.responses.find((r) => r.channel === 'online');
    expect(online).toMatchObject({ counterName: null, flags: ['manual'], formCode: '02/2021-DVCTT' });
    expect(Object.values(online?.answers ?? {}).every((v) => typeof v === 'number')).toBe(true);
    expect(res.body).not.toMatch(/dossier|HS-000123/i);
  });

  it('pages with limit and offset and filters by unit', async () => {
    const first = (await list('?limit=1')).json<SuspectResponses>();
    const second = (await list('?limit=1&offset=1')).json<SuspectResponses>();
    expect([first.total, first.responses.length, second.responses.length]).toEqual([3, 1, 1]);
    expect(first.responses[0]?.id).not.toBe(second.responses[0]?.id);
    expect((await list('?unitCode=NOPE')).json<SuspectResponses>()).toMatchObject({ total: 0, responses: [] });
    expect((await list('?limit=0')).statusCode).toBe(400);
  });

  it('is documented in OpenAPI with its query parameters', async () => {
    const doc = (await t.app.inject({ url: '/docs/json' })).json<{
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    }>();
    const op = doc.paths['/api/v1/campaigns/{id}/suspect-responses']?.get;
    expect(op?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['id', 'unitCode', 'limit', 'offset']));
  });

  it('is for admins only', async () => {
    expect((await list('', '')).statusCode).toBe(401);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/supervisors',
      headers: { cookie: t.adminCookie },
      payload: {
        fullName: 'Giám sát',
        email: 'gs-suspects@mttq.vn',
        organisation: 'Ủy ban MTTQ tỉnh',
        password: 'Gs-Pass-2026!',
      },
    });
    expect(created.statusCode).toBe(201);
    expect((await list('', await t.login('gs-suspects@mttq.vn', 'Gs-Pass-2026!'))).statusCode).toBe(403);
    const unknown = await t.app.inject({
      url: `/api/v1/campaigns/${crypto.randomUUID()}/suspect-responses`,
      headers: { cookie: t.adminCookie },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('counts an accepted suspect response in the results and drops it from the list', async () => {
    const before = await unitResults(t, campaignId);
    const target = (await list()).json<SuspectResponses>().responses.find((r) => r.channel === 'kiosk');
    const review = await t.app.inject({
      method: 'POST',
      url: `/api/v1/responses/${target?.id}/review`,
      headers: { cookie: t.adminCookie },
      payload: { state: 'valid', reason: 'Hai công dân khác nhau, đã xem sổ' },
    });
    expect(review.statusCode).toBe(200);
    const after = await unitResults(t, campaignId);
    expect(after?.validResponses).toBe((before?.validResponses ?? 0) + 1);
    expect(after?.suspectResponses).toBe((before?.suspectResponses ?? 0) - 1);
    const rest = (await list()).json<SuspectResponses>();
    expect(rest.total).toBe(2);
    expect(rest.responses.map((r) => r.id)).not.toContain(target?.id);
  });
});
