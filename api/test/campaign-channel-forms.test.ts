import { randomUUID } from 'node:crypto';
import { findForm } from '@hailong/forms';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { assign, createEnumerator, createFieldCampaign, sync } from './enumerator-fixtures.ts';
import { countRows, kioskBody, openSipasCampaign, pairKiosk, quickAnswers, unitResults } from './kiosk-fixtures.ts';

const NATIONAL = 'SIPAS/2024';
const example2024 = findForm(NATIONAL)?.example ?? {};
const example01 = findForm('01/2021-TT')?.example ?? {};
const example02 = findForm('02/2021-DVCTT')?.example ?? {};
const DEFAULTS = { kiosk: '01/2021-TT', online: '02/2021-DVCTT', field: ['01/2021-TT', '02/2021-DVCTT'] };

interface ChannelFormsBody {
  channelForms: typeof DEFAULTS;
  options: { code: string; version: number; kind: string; title: { vi: string; en: string } }[];
  responses: { kiosk: number; online: number; field: number };
}

describe('forms chosen per channel of a SIPAS campaign', () => {
  let t: TestApp;
  let campaignId: string;
  const admin = () => ({ cookie: t.adminCookie });
  const put = (id: string, payload: object) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/campaigns/${id}/channel-forms`, headers: admin(), payload });
  const get = (id: string) => t.app.inject({ url: `/api/v1/campaigns/${id}/channel-forms`, headers: admin() });
  const kioskPost = (body: object, auth: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/kiosk/responses', payload: body, headers: auth });
  const onlinePost = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/o/ST34/responses', payload });
  const auditOf = async (id: string) =>
    (
      await t.app.db.execute(
        sql`select details from audit_log where action = 'campaign.channel_forms' and entity_id = ${id} order by id`,
      )
    ).rows as { details: Record<string, unknown> }[];

  const heartbeat = async (auth: Record<string, string>) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/heartbeat',
      headers: auth,
      payload: {
        appVersion: '1.0.0',
        queueLength: 0,
        parkedCount: 0,
        lastError: null,
        clientTime: new Date().toISOString(),
        parked: [],
      },
    });
    expect(res.statusCode).toBe(200);
    return res.json<{ form: { code: string; version: number } }>();
  };

  beforeAll(async () => {
    t = await buildTestApp();
    campaignId = await openSipasCampaign(t);
  });
  afterAll(async () => t.close());

  it('offers the 2021 forms by default and lists the stored SIPAS forms that may be chosen', async () => {
    const res = await get(campaignId);
    expect(res.statusCode).toBe(200);
    const body = res.json<ChannelFormsBody>();
    expect(body.channelForms).toEqual(DEFAULTS);
    expect(body.options.map((o) => o.code).sort()).toEqual(['01/2021-TT', '02/2021-DVCTT', NATIONAL]);
    expect(body.options.find((o) => o.code === NATIONAL)?.title.vi).toMatch(/Phiếu/);
    expect(body.responses).toEqual({ kiosk: 0, online: 0, field: 0 });
    const campaign = await t.app.inject({ url: `/api/v1/campaigns/${campaignId}`, headers: admin() });
    expect(campaign.json<{ channelForms: unknown }>().channelForms).toEqual(DEFAULTS);
  });

  it('refuses a staff template, the quick form or an unknown code with 400 CHANNEL_FORM_INVALID, changing nothing', async () => {
    for (const [payload, field] of [
      [{ ...DEFAULTS, kiosk: 'CBCCVC-T1/2021' }, 'kiosk'],
      [{ ...DEFAULTS, online: 'QUICK/2021' }, 'online'],
      [{ ...DEFAULTS, field: ['01/2021-TT', 'NO/SUCH'] }, 'field.1'],
    ] as const) {
      const res = await put(campaignId, payload);
      expect(res.statusCode).toBe(400);
      const error = res.json<{ error: { code: string; message: string; messageEn: string; details: { field: string }[] } }>()
        .error;
      expect(error.code).toBe('CHANNEL_FORM_INVALID');
      expect(error.message).toMatch(/mẫu phiếu SIPAS/);
      expect(error.details.map((d) => d.field)).toEqual([field]);
    }
    const twice = await put(campaignId, { ...DEFAULTS, field: ['01/2021-TT', '01/2021-TT'] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.code).toBe('VALIDATION_FAILED');
    expect((await get(campaignId)).json<ChannelFormsBody>().channelForms).toEqual(DEFAULTS);
    expect(await auditOf(campaignId)).toHaveLength(0);
  });

  it('refuses a choice on a staff campaign and answers 404 for an unknown campaign', async () => {
    const staff = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: admin(),
      payload: {
        kind: 'staff',
        name: `CBCCVC ${randomUUID()}`,
        year: 2021,
        opensAt: '2021-01-01T00:00:00Z',
        closesAt: '2021-02-01T00:00:00Z',
      },
    });
    const staffId = staff.json<{ id: string }>().id;
    expect(staff.json<{ campaign: { channelForms: unknown } }>().campaign.channelForms).toBeNull();
    const res = await put(staffId, DEFAULTS);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('CHANNEL_FORM_INVALID');
    expect((await put(randomUUID(), DEFAULTS)).statusCode).toBe(404);
  });

  it('switches kiosk and online form to SIPAS/2024 after responses exist: audited, served, accepted; the old online form is refused', async () => {
    const before = await pairKiosk(t, { mode: 'full', minIntervalSeconds: 0, hourlyCap: 100_000 });
    const old = kioskBody(example01, new Date('2021-11-03T08:00:00Z'), { formCode: '01/2021-TT' });
    expect((await kioskPost(old, before.auth)).statusCode).toBe(201);
    expect((await onlinePost({ clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: example02 })).statusCode).toBe(201);

    const res = await put(campaignId, { kiosk: NATIONAL, online: NATIONAL, field: DEFAULTS.field });
    expect(res.statusCode).toBe(200);
    expect(res.json<ChannelFormsBody>().channelForms).toEqual({ kiosk: NATIONAL, online: NATIONAL, field: DEFAULTS.field });
    expect(res.json<ChannelFormsBody>().responses).toEqual({ kiosk: 1, online: 1, field: 0 });
    const [entry, ...more] = await auditOf(campaignId);
    expect(more).toHaveLength(0);
    expect(entry?.details).toMatchObject({
      before: DEFAULTS,
      after: { kiosk: NATIONAL, online: NATIONAL },
      changed: ['kiosk', 'online'],
      responsesBefore: { kiosk: 1, online: 1 },
    });
    // Saving the same choice again changes nothing and writes no audit entry.
    expect((await put(campaignId, { kiosk: NATIONAL, online: NATIONAL, field: DEFAULTS.field })).statusCode).toBe(200);
    expect(await auditOf(campaignId)).toHaveLength(1);

    // A tablet paired now receives the chosen form; a quick kiosk keeps the quick form.
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kiosks',
      headers: admin(),
      payload: { unitCode: 'ST34', counterName: 'Quầy 2024', mode: 'full', minIntervalSeconds: 0, hourlyCap: 100_000 },
    });
    const pairingCode = created.json<{ pairingCode: string }>().pairingCode;
    const paired = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/pair',
      payload: { pairingCode },
      remoteAddress: '10.9.1.1',
    });
    expect(paired.json<{ form: { code: string; sections: unknown[] } }>().form.code).toBe(NATIONAL);
    const auth = { authorization: `Bearer ${paired.json<{ deviceToken: string }>().deviceToken}` };
    const stored = await kioskPost(kioskBody(example2024, new Date('2021-11-03T09:00:00Z'), { formCode: NATIONAL }), auth);
    expect(stored.statusCode).toBe(201);
    // The online form was never offered to kiosks.
    const refused = await kioskPost(kioskBody(example02, new Date('2021-11-03T09:10:00Z'), { formCode: '02/2021-DVCTT' }), auth);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'FORM_NOT_OFFERED', details: { field: 'formCode' } });
    expect((await kioskPost(kioskBody(quickAnswers(5), new Date('2021-11-03T09:20:00Z')), auth)).statusCode).toBe(201);

    const info = await t.app.inject({ url: '/api/v1/o/ST34' });
    expect(info.json<{ form: { code: string } }>().form.code).toBe(NATIONAL);
    const online = await onlinePost({ clientId: randomUUID(), formCode: NATIONAL, answers: example2024 });
    expect(online.statusCode).toBe(201);
    const old02 = await onlinePost({ clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: example02 });
    expect(old02.statusCode).toBe(400);
    expect(old02.json().error.code).toBe('FORM_NOT_OFFERED');

    const byForm = await t.app.db.execute(
      sql`select f.code, r.channel, count(*)::int as n from responses r join forms f on f.id = r.form_id
          where r.campaign_id = ${campaignId} group by 1, 2 order by 1, 2`,
    );
    expect(byForm.rows).toEqual([
      { code: '01/2021-TT', channel: 'kiosk', n: 1 },
      { code: '02/2021-DVCTT', channel: 'online', n: 1 },
      { code: 'QUICK/2021', channel: 'kiosk', n: 1 },
      { code: NATIONAL, channel: 'kiosk', n: 1 },
      { code: NATIONAL, channel: 'online', n: 1 },
    ]);
  });

  it('keeps the sessions of a kiosk form offered before a change (queued offline or from a tablet not yet updated): stored and counted; an unrelated form is refused; the heartbeat names the new form', async () => {
    const tablet = await pairKiosk(t, { mode: 'full', minIntervalSeconds: 0, hourlyCap: 100_000 });
    const counted = async () => (await unitResults(t, campaignId))?.validResponses ?? 0;
    const before = await counted();
    // The campaign's kiosks now take SIPAS/2024; 01/2021-TT was their form until the change.
    const queued = kioskBody(example01, new Date('2021-11-03T07:30:00Z'), { formCode: '01/2021-TT' });
    const stale = kioskBody(example01, new Date('2021-11-04T08:00:00Z'), { formCode: '01/2021-TT' });
    expect((await kioskPost(queued, tablet.auth)).statusCode).toBe(201);
    expect((await kioskPost(stale, tablet.auth)).statusCode).toBe(201);
    // Released again from the tablet's parked queue: a replay, not a second row.
    expect((await kioskPost(queued, tablet.auth)).statusCode).toBe(200);
    const unrelated = await kioskPost(
      kioskBody(example02, new Date('2021-11-04T08:10:00Z'), { formCode: '02/2021-DVCTT' }),
      tablet.auth,
    );
    expect(unrelated.statusCode).toBe(400);
    expect(unrelated.json().error).toMatchObject({ code: 'FORM_NOT_OFFERED', details: { field: 'formCode' } });

    // The heartbeat names the form to show; a tablet showing another one fetches it.
    expect((await heartbeat(tablet.auth)).form.code).toBe(NATIONAL);

    // Back to 01/2021-TT: SIPAS/2024 becomes a former kiosk form and is still accepted (history re-read after the save).
    expect((await put(campaignId, { kiosk: '01/2021-TT', online: NATIONAL, field: DEFAULTS.field })).statusCode).toBe(200);
    const named = (await heartbeat(tablet.auth)).form;
    expect(named).toEqual({ code: '01/2021-TT', version: findForm('01/2021-TT')?.version });
    const fetched = await t.app.inject({ url: '/api/v1/kiosk/form', headers: tablet.auth });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json<{ form: { code: string; version: number; sections: unknown[] } }>().form).toMatchObject({
      ...named,
      sections: expect.arrayContaining([expect.objectContaining({ questions: expect.any(Array) })]),
    });
    expect((await t.app.inject({ url: '/api/v1/kiosk/form' })).statusCode).toBe(401);
    const former = kioskBody(example2024, new Date('2021-11-04T08:20:00Z'), { formCode: NATIONAL });
    expect((await kioskPost(former, tablet.auth)).statusCode).toBe(201);
    expect(
      (await kioskPost(kioskBody(example01, new Date('2021-11-04T08:30:00Z'), { formCode: '01/2021-TT' }), tablet.auth))
        .statusCode,
    ).toBe(201);

    const clientIds = [queued, stale, former].map((b) => b.clientId);
    const stored = await t.app.db.execute(
      sql`select f.code from responses r join forms f on f.id = r.form_id
          where r.client_id = any(${`{${clientIds.join(',')}}`}::uuid[]) and r.review_state = 'valid' order by r.completed_at`,
    );
    expect(stored.rows.map((r) => (r as { code: string }).code)).toEqual(['01/2021-TT', '01/2021-TT', NATIONAL]);
    expect(await counted()).toBe(before + 4);
  });

  it("gives enumerators the campaign's forms and refuses others in sync", async () => {
    const field = await createFieldCampaign(t);
    expect((await put(field, { ...DEFAULTS, field: [NATIONAL] })).statusCode).toBe(200);
    const e = await createEnumerator(t);
    const a = await assign(t, field, e.id, 'ST34', 100);
    const list = await t.app.inject({ url: '/api/v1/enumerator/assignments', headers: { cookie: e.cookie } });
    const forms = list.json<{ assignments: { forms: { code: string }[] }[] }>().assignments[0]?.forms ?? [];
    expect(forms.map((f) => f.code)).toEqual([NATIONAL]);
    const visit = (formCode: string, answers: object) => ({
      clientId: randomUUID(),
      assignmentId: a,
      formCode,
      answers,
      startedAt: '2021-11-05T08:00:00+07:00',
      completedAt: '2021-11-05T08:12:00+07:00',
    });
    const good = visit(NATIONAL, example2024);
    const bad = visit('01/2021-TT', example01);
    const results = await sync(t, e.cookie, [good, bad]);
    expect(results.map((r) => [r.status, r.reason ?? null])).toEqual([
      ['stored', null],
      ['rejected', 'FORM_NOT_OFFERED'],
    ]);
    expect(await countRows(t, sql`campaign_id = ${field} and channel = 'enumerator'`)).toBe(1);
  });
});
