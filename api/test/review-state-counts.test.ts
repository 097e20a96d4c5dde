/**
 * The results page counts suspect, pending and invalid responses from counts kept by triggers
 * (migration 0039, docs/0030-review-state-counts.md) instead of reading `responses`. Property: after
 * any sequence of writes — new responses of every channel and state, review decisions, answers moved
 * to another day or unit, deletions, the staff-answer rewrite, with or without the fold and the
 * compaction in between — the counts equal a GROUP BY over the responses, and the page shows what
 * counting the responses inside the campaign window gives. On PostgreSQL and PGlite.
 */
import type { SuspectResponses } from '@hailong/contracts';
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/support/build-app.ts';
import { startTestSystem, type TestSystem } from '../../test/support/system.ts';
import { openSipasCampaign, pairKiosk, submitKioskRun, submitOnlineForm } from './kiosk-fixtures.ts';
import { editResponses, type Scene } from './response-edits.ts';

let t: TestApp;
/** Plain SQL on the app's pool: every statement its own transaction, as the writers run them. */
const c = { query: <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => t.app.pg.pool.query<R>(text, values) };

const STATES = ['valid', 'suspect', 'pending', 'invalid'] as const;
const CHANNELS = ['kiosk', 'online', 'enumerator', 'email'] as const;
const ROWS = 16;

type Op =
  | {
      op: 'insert';
      count: number;
      unit: number;
      channel: (typeof CHANNELS)[number];
      state: (typeof STATES)[number];
      hours: number | null;
    }
  | { op: 'review'; k: number; span: number; state: (typeof STATES)[number] }
  | { op: 'moveDay'; k: number; span: number; hours: number | null }
  | { op: 'moveUnit'; k: number; unit: number }
  | { op: 'delete'; k: number }
  | { op: 'shuffle'; unit: number }
  | { op: 'fold' }
  | { op: 'compact' };

const k = fc.integer({ min: 0, max: ROWS - 1 });
const unit = fc.integer({ min: 0, max: 2 });
// Hours after 2021-11-01 00:00 UTC (the window opens on 3 November, Vietnam time, and closes after
// the 5th); 17 h and later fall on the next day in Vietnam; null: no completion time (received now).
const hours = fc.option(fc.integer({ min: 0, max: 150 }), { nil: null });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      count: fc.integer({ min: 1, max: 4 }),
      unit,
      channel: fc.constantFrom(...CHANNELS),
      state: fc.constantFrom(...STATES),
      hours,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('review' as const),
      k,
      span: fc.integer({ min: 1, max: 4 }),
      state: fc.constantFrom(...STATES),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('moveDay' as const), k, span: fc.integer({ min: 1, max: 3 }), hours }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('moveUnit' as const), k, unit }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), k }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('shuffle' as const), unit }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('fold' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('compact' as const) }) },
);

async function newCampaign(): Promise<Scene> {
  const res = await c.query<{ id: string }>(
    `insert into campaigns (kind, name, year, opens_at, closes_at) values ('sipas', 'Đếm trạng thái ' || gen_random_uuid(), 2021, $1, $2) returning id`,
    ['2021-11-02T17:00:00Z', '2021-11-05T17:00:00Z'],
  );
  const units = (await c.query<{ id: number }>('select id from units order by code limit 3')).rows.map((r) => r.id);
  const formId = (await c.query<{ id: number }>(`select id from forms where code = 'QUICK/2021' limit 1`)).rows[0]?.id ?? 0;
  return { id: res.rows[0]?.id ?? '', units, formId };
}

const at = (h: number | null) => (h === null ? null : new Date(Date.UTC(2021, 10, 1) + h * 3_600_000).toISOString());

async function apply(o: Op, s: Scene): Promise<void> {
  switch (o.op) {
    case 'insert':
      await c.query(
        `insert into responses (client_id, campaign_id, form_id, unit_id, channel, answers, payload_hash, review_state, completed_at)
         select gen_random_uuid(), $1, $2, $3, $4, '{"OV": 4, "Q_TC": 5}', 'x', $5, $6::timestamptz from generate_series(1, $7)`,
        [s.id, s.formId, s.units[o.unit], o.channel, o.state, at(o.hours), o.count],
      );
      return;
    case 'moveDay':
      return editResponses(c, s, { ...o, completedAt: at(o.hours) });
    case 'review':
    case 'moveUnit':
    case 'delete':
    case 'shuffle':
      return editResponses(c, s, o);
    case 'fold':
      await c.query('select responses_tally_fold(1000)');
      return;
    case 'compact':
      await c.query('select response_state_counts_compact()');
      return;
  }
}

