import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '@hailong/db';
import { QUEUE, TALLY_FOLD_JOB } from '@hailong/runtime';
import {
  EMBEDDED_TALLY_FOLD_BATCH,
  EMBEDDED_TALLY_FOLD_UNITS,
  loadWorkerConfig,
  startWorker,
  type WorkerHandle,
} from '@hailong/worker';
import { createEmbeddedDatabase } from '../../test/support/embedded.ts';
import { testEnv } from '../../test/support/env.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg.ts';
import { TEST_REDIS_URL, uniquePrefix } from '../../test/support/redis.ts';

const TABLES = ['tally_pending', 'answer_tallies', 'answer_tally_totals', 'form_tallies', 'responses'];

interface TableStats {
  relname: string;
  dead: number;
  size: number;
  vacuums: number;
  analyzes: number;
}

/**
 * The embedded worker vacuums what the fold leaves dead (docs/0044-embedded-vacuum.md): through the
 * fold job itself, on a real PGlite; the PostgreSQL worker leaves it to autovacuum.
 */
describe.each([
  { engine: 'embedded', vacuum: true },
  { engine: 'postgres', vacuum: false },
] as const)('vacuum after the fold ($engine)', ({ engine, vacuum }) => {
  let dir: string | null = null;
  let database: TestDatabase;
  let worker: WorkerHandle;
  let pool: pg.Pool;
  let queue: Queue;

  beforeAll(async () => {
    if (engine === 'embedded') dir = mkdtempSync(path.join(os.tmpdir(), 'hl-vacuum-'));
    database = dir ? await createEmbeddedDatabase(dir) : await createTestDatabase();
    pool = createPool(database.url, 2);
    const prefix = uniquePrefix();
    worker = await startWorker(
      loadWorkerConfig(testEnv({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix })),
      {
        log: () => undefined,
        schedulers: false,
        // As the launcher starts the embedded worker; every job may vacuum, from 500 changed rows.
        ...(vacuum
          ? {
              tallyFoldBatch: EMBEDDED_TALLY_FOLD_BATCH,
              tallyFoldUnits: EMBEDDED_TALLY_FOLD_UNITS,
              embeddedVacuum: { everyMs: 0, minRows: 500 },
            }
          : {}),
      },
    );
    queue = new Queue(QUEUE.maintenance, { connection: worker.deps.redis, prefix });
  });
  afterAll(async () => {
    await queue.close();
    await worker.close();
    await pool.end();
    await database.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const stats = async (table: string): Promise<TableStats> => {
    const row = (
      await pool.query<TableStats>(
        `select relname, n_dead_tup::int as dead, pg_relation_size(relid)::int as size,
                vacuum_count::int as vacuums, analyze_count::int as analyzes
         from pg_stat_user_tables where relname = $1`,
        [table],
      )
    ).rows[0];
    if (!row) throw new Error(`no statistics for ${table}`);
    return row;
  };

  let jobs = 0;
  /** Runs one fold job through the maintenance worker and waits for it to complete. */
  const foldJob = async (): Promise<void> => {
    const job = await queue.add(TALLY_FOLD_JOB, {}, { jobId: `fold-${++jobs}` });
    const deadline = Date.now() + 60_000;
    while (!(await job.isCompleted())) {
      if (Date.now() > deadline || (await job.isFailed())) throw new Error(`fold job ${job.id} did not complete`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it(vacuum ? 'vacuums the pending rows the fold deleted' : 'leaves vacuuming to autovacuum', async () => {
    const campaign = await pool.query<{ id: string }>(
      `insert into campaigns (kind, name, year, opens_at, closes_at) values ('sipas', 'vacuum', 2021, '2021-01-01', '2021-12-31') returning id`,
    );
    await pool.query(
      `insert into responses (client_id, campaign_id, form_id, unit_id, channel, answers, payload_hash, completed_at)
       select gen_random_uuid(), $1, 3, 1 + g % 3, 'kiosk', jsonb_build_object('OV', 1 + g % 5), 'x',
              '2021-11-01T03:00:00Z'::timestamptz + (g % 20) * interval '1 day'
       from generate_series(1, 3000) g`,
      [campaign.rows[0]?.id],
    );
    // A first job folds the pending rows and leaves them dead (the statistics follow the
    // statements that change them, so the vacuum, if any, comes with the next job).
    const before = await stats('tally_pending');
    const responsesBefore = await stats('responses');
    await foldJob();
    expect((await pool.query<{ n: number }>('select count(*)::int as n from tally_pending')).rows[0]?.n).toBe(0);
    const deadline = Date.now() + 30_000;
    let after = await stats('tally_pending');
    while (vacuum && after.vacuums === before.vacuums && Date.now() < deadline) {
      await foldJob();
      after = await stats('tally_pending');
    }
    if (vacuum) {
      // 3,000 pending rows deleted, vacuumed: the emptied table gives its pages back.
      expect(before.size).toBeGreaterThan(0);
      expect(after.vacuums).toBe(before.vacuums + 1);
      expect(after.dead).toBe(0);
      expect(after.size).toBe(0);
      // The 3,000 new responses are due for ANALYZE (on a small sample), one of the next jobs.
      let responses = await stats('responses');
      while (responses.analyzes === responsesBefore.analyzes && Date.now() < deadline) {
        await foldJob();
        responses = await stats('responses');
      }
      expect(responses.analyzes).toBe(responsesBefore.analyzes + 1);
      expect(responses.vacuums).toBe(responsesBefore.vacuums);
    } else {
      await foldJob();
      await foldJob();
      for (const table of TABLES) {
        const s = await stats(table);
        expect({ table, vacuums: s.vacuums, analyzes: s.analyzes }).toEqual({ table, vacuums: 0, analyzes: 0 });
      }
    }
  });
});
