import { createHash, createHmac, randomUUID } from 'node:crypto';
import { findForm } from '@hailong/forms';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { countRows, openSipasCampaign } from './kiosk-fixtures.ts';

const form02 = findForm('02/2021-DVCTT');
const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('hex');

/** The dossier hash of the campaign's latest response that has one. */
async function storedDossierHash(t: TestApp, campaignId: string): Promise<string | undefined> {
  const rows = await t.app.db.execute(
    sql`select dossier_code_hash as h from responses where campaign_id = ${campaignId} and dossier_code_hash is not null order by received_at desc limit 1`,
  );
  return (rows.rows[0] as { h?: string } | undefined)?.h;
}
const example = form02?.example ?? {};

describe('online-service form 02/2021-DVCTT', () => {
  let t: TestApp;
  let campaignId: string;
  const post = (payload: object, unit = 'ST34') => t.app.inject({ method: 'POST', url: `/api/v1/o/${unit}/responses`, payload });

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  it('answers 409 NO_OPEN_CAMPAIGN while no SIPAS campaign is open', async () => {
    const res = await post({ clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: example });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('NO_OPEN_CAMPAIGN');
  });

  it('shows the unit name and the public form, without its scoring map', async () => {
    campaignId = await openSipasCampaign(t);
    const res = await t.app.inject({ url: '/api/v1/o/ST34' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ unitName: string; campaignOpen: boolean; form: Record<string, unknown> }>();
    expect(body).toMatchObject({ unitCode: 'ST34', campaignOpen: true, form: { code: '02/2021-DVCTT' } });
    expect(body.form.scoring).toBeUndefined();
    expect((await t.app.inject({ url: '/api/v1/o/NOPE1' })).statusCode).toBe(404);
  });

  it('stores a response once (201, then 200 on replay) and 409 on a conflicting replay', async () => {
    const body = { clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: example };
    expect((await post(body)).statusCode).toBe(201);
    expect((await post(body)).statusCode).toBe(200);
    const firstKey = Object.keys(example)[0] ?? '';
    const res = await post({ ...body, answers: { ...example, [firstKey]: example[firstKey] === 1 ? 2 : 1 } });
    expect(res.statusCode).toBe(409);
    const row = await t.app.db.execute(
      sql`select channel, source_id, campaign_id from responses where client_id = ${body.clientId}`,
    );
    // source_id of an online response is a keyed hash of the caller's address (online/stuffing.ts), never the address.
    expect(row.rows).toEqual([
      { channel: 'online', source_id: expect.stringMatching(/^[0-9a-f-]{36}$/), campaign_id: campaignId },
    ]);
  });

  it('rejects empty answers with 400 and per-question errors, storing nothing', async () => {
    const before = await countRows(t);
    const res = await post({ clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { details: unknown[] } }>().error.details.length).toBeGreaterThan(0);
    expect(await countRows(t)).toBe(before);
  });

  it('accepts one response per dossier code per campaign (hashed), whatever its spacing or case', async () => {
    const first = await post({
      clientId: randomUUID(),
      formCode: '02/2021-DVCTT',
      answers: example,
      dossierCode: 'H48.01-211103-0001',
    });
    expect(first.statusCode).toBe(201);
    const again = await post({
      clientId: randomUUID(),
      formCode: '02/2021-DVCTT',
      answers: example,
      dossierCode: ' h48.01-211103-0001 ',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DOSSIER_ALREADY_RATED');
    const stored = await t.app.db.execute(sql`select dossier_code_hash from responses where dossier_code_hash is not null`);
    expect(stored.rows).toHaveLength(1);
    expect(JSON.stringify(stored.rows)).not.toContain('211103');
  });

  it('stores a form sent several times at once only once (201, then 200 with the same receipt), beside other forms sent with it', async () => {
    // Sent together, these reach the database in one batch: each gets its own answer.
    const send = (payload: object, i: number) =>
      t.app.inject({ method: 'POST', url: '/api/v1/o/ST35/responses', payload, remoteAddress: `198.51.100.${80 + i}` });
    const body = { clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: example };
    const others = [0, 1].map(() => ({ ...body, clientId: randomUUID() }));
    const answers = await Promise.all([body, body, body, ...others].map((b, i) => send(b, i)));
    const [copies, rest] = [answers.slice(0, 3), answers.slice(3)];
    expect(copies.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(copies.map((r) => r.json<{ id: string }>().id)).size).toBe(1);
    expect(rest.map((r) => r.statusCode)).toEqual([201, 201]);
    const rows = await t.app.db.execute(sql`select client_id from responses where client_id = ${body.clientId}`);
    expect(rows.rows).toHaveLength(1);
  });

  it('stores one of two forms sent at once with the same dossier code and answers the other 409 DOSSIER_ALREADY_RATED', async () => {
    const form = () => ({
      clientId: randomUUID(),
      formCode: '02/2021-DVCTT',
      answers: example,
      dossierCode: 'H48.01-211103-0500',
    });
    const answers = await Promise.all(
      [form(), form()].map((payload, i) =>
        t.app.inject({ method: 'POST', url: '/api/v1/o/ST35/responses', payload, remoteAddress: `198.51.100.${90 + i}` }),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.statusCode === 409)?.json().error.code).toBe('DOSSIER_ALREADY_RATED');
  });

  it('stores a dossier code only as a hash keyed with TOKEN_SECRET, not as a plain SHA-256 anyone can recompute', async () => {
    const code = 'H48.02-211104-0042';
    expect(
      (await post({ clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: example, dossierCode: code })).statusCode,
    ).toBe(201);
    const stored = await storedDossierHash(t, campaignId);
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    for (const guess of [code, code.toLowerCase(), `dossier:${campaignId}:${code}`, `${campaignId}:${code}`])
      expect(stored).not.toBe(sha(guess));
    expect(stored).toBe(hmac(t.config.tokenSecret, `dossier:${campaignId}:${code}`));
  });

  it('hashes the same dossier code differently under another TOKEN_SECRET', async () => {
    const other = await buildTestApp({ tokenSecret: `another-installation-secret-${randomUUID()}` });
    try {
      const otherCampaign = await openSipasCampaign(other);
      const code = 'H48.03-211105-0007';
      const res = await other.app.inject({
        method: 'POST',
        url: '/api/v1/o/ST34/responses',
        payload: { clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: example, dossierCode: code },
      });
      expect(res.statusCode).toBe(201);
      const stored = await storedDossierHash(other, otherCampaign);
      expect(stored).toBe(hmac(other.config.tokenSecret, `dossier:${otherCampaign}:${code}`));
      expect(stored).not.toBe(hmac(t.config.tokenSecret, `dossier:${otherCampaign}:${code}`));
    } finally {
      await other.close();
    }
  });

  it('accepts a slip rating code once, for its own unit only', async () => {
    const gen = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${campaignId}/rating-codes`,
      headers: { cookie: t.adminCookie },
      payload: { unitCode: 'ST34', count: 3 },
    });
    expect(gen.statusCode).toBe(201);
    const [code = ''] = gen.json<{ codes: string[] }>().codes;
    const wrongUnit = await post(
      { clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: example, ratingCode: code },
      'ST16',
    );
    expect(wrongUnit.json().error?.code).toBe('RATING_CODE_INVALID');
    expect(
      (await post({ clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: example, ratingCode: code })).statusCode,
    ).toBe(201);
    const reuse = await post({ clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: example, ratingCode: code });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().error.code).toBe('RATING_CODE_INVALID');
    // Stored only as a hash keyed with TOKEN_SECRET: a 10-character code is too short for plain SHA-256.
    const norm = code.toUpperCase().replace(/[\s-]/g, '');
    const stored = await t.app.db.execute(sql`select code_hash from rating_codes where campaign_id = ${campaignId}`);
    const hashes = stored.rows.map((r) => (r as { code_hash: string }).code_hash);
    expect(hashes).toContain(hmac(t.config.tokenSecret, `rating:${norm}`));
    expect(hashes).not.toContain(createHash('sha256').update(`rating:${norm}`).digest('hex'));
  });

  it('rate-limits one client after 20 submissions a minute with 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 25; i++)
      codes.push((await post({ clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: example }, 'ST16')).statusCode);
    expect(codes).toContain(429);
  });
});
