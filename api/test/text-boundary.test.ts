/**
 * Text at the boundary (issue 11). NUL or an unpaired surrogate in any free text used to reach
 * PostgreSQL and come back as a 500 (kiosk procedureName/appVersion, the procedure answer of forms
 * 01/02, the enumerator note) — one such interview failed a whole sync batch. Text typed with
 * combining marks (NFD) created a second, identical-looking organisation.
 */
import { randomUUID } from 'node:crypto';
import { findForm } from '@hailong/forms';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { assign, createEnumerator, createFieldCampaign, fieldForm, interview, sync } from './enumerator-fixtures.ts';
import { countRows, kioskBody, openSipasCampaign, pairKiosk, quickAnswers, type PairedKiosk } from './kiosk-fixtures.ts';

const NUL = 'Cấp giấy phép\u0000xây dựng';
const LONE = 'Cấp giấy phép \uD800 xây dựng';
const NFD = 'Chứng thực bản sao Hòa Tú'.normalize('NFD');

type ErrorJson = { error: { code: string; message: string; messageEn: string; details: { field: string }[] } };

function expectTextInvalid(res: { statusCode: number; json: <T>() => T }, field: string): void {
  expect(res.statusCode).toBe(400);
  const body = res.json<ErrorJson>();
  expect(body.error.code).toBe('TEXT_INVALID');
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.details[0]?.field).toBe(field);
}

describe('text at the boundary', () => {
  let t: TestApp;
  let kiosk: PairedKiosk;
  let fullKiosk: PairedKiosk;
  const kioskPost = (k: PairedKiosk, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/kiosk/responses', headers: k.auth, payload });

  beforeAll(async () => {
    t = await buildTestApp();
    await openSipasCampaign(t);
    kiosk = await pairKiosk(t, { minIntervalSeconds: 0 });
    fullKiosk = await pairKiosk(t, { minIntervalSeconds: 0, mode: 'full' });
  });
  afterAll(async () => t?.close());

  it('refuses NUL in the kiosk procedure name and a broken surrogate in the app version with 400 naming the field, storing nothing', async () => {
    const before = await countRows(t);
    expectTextInvalid(await kioskPost(kiosk, kioskBody(quickAnswers(4), new Date(), { procedureName: NUL })), 'procedureName');
    expectTextInvalid(
      await kioskPost(kiosk, kioskBody(quickAnswers(4), new Date(), { appVersion: `1.0${'\uDC00'}` })),
      'appVersion',
    );
    expect(await countRows(t)).toBe(before);
  });

  it('refuses NUL or a broken surrogate in the procedure answer of forms 01 (kiosk) and 02 (online)', async () => {
    const before = await countRows(t);
    const form01 = findForm('01/2021-TT')?.example ?? {};
    const res01 = await kioskPost(fullKiosk, kioskBody({ ...form01, PROCEDURE: NUL }, new Date(), { formCode: '01/2021-TT' }));
    expectTextInvalid(res01, 'answers.PROCEDURE');
    const form02 = findForm('02/2021-DVCTT')?.example ?? {};
    const res02 = await t.app.inject({
      method: 'POST',
      url: '/api/v1/o/ST34/responses',
      payload: { clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: { ...form02, PROCEDURE: LONE } },
    });
    expectTextInvalid(res02, 'answers.PROCEDURE');
    expect(await countRows(t)).toBe(before);
  });

  it('stores text typed with combining marks (NFD) in NFC', async () => {
    const body = kioskBody(quickAnswers(5), new Date(), { procedureName: NFD });
    expect((await kioskPost(kiosk, body)).statusCode).toBe(201);
    const row = await t.app.db.execute(sql`select procedure_name as p from responses where client_id = ${body.clientId}`);
    expect((row.rows[0] as { p: string }).p).toBe(NFD.normalize('NFC'));
  });

  it('refuses NUL in a query string and values nested deeper than any schema, without a 500', async () => {
    const q = await t.app.inject({ url: '/api/v1/localities?unitCode=ST%0034', headers: { cookie: t.adminCookie } });
    expectTextInvalid(q, 'unitCode');
    const deep = `${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`;
    const payload = `{"clientId":"${randomUUID()}","formCode":"02/2021-DVCTT","answers":{"X":${deep}}}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/o/ST34/responses',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorJson>().error.code).toBe('TEXT_INVALID');
  });

  it('creates one organisation whether its name is typed precomposed (NFC) or with combining marks (NFD)', async () => {
    const name = `Bưu điện huyện Mỹ Tú ${randomUUID().slice(0, 4)}`;
    await createEnumerator(t, name.normalize('NFC'));
    await createEnumerator(t, name.normalize('NFD'));
    const rows = await t.app.db.execute(
      sql`select count(*)::int as n from organisations where name = ${name.normalize('NFC')} or name = ${name.normalize('NFD')}`,
    );
    expect((rows.rows[0] as { n: number }).n).toBe(1);
  });
});

describe('a sync batch with one bad interview', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t?.close());

  it('stores the 10 good interviews and rejects the one with NUL in its note with its own result', async () => {
    const campaignId = await createFieldCampaign(t);
    const e = await createEnumerator(t);
    const a = await assign(t, campaignId, e.id, 'ST34', 100);
    const form = await fieldForm(t, e.cookie);
    const good = Array.from({ length: 10 }, (_, i) => interview(a, form, i + 1));
    const bad = interview(a, form, 99, { note: 'Người trả lời\u0000vắng nhà' });
    const backwards = interview(a, form, 98, {
      startedAt: '2021-11-05T09:00:00+07:00',
      completedAt: '2021-11-05T08:00:00+07:00',
    });
    const results = await sync(t, e.cookie, [...good.slice(0, 5), bad, ...good.slice(5), backwards]);
    expect(results.map((r) => r.status)).toEqual([
      ...Array(5).fill('stored'),
      'rejected',
      ...Array(5).fill('stored'),
      'rejected',
    ]);
    expect(results[5]).toMatchObject({ clientId: bad.clientId, reason: 'TEXT_INVALID' });
    expect(results[5]?.errors?.[0]).toMatchObject({ questionId: 'note' });
    expect(results[11]).toMatchObject({ clientId: backwards.clientId, reason: 'VALIDATION_FAILED' });
    expect(await countRows(t, sql`source_id = ${a}`)).toBe(10);
  });
});
