/**
 * Issue 11: stuffing of the online form 02. A burst from one address, or for one unit from many
 * addresses, is stored `suspect` (flag and reason, on the results page's suspect list) and leaves
 * the unit's SIPAS as it was; legitimate traffic spread over addresses stays valid. A unit may
 * require a dossier number or a rating code. On PostgreSQL and on the embedded database (PGlite).
 */
import { randomUUID } from 'node:crypto';
import { findForm } from '@hailong/forms';
import type { SuspectResponses } from '@hailong/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/support/build-app.ts';
import { startTestSystem, type TestSystem } from '../../test/support/system.ts';
import { countRows, openSipasCampaign, unitResults } from './kiosk-fixtures.ts';

const form02 = findForm('02/2021-DVCTT');
const example = form02?.example ?? {};
/** Every rating question answered 1 (the worst), the stuffer's form. */
const allOnes = Object.fromEntries(Object.entries(example).map(([k, v]) => [k, typeof v === 'number' ? 1 : v]));
const body = (answers: Record<string, unknown> = example, extra: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  formCode: '02/2021-DVCTT',
  answers,
  ...extra,
});
/** `n` requests, `wave` at a time (a burst as fast as one API process takes them). */
async function burst<T>(n: number, wave: number, send: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += wave)
    out.push(...(await Promise.all(Array.from({ length: Math.min(wave, n - i) }, (_, j) => send(i + j)))));
  return out;
}
const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

