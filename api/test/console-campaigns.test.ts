/**
 * Issue 17 items 1 and 2 through HTTP: both campaign kinds in one list with their headline figure;
 * close early and reopen with the reason in the audit log; mail preview and its reach; "remind now"
 * refuses a second round inside the minimum gap and names who was skipped; SMTP without PUBLIC_URL
 * is refused, the outbox sends with a warning; the rounds table.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';

let t: TestApp;
const headers = () => ({ cookie: t.adminCookie });
const post = (url: string, payload?: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url, headers: headers(), ...(payload === undefined ? {} : { payload }) });
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: headers() });

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function campaign(kind: 'staff' | 'sipas', name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await post('/api/v1/campaigns', {
    kind,
    name,
    year: 2021,
    opensAt: '2021-01-01T00:00:00+07:00',
    closesAt: '2099-01-01T00:00:00+07:00',
    ...extra,
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

describe('campaigns of both kinds', () => {
  it('lists staff and SIPAS campaigns with their headline figures', async () => {
    const staff = await campaign('staff', 'CBCCVC headline', { settings: { targetRate: 85 } });
    const sipas = await campaign('sipas', 'SIPAS headline', { targetPerUnit: 50 });
    const list = (await get('/api/v1/campaigns')).json<{ campaigns: { id: string; kind: string }[] }>().campaigns;
    expect(list.map((c) => c.id)).toEqual(expect.arrayContaining([staff, sipas]));
    const heads = (await get('/api/v1/campaigns/headlines')).json<{ headlines: Record<string, unknown>[] }>().headlines;
    expect(heads.find((h) => h.campaignId === staff)).toEqual({
      kind: 'staff',
      campaignId: staff,
      invited: 0,
      completed: 0,
      rate: 0,
      targetRate: 85,
    });
    const units = await t.app.db.execute<{ n: number }>(
      sql`select count(*)::int as n from units where "group" <> 'commune' and valid_to is null`,
    );
    expect(heads.find((h) => h.campaignId === sipas)).toEqual({
      kind: 'sipas',
      campaignId: sipas,
      collected: 0,
      target: 50 * (units.rows[0]?.n ?? 0),
    });
  });

  it('closes early and reopens, keeping each reason in the audit log', async () => {
    const id = await campaign('staff', 'CBCCVC close');
    const closed = await post(`/api/v1/campaigns/${id}/close`, { reason: 'Hết kinh phí đợt này' });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    const reopened = await post(`/api/v1/campaigns/${id}/reopen`, { reason: 'Gia hạn theo chỉ đạo' });
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null });
    const log = (await get(`/api/v1/audit?entity=campaign`)).json<{
      entries: { action: string; entityId: string; details: Record<string, unknown> }[];
    }>().entries;
    expect(log.filter((e) => e.entityId === id).map((e) => [e.action, e.details.reason ?? null])).toEqual([
      ['campaign.reopen', 'Gia hạn theo chỉ đạo'],
      ['campaign.close', 'Hết kinh phí đợt này'],
      ['campaign.create', null],
    ]);
    expect((await post(`/api/v1/campaigns/${id}/reopen`, { reason: 'x' })).statusCode).toBe(400);
  });

  it('asks for a new end to reopen a campaign whose end has passed', async () => {
    const res = await post('/api/v1/campaigns', {
      kind: 'sipas',
      name: 'SIPAS ended',
      year: 2021,
      opensAt: '2021-01-01T00:00:00Z',
      closesAt: '2021-02-01T00:00:00Z',
    });
    const id = res.json<{ id: string }>().id;
    const refused = await post(`/api/v1/campaigns/${id}/reopen`, { reason: 'Mở lại để thu thêm phiếu' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'CAMPAIGN_END_PASSED' } });
    const ok = await post(`/api/v1/campaigns/${id}/reopen`, {
      reason: 'Mở lại để thu thêm phiếu',
      closesAt: '2099-03-01T00:00:00+07:00',
    });
    expect(ok.json()).toMatchObject({ status: 'open', closesAt: '2099-02-28T17:00:00.000Z' });
  });
});

describe('mail you can trust', () => {
  let id: string;
  beforeAll(async () => {
    t.app.config.publicUrlSet = false; // PUBLIC_URL unset, mail to the outbox folder
    id = await campaign('staff', 'CBCCVC mail');
    const csv =
      'full_name,email,unit_code,respondent_group\nLê Thị Một,mot@example.vn,ST02,T2\nLê Thị Hai,hai@example.vn,ST02,T3\nLê Thị Ba,ba@example.vn,ST03,T2\n';
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/campaigns/${id}/respondents`,
          headers: { ...headers(), 'content-type': 'text/csv' },
          payload: csv,
        })
      ).statusCode,
    ).toBe(201);
  });

  it('previews the exact invitation with its reach and the outbox warning, then sends to that many', async () => {
    const p = (await get(`/api/v1/campaigns/${id}/mail/preview?kind=invitation`)).json<Record<string, unknown>>();
    expect(p).toMatchObject({ kind: 'invitation', recipients: 3, skipped: [], blocked: false, from: t.config.mailFrom });
    expect(String(p.text)).toContain('‹đường-dẫn-riêng-của-người-nhận›');
    expect(String(p.subject)).toContain('2021');
    expect(p.warning).toMatchObject({ vi: expect.stringContaining('PUBLIC_URL') });
    const sent = (await post(`/api/v1/campaigns/${id}/invitations/send`)).json();
    expect(sent).toMatchObject({ created: 3, queued: 3, warning: { en: expect.stringContaining('PUBLIC_URL') } });
    const again = (await get(`/api/v1/campaigns/${id}/mail/preview?kind=invitation`)).json<{
      recipients: number;
      skipped: { reason: string; count: number }[];
    }>();
    expect(again).toMatchObject({ recipients: 0, skipped: [{ reason: 'already_invited', count: 3 }] });
  });

  it('reminds once, then skips everyone reminded within the gap and names them', async () => {
    await t.app.db.execute(sql`update invitations set sent_at = now() - interval '4 days' where campaign_id = ${id}`);
    await t.app.db.execute(
      sql`update invitations i set completed_at = now() from respondents r where r.id = i.respondent_id and r.email = 'ba@example.vn'`,
    );
    expect((await get(`/api/v1/campaigns/${id}/mail/preview?kind=reminder`)).json()).toMatchObject({
      recipients: 2,
      minGapHours: 24,
      skipped: [{ reason: 'completed', count: 1 }],
    });
    const first = (await post(`/api/v1/campaigns/${id}/reminders/send`)).json();
    expect(first).toMatchObject({ queued: 2 });
    const second = (await post(`/api/v1/campaigns/${id}/reminders/send`)).json<{
      queued: number;
      skipped: { reason: string; count: number; people: { fullName: string }[] }[];
    }>();
    expect(second.queued).toBe(0);
    expect(second.skipped.find((s) => s.reason === 'recently_reminded')).toMatchObject({
      count: 2,
      people: [{ fullName: 'Lê Thị Hai' }, { fullName: 'Lê Thị Một' }],
    });
    const reminders = await t.app.db.execute<{ n: number }>(
      sql`select count(*)::int as n from mail_deliveries where campaign_id = ${id} and kind = 'reminder'`,
    );
    expect(reminders.rows[0]?.n).toBe(2);

    t.app.config.reminderMinGapHours = 0;
    expect((await post(`/api/v1/campaigns/${id}/reminders/send`)).json()).toMatchObject({ queued: 2 });
    t.app.config.reminderMinGapHours = 24;

    const rounds = (await get(`/api/v1/campaigns/${id}/mail/rounds`)).json<{
      rounds: { kind: string; round: number; total: number }[];
    }>().rounds;
    expect(rounds.map((r) => [r.kind, r.round, r.total])).toEqual([
      ['invitation', 0, 3],
      ['reminder', 1, 2],
      ['reminder', 2, 2],
    ]);
  });

  it('refuses to send through SMTP without PUBLIC_URL, saying what to set', async () => {
    t.app.config.smtpUrl = 'smtp://127.0.0.1:2525';
    try {
      expect((await get(`/api/v1/campaigns/${id}/mail/preview?kind=reminder`)).json()).toMatchObject({
        blocked: true,
        warning: { vi: expect.stringContaining('PUBLIC_URL') },
      });
      const refused = await post(`/api/v1/campaigns/${id}/reminders/send`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        error: {
          code: 'PUBLIC_URL_REQUIRED',
          message: expect.stringContaining('PUBLIC_URL'),
          messageEn: expect.stringContaining('Set the PUBLIC_URL'),
        },
      });
      t.app.config.publicUrlSet = true;
      expect((await get(`/api/v1/campaigns/${id}/mail/preview?kind=reminder`)).json()).toMatchObject({
        blocked: false,
        warning: null,
      });
    } finally {
      t.app.config.smtpUrl = undefined;
      t.app.config.publicUrlSet = false;
    }
  });
});
