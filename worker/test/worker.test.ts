import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { createProducerQueues, QUEUE } from '@hailong/runtime';
import { loadWorkerConfig, startWorker, type WorkerHandle } from '@hailong/worker';
import { testEnv } from '../../test/support/env.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg.ts';
import { TEST_REDIS_URL, uniquePrefix } from '../../test/support/redis.ts';

describe('worker', () => {
  let database: TestDatabase;
  let worker: WorkerHandle;
  const prefix = uniquePrefix();
  beforeAll(async () => {
    database = await createTestDatabase();
    worker = await startWorker(
      loadWorkerConfig(testEnv({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix })),
      {
        schedulers: false,
        log: () => undefined,
      },
    );
  });
  afterAll(async () => {
    await worker.close();
    await database.drop();
  });

  it('runs a heartbeat job through real Redis and records the beat', async () => {
    const conn = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const q = new Queue(QUEUE.maintenance, { connection: conn, prefix });
    const events = new QueueEvents(QUEUE.maintenance, { connection: conn.duplicate(), prefix });
    try {
      await events.waitUntilReady();
      const job = await q.add('heartbeat', { at: new Date().toISOString() });
      const result = (await job.waitUntilFinished(events, 10_000)) as string;
      expect(new Date(result).getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(await conn.get(`${prefix}:worker:heartbeat`)).toBe(result);
    } finally {
      await events.close();
      await q.close();
      conn.disconnect();
    }
  });

  it('closes gracefully: a closed worker takes no more jobs', async () => {
    const w2 = await startWorker(
      loadWorkerConfig(testEnv({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: uniquePrefix() })),
      {
        schedulers: false,
        log: () => undefined,
      },
    );
    const t0 = Date.now();
    await w2.close();
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

describe('producers', () => {
  it('fail fast when Redis is down instead of hanging', async () => {
    const conn = new Redis('redis://127.0.0.1:1', {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    conn.on('error', () => undefined);
    const queues = createProducerQueues(conn, uniquePrefix());
    const t0 = Date.now();
    await expect(queues.mail.add('x', { deliveryId: crypto.randomUUID() })).rejects.toThrow();
    expect(Date.now() - t0).toBeLessThan(3_000);
    await queues.close();
    conn.disconnect();
  });
});