/** The counts kept by the triggers, summed per key, against the same GROUP BY over the responses. */
async function countsBothWays(campaignId: string) {
  const kept = await c.query(
    `select unit_id, day::text, review_state, channel, sum(n)::int as n from response_state_counts where campaign_id = $1
     group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4`,
    [campaignId],
  );
  const counted = await c.query(
    `select unit_id, response_tally_day(completed_at, received_at)::text as day, review_state, channel, count(*)::int as n
       from responses where campaign_id = $1 and review_state <> 'valid' group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    [campaignId],
  );
  return { kept: kept.rows, counted: counted.rows };
}

/** What the page must show per unit: the responses of each state inside the window, counted one by one. */
async function expectedPage(campaignId: string) {
  const res = await c.query<{ unitCode: string; valid: number; suspect: number; invalid: number }>(
    `select u.code as "unitCode",
            count(*) filter (where r.review_state = 'valid')::int as valid,
            count(*) filter (where r.review_state = 'suspect')::int as suspect,
            count(*) filter (where r.review_state = 'invalid')::int as invalid
       from responses r join units u on u.id = r.unit_id join campaigns c on c.id = r.campaign_id
      where r.campaign_id = $1
        and response_tally_day(r.completed_at, r.received_at)
            between response_tally_day(null, c.opens_at) and response_tally_day(null, c.closes_at - interval '1 microsecond')
      group by 1 order by 1`,
    [campaignId],
  );
  return res.rows;
}

async function page(campaignId: string) {
  const res = await t.app.inject({ url: `/api/v1/campaigns/${campaignId}/results`, headers: { cookie: t.adminCookie } });
  expect(res.statusCode).toBe(200);
  const body = res.json<{
    units: { unitCode: string; validResponses: number; suspectResponses: number; invalidResponses: number }[];
  }>();
  return body.units
    .map((u) => ({ unitCode: u.unitCode, valid: u.validResponses, suspect: u.suspectResponses, invalid: u.invalidResponses }))
    .sort((a, b) => a.unitCode.localeCompare(b.unitCode));
}

for (const engine of ['postgres', 'embedded'] as const) {
  describe(`review-state counts (${engine})`, () => {
    let sys: TestSystem;

    beforeAll(async () => {
      sys = await startTestSystem({ engine, config: { webDist: undefined } });
      t = { app: sys.app, adminCookie: await sys.sessionCookie() } as TestApp;
    });
    afterAll(async () => sys.close());

    it('equal a GROUP BY over the responses after any sequence of writes, folded and compacted or not', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
          const s = await newCampaign();
          for (const o of ops) await apply(o, s);
          const { kept, counted } = await countsBothWays(s.id);
          expect(kept).toEqual(counted);
          await c.query('select responses_tally_fold(100000)');
          expect(await page(s.id)).toEqual(await expectedPage(s.id));
        }),
        { numRuns: engine === 'postgres' ? 25 : 10 },
      );
    });

    it('compaction leaves one row per key and drops keys that sum to zero', async () => {
      const s = await newCampaign();
      await apply({ op: 'insert', count: 3, unit: 0, channel: 'kiosk', state: 'suspect', hours: 40 }, s);
      await apply({ op: 'insert', count: 2, unit: 1, channel: 'online', state: 'invalid', hours: 41 }, s);
      await apply({ op: 'review', k: 0, span: 5, state: 'valid' }, s);
      await apply({ op: 'review', k: 0, span: 1, state: 'suspect' }, s);
      await c.query('select response_state_counts_compact()');
      const rows = await c.query<{ n: number; keys: number; zero: number }>(
        `select count(*)::int as n, count(distinct (unit_id, day, review_state, channel))::int as keys,
              count(*) filter (where n = 0)::int as zero
         from response_state_counts where campaign_id = $1`,
        [s.id],
      );
      expect(rows.rows[0]).toEqual({ n: 1, keys: 1, zero: 0 });
      const { kept, counted } = await countsBothWays(s.id);
      expect(kept).toEqual(counted);
    });

    it('follow kiosk and online ingest and an admin review decision', async () => {
      const campaignId = await openSipasCampaign(t);
      const kiosk = await pairKiosk(t, { counterName: 'Quầy 3', minIntervalSeconds: 20 });
      const t0 = new Date('2021-11-03T08:00:00Z').getTime();
      await submitKioskRun(t, kiosk, [t0, t0 + 5_000, t0 + 9_000, t0 + 60_000]);
      await submitOnlineForm(t, '10.9.8.7', 'HS-000777-2021');
      const before = await countsBothWays(campaignId);
      expect(before.kept).toEqual(before.counted);
      expect(before.counted.length).toBeGreaterThan(0);
      const list = await t.app.inject({
        url: `/api/v1/campaigns/${campaignId}/suspect-responses`,
        headers: { cookie: t.adminCookie },
      });
      const suspects = list.json<SuspectResponses>();
      expect(suspects.total).toBe(suspects.responses.length);
      const review = await t.app.inject({
        method: 'POST',
        url: `/api/v1/responses/${suspects.responses[0]?.id}/review`,
        headers: { cookie: t.adminCookie },
        payload: { state: 'invalid', reason: 'Cùng một người bấm hai lần' },
      });
      expect(review.statusCode).toBe(200);
      await c.query('select responses_tally_fold(100000)');
      const after = await countsBothWays(campaignId);
      expect(after.kept).toEqual(after.counted);
      expect(await page(campaignId)).toEqual(await expectedPage(campaignId));
    });
  });
}
