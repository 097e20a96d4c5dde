/**
 * Issue 16: the unit's hourly limit of the online form 02 is judged from per-minute counts kept by
 * triggers (migration 0038, docs/0029-online-unit-minute-counts.md), with the same answer as counting
 * the unit's online responses of the last hour: rows just inside and just outside the hour, in the
 * minute the hour starts in, rows deleted or moved out of the hour. On PostgreSQL and PGlite.
 */
import { randomUUID } from 'node:crypto';
import { findForm } from '@hailong/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/support/build-app.ts';
import { startTestSystem, type TestSystem } from '../../test/support/system.ts';
import { openSipasCampaign } from './kiosk-fixtures.ts';

const LIMIT = 3;
const example = findForm('02/2021-DVCTT')?.example ?? {};
const addressOf = (i: number) => `10.9.${(i >> 8) & 255}.${i & 255}`;

interface Placed {
  /** Seconds after the start of the hour counted (now() − 1 hour) in the same transaction. */
  at: number;
  count: number;
}

for (const engine of ['postgres', 'embedded'] as const) {
  describe(`online form 02: the unit's hour from minute counts (${engine})`, () => {
    let sys: TestSystem;
    let t: TestApp;
    let sent = 0;
    const post = (unit: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/o/${unit}/responses`,
        payload: { clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: example },
        remoteAddress: addressOf(sent++),
      });
    const stored = async (unit: string) => {
      const res = await post(unit);
      expect(res.statusCode).toBe(201);
      return res.json<{ clientId: string; reviewState: string }>();
    };

    beforeAll(async () => {
      sys = await startTestSystem({
        engine,
        config: { webDist: undefined, onlineLimits: { addressPerHour: 100, unitPerHour: LIMIT } },
      });
      t = { app: sys.app, adminCookie: await sys.sessionCookie() } as TestApp;
      await openSipasCampaign(t);
    });
    afterAll(async () => sys.close());

    /**
     * In one transaction (one now()): copies of a stored form of `unit` placed at the given times,
     * then one more form judged by `online_submit_batch`; rolled back. Answers its review state and
     * flags, and the hour's count of the rows themselves.
     */
    async function judgeWith(unit: string, placed: Placed[]): Promise<{ state: string; flags: string[]; hour: number }> {
      const seed = await stored(unit);
      const client = await sys.app.pg.pool.connect();
      try {
        await client.query('begin');
        // The seed itself is moved out of the hour; only the placed rows count.
        await client.query(`update responses set received_at = now() - interval '90 minutes' where client_id = $1`, [
          seed.clientId,
        ]);
        for (const p of placed)
          await client.query(
            `insert into responses (client_id, campaign_id, form_id, unit_id, channel, source_id, answers, payload_hash, received_at)
             select gen_random_uuid(), campaign_id, form_id, unit_id, channel, gen_random_uuid(), answers, payload_hash,
                    now() - interval '1 hour' + make_interval(secs => $2)
               from responses, generate_series(1, $3) where client_id = $1`,
            [seed.clientId, p.at, p.count],
          );
        const hour = await client.query<{ n: number }>(
          `select count(*)::int as n from responses r join responses s on s.client_id = $1
            where r.channel = 'online' and r.campaign_id = s.campaign_id and r.unit_id = s.unit_id
              and r.received_at > now() - interval '1 hour'`,
          [seed.clientId],
        );
        const item = await client.query<{ item: object }>(
          `select jsonb_build_object('clientId', gen_random_uuid(), 'campaignId', campaign_id, 'formId', form_id,
                  'unitId', unit_id, 'sourceId', gen_random_uuid(), 'answers', answers, 'payloadHash', payload_hash,
                  'startedAt', null, 'completedAt', null, 'dossierCodeHash', null, 'codeGiven', false,
                  'addressLimit', 100, 'unitLimit', ${LIMIT}) as item
             from responses where client_id = $1`,
          [seed.clientId],
        );
        const res = await client.query<{ review_state: string; id: string }>('select * from online_submit_batch($1::jsonb)', [
          JSON.stringify([item.rows[0]?.item]),
        ]);
        const row = await client.query<{ flags: string[] }>('select flags from responses where id = $1', [res.rows[0]?.id]);
        return { state: res.rows[0]?.review_state ?? '', flags: row.rows[0]?.flags ?? [], hour: hour.rows[0]?.n ?? -1 };
      } finally {
        await client.query('rollback');
        client.release();
      }
    }

    // Rows one microsecond inside or outside the hour lie in the minute the hour starts in, whose
    // count alone cannot tell them apart.
    const inside = (count: number): Placed => ({ at: 0.000001, count });
    const outside = (count: number): Placed => ({ at: -0.000001, count });
    const midHour = (count: number): Placed => ({ at: 1800, count });

    it('crosses the limit with rows just inside the hour, in the minute it starts in', async () => {
      const r = await judgeWith('ST21', [midHour(1), inside(2), outside(5)]);
      expect(r).toEqual({ state: 'suspect', flags: ['unit_rate'], hour: LIMIT });
    });

    it('does not count rows just outside the hour, in the same minute', async () => {
      const r = await judgeWith('ST22', [midHour(1), inside(1), outside(5)]);
      expect(r).toEqual({ state: 'valid', flags: [], hour: LIMIT - 1 });
    });

    it('crosses the limit on the whole minutes of the hour alone', async () => {
      expect(await judgeWith('ST23', [midHour(LIMIT)])).toEqual({ state: 'suspect', flags: ['unit_rate'], hour: LIMIT });
      expect(await judgeWith('ST26', [midHour(LIMIT - 1), outside(10)])).toEqual({ state: 'valid', flags: [], hour: LIMIT - 1 });
    });

    it('stops counting a response deleted or moved out of the hour, and counts one moved into it', async () => {
      const unit = 'ST24';
      const forms = [await stored(unit), await stored(unit), await stored(unit)];
      expect(forms.map((f) => f.reviewState)).toEqual(['valid', 'valid', 'valid']);
      await sys.query('delete from responses where client_id = $1', [forms[0]?.clientId]);
      await sys.query(`update responses set received_at = received_at - interval '61 minutes' where client_id = $1`, [
        forms[1]?.clientId,
      ]);
      expect((await stored(unit)).reviewState).toBe('valid');
      expect((await stored(unit)).reviewState).toBe('valid');
      await sys.query(`update responses set received_at = now() where client_id = $1`, [forms[1]?.clientId]);
      const over = await stored(unit);
      expect(over.reviewState).toBe('suspect');
      const flags = await sys.query<{ flags: string[] }>('select flags from responses where client_id = $1', [over.clientId]);
      expect(flags[0]?.flags).toEqual(['unit_rate']);
    });

    it('keeps the minute counts equal to the online responses of the last two hours', async () => {
      for (let i = 0; i < 5; i++) await stored('ST25');
      const counts = await sys.query<{ key: string; n: number }>(
        `select campaign_id || '/' || unit_id || '/' || minute as key, n from online_unit_minutes
          where minute >= floor(extract(epoch from now() - interval '2 hours') / 60) and n <> 0 order by 1`,
      );
      const rows = await sys.query<{ key: string; n: number }>(
        `select campaign_id || '/' || unit_id || '/' || floor(extract(epoch from received_at) / 60)::int as key, count(*)::int as n
           from responses where channel = 'online' and received_at >= now() - interval '2 hours' group by 1 order by 1`,
      );
      expect(counts.length).toBeGreaterThan(0);
      expect(counts).toEqual(rows);
    });
  });
}
