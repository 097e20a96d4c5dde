import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '@hailong/db';
import { loadWorkerConfig, startWorker, type WorkerHandle } from '@hailong/worker';
import { testEnv } from '../../test/support/env.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg.ts';
import { TEST_REDIS_URL, uniquePrefix } from '../../test/support/redis.ts';

// The default batch, a batch smaller than the test's 50 responses, as the embedded database's
// EMBEDDED_TALLY_FOLD_BATCH is smaller than a busy backlog (one job then folds in several calls), and
// calls by units as the embedded worker's (EMBEDDED_TALLY_FOLD_UNITS): a call short of its batch has
// emptied its units, not the tail.
describe.each([
  { batch: undefined, units: undefined, label: 'default batch' },
  { batch: 7, units: undefined, label: 'batches of 7' },
  { batch: 7, units: 1, label: 'batches of 7 of one unit' },
])('tally-fold schedule ($label)', ({ batch, units }) => {
  let database: TestDatabase;
  let worker: WorkerHandle;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPool(database.url, 2);
    worker = await startWorker(
      loadWorkerConfig(
        testEnv({
          DATABASE_URL: database.url,
          REDIS_URL: TEST_REDIS_URL,
          QUEUE_PREFIX: uniquePrefix(),
          TALLY_FOLD_INTERVAL_MS: '200',
        }),
      ),
      {
        log: () => undefined,
        ...(batch === undefined ? {} : { tallyFoldBatch: batch }),
        ...(units === undefined ? {} : { tallyFoldUnits: units }),
      },
    );
  });
  afterAll(async () => {
    await worker.close();
    await pool.end();
    await database.drop();
  });

  it('folds newly stored responses into the tallies within a few intervals, counts unchanged', async () => {
    const campaign = await pool.query<{ id: string }>(
      `insert into campaigns (kind, name, year, opens_at, closes_at) values ('sipas', 'fold', 2021, '2021-01-01', '2021-12-31') returning id`,
    );
    const campaignId = campaign.rows[0]?.id;
    for (let i = 0; i < 50; i++) {
      await pool.query(
        `insert into responses (client_id, campaign_id, form_id, unit_id, channel, answers, payload_hash, completed_at)
         values ($1, $2, 3, $3, 'kiosk', '{"OV": 5}', 'x', '2021-11-03T03:00:00Z')`,
        [randomUUID(), campaignId, 1 + (i % 3)],
      );
    }
    const live = async () =>
      (await pool.query(`select coalesce(sum(n), 0)::int as n from form_tallies_live where campaign_id = $1`, [campaignId]))
        .rows[0];
    expect(await live()).toEqual({ n: 50 });
    const deadline = Date.now() + 15_000;
    let pending = 50;
    while (pending > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      pending = (await pool.query<{ n: number }>('select count(*)::int as n from tally_pending')).rows[0]?.n ?? -1;
    }
    expect(pending).toBe(0);
    expect((await pool.query(`select sum(n)::int as n from form_tallies where campaign_id = $1`, [campaignId])).rows[0]).toEqual({
      n: 50,
    });
    expect(await live()).toEqual({ n: 50 });
  });

  it('moves the answer-total deltas of review decisions into the totals (docs/0036-answer-tally-totals.md)', async () => {
    const campaign = await pool.query<{ id: string }>(
      `insert into campaigns (kind, name, year, opens_at, closes_at) values ('sipas', 'compact', 2021, '2021-01-01', '2021-12-31') returning id`,
    );
    const campaignId = campaign.rows[0]?.id;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await pool.query<{ id: string }>(
        `insert into responses (client_id, campaign_id, form_id, unit_id, channel, answers, payload_hash, completed_at)
         values ($1, $2, 3, 1, 'kiosk', '{"OV": 4}', 'x', '2021-11-03T03:00:00Z') returning id`,
        [randomUUID(), campaignId],
      );
      ids.push(res.rows[0]?.id ?? '');
    }
    const totals = async () =>
      (
        await pool.query(
          `select (select coalesce(sum(n), 0)::int from answer_tally_totals where campaign_id = $1) as totals,
                  (select count(*)::int from answer_tally_total_deltas where campaign_id = $1) as deltas`,
          [campaignId],
        )
      ).rows[0];
    const until = async (want: unknown) => {
      const deadline = Date.now() + 15_000;
      while (JSON.stringify(await totals()) !== JSON.stringify(want) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(await totals()).toEqual(want);
    };
    await until({ totals: 3, deltas: 0 });
    await pool.query(`update responses set review_state = 'invalid' where id = $1`, [ids[0]]);
    await until({ totals: 2, deltas: 0 });
  });
});