for (const engine of ['postgres', 'embedded'] as const) {
  describe(`online form 02 stuffing (${engine})`, () => {
    let sys: TestSystem;
    let t: TestApp;
    let campaignId: string;
    const post = (unit: string, payload: object, remoteAddress = '203.0.113.7') =>
      t.app.inject({ method: 'POST', url: `/api/v1/o/${unit}/responses`, payload, remoteAddress });

    beforeAll(async () => {
      sys = await startTestSystem({
        engine,
        config: { webDist: undefined, onlineLimits: { addressPerHour: 5, unitPerHour: 60 } },
      });
      t = { app: sys.app, adminCookie: await sys.sessionCookie() } as TestApp;
      campaignId = await openSipasCampaign(t);
    });
    afterAll(async () => sys.close());

    it('keeps legitimate traffic spread over addresses valid, and the caller address is stored only as a keyed hash', async () => {
      for (let i = 0; i < 40; i++)
        expect((await post('ST35', body(example), addressOf(1000 + i))).json().reviewState).toBe('valid');
      // The same person rating a few dossiers stays valid too (up to the per-address limit).
      for (let i = 0; i < 5; i++) expect((await post('ST35', body(example), '198.51.100.20')).json().reviewState).toBe('valid');
      const rows = await sys.query<{ source_id: string | null }>(
        `select source_id::text from responses where channel = 'online' and unit_id = (select id from units where code = 'ST35')`,
      );
      expect(rows).toHaveLength(45);
      expect(new Set(rows.map((r) => r.source_id)).size).toBe(41);
      expect(JSON.stringify(rows)).not.toMatch(/198\.51|10\.0\.3/);
      const st35 = await unitResults(t, campaignId, 'ST35');
      expect(st35).toMatchObject({ validResponses: 45, suspectResponses: 0 });
    });

    it('stores 1,000 all-1 forms sent in a burst from one client as suspect (or refuses them with 429): the unit’s SIPAS does not move', async () => {
      // The unit's earlier, legitimate responses (an hour and more ago).
      for (let i = 0; i < 12; i++) expect((await post('ST38', body(example), addressOf(2000 + i))).statusCode).toBe(201);
      await sys.app.db.execute(sql`update responses set received_at = received_at - interval '2 hours' where channel = 'online'`);
      const before = await unitResults(t, campaignId, 'ST38');
      expect(before).toMatchObject({ validResponses: 12, suspectResponses: 0 });
      const rowsBefore = await countRows(t);

      const answers = await Promise.all(Array.from({ length: 1_000 }, () => post('ST38', body(allOnes), '203.0.113.66')));
      const statuses = answers.map((r) => r.statusCode);
      expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
      const stored = answers.filter((r) => r.statusCode === 201).map((r) => r.json<{ reviewState: string }>().reviewState);
      expect(stored.length).toBeGreaterThan(5);
      expect(stored.filter((s) => s === 'valid').length).toBeLessThanOrEqual(5); // answered before the limit was crossed …
      expect(await countRows(t)).toBe(rowsBefore + stored.length);
      // … and flagged with the rest of the burst once it was.
      const burst = await sys.query<{ review_state: string; flags: string[]; review_reason: string }>(
        `select review_state, flags, review_reason from responses where channel = 'online' and received_at > now() - interval '1 hour' and unit_id = (select id from units where code = 'ST38')`,
      );
      expect(burst).toHaveLength(stored.length);
      expect(burst.every((r) => r.review_state === 'suspect' && r.flags.includes('address_rate'))).toBe(true);
      expect(burst[0]?.review_reason).toMatch(/^more than 5 online responses from one address in the last hour \(limit 5\)/);

      const after = await unitResults(t, campaignId, 'ST38');
      expect(after?.validResponses).toBe(12);
      expect(after?.sipasPercent).toBe(before?.sipasPercent);
      const list = await t.app.inject({
        url: `/api/v1/campaigns/${campaignId}/suspect-responses?unitCode=ST38&limit=5`,
        headers: { cookie: t.adminCookie },
      });
      expect(list.json<SuspectResponses>()).toMatchObject({ total: stored.length });
      expect(list.json<SuspectResponses>().responses[0]).toMatchObject({ channel: 'online', flags: ['address_rate'] });
    });

    // 1,000 addresses on PostgreSQL; 200 on the embedded database (one connection, same code path).
    const n = engine === 'postgres' ? 1_000 : 200;
    it(`stores a burst for one unit from ${n} different addresses as suspect: the whole hour of the unit, not only its tail`, async () => {
      const before = await unitResults(t, campaignId, 'ST40');
      const answers = await burst(n, 50, (i) => post('ST40', body(allOnes), addressOf(100_000 + i)));
      expect(
        answers
          .filter((r) => r.statusCode !== 201)
          .map((r) => `${r.statusCode} ${r.body}`)
          .slice(0, 3),
      ).toEqual([]);
      const flags = await sys.query<{ flags: string[]; n: number }>(
        `select flags, count(*)::int as n from responses where channel = 'online' and unit_id = (select id from units where code = 'ST40') group by flags`,
      );
      expect(flags).toEqual([{ flags: ['unit_rate'], n }]);
      const after = await unitResults(t, campaignId, 'ST40');
      expect(after?.validResponses ?? 0).toBe(before?.validResponses ?? 0);
      expect(after?.suspectResponses).toBe(n);
    });

    it('requires a dossier number or a rating code once the admin sets it for the unit: 400 ONLINE_CODE_REQUIRED, nothing stored', async () => {
      const settings = (codeRequired: boolean, cookie = t.adminCookie) =>
        t.app.inject({
          method: 'PUT',
          url: '/api/v1/o/ST36/settings',
          payload: { codeRequired },
          headers: cookie ? { cookie } : {},
        });
      expect((await settings(true, '')).statusCode).toBe(401);
      expect((await settings(true)).json()).toEqual({ unitCode: 'ST36', codeRequired: true });
      expect((await t.app.inject({ url: '/api/v1/o/ST36' })).json()).toMatchObject({ codeRequired: true });
      const rows = await countRows(t);
      const refused = await post('ST36', body(example), '192.0.2.1');
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'ONLINE_CODE_REQUIRED', details: { field: 'dossierCode' } });
      expect(refused.json().error.message).toMatch(/mã hồ sơ/);
      expect(await countRows(t)).toBe(rows);
      expect((await post('ST36', body(example, { dossierCode: 'H48.01-211103-0077' }), '192.0.2.2')).statusCode).toBe(201);
      const audit = await sys.query<{ action: string }>(`select action from audit_log where entity_id = 'ST36'`);
      expect(audit.map((a) => a.action)).toContain('unit.online_code_required');
      expect((await settings(false)).json()).toEqual({ unitCode: 'ST36', codeRequired: false });
      expect((await post('ST36', body(example), '192.0.2.3')).statusCode).toBe(201);
    });
  });
}
