/** The worker's repeatable jobs come back by themselves after Redis loses them (flush, new instance). */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { heartbeatKey, jobId, QUEUE } from '@hailong/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkerConfig, startWorker, type WorkerHandle } from '@hailong/worker';
import { testEnv } from '../../test/support/env.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg.ts';
import { removeKeys, TEST_REDIS_URL, uniquePrefix } from '../../test/support/redis.ts';

const IDS = [jobId.heartbeat(), jobId.sweep(), jobId.reclaim(), jobId.tallyFold()];

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('repeatable jobs', () => {
  let database: TestDatabase;
  let worker: WorkerHandle;
  const logs: Array<Record<string, unknown>> = [];
  const prefix = uniquePrefix();
  const redis = new Redis(TEST_REDIS_URL);
  const queue = new Queue(QUEUE.maintenance, { connection: redis, prefix });

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadWorkerConfig(testEnv({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix }));
    worker = await startWorker(config, { log: (_level, msg, extra) => void logs.push({ msg, ...extra }), scheduleCheckMs: 200 });
  });
  afterAll(async () => {
    await worker.close();
    await queue.close();
    redis.disconnect();
    await removeKeys(prefix);
    await database.drop();
  });

  const present = async () => (await Promise.all(IDS.map((id) => queue.getJobScheduler(id)))).every(Boolean);

  it('are created at start, with a first heartbeat at once', async () => {
    await until('schedulers', present);
    expect(await until('heartbeat', () => redis.get(heartbeatKey(prefix)).then((v) => v ?? undefined))).toMatch(/^\d{4}-/);
  });

  it('are re-created after every key of the installation is gone (a flushed Redis)', async () => {
    await until('schedulers', present);
    expect(logs.filter((l) => String(l.msg).includes('re-created'))).toEqual([]);
    expect(await removeKeys(prefix)).toBeGreaterThan(0);
    const recreated = await until('the re-creation', async () => logs.find((l) => String(l.msg).includes('re-created')));
    expect((recreated.schedules as string[]).length).toBeGreaterThan(0);
    await until('re-created schedulers', present);
    // The queued mail went with the keys: due mail is re-derived from the database at once.
    await until('the recovery sweep', async () =>
      logs.find((l) => l.msg === 'due mail re-enqueued' && l.reason === 'schedules missing'),
    );
  });
});
