/**
 * Health by purpose against the real database and Redis: /livez, /readyz (Redis down = degraded,
 * still 200; database down = 503) and /healthz (every part, with the worker's heartbeat age).
 */
import { heartbeatKey } from '@hailong/runtime';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { testEnv } from '../../test/support/env.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg.ts';
import { removeKeys, TEST_REDIS_URL, uniquePrefix } from '../../test/support/redis.ts';

describe('health endpoints', () => {
  let database: TestDatabase;
  const prefix = uniquePrefix();
  const redis = new Redis(TEST_REDIS_URL);
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await removeKeys(prefix);
    redis.disconnect();
    await database.drop();
  });

  const build = (databaseUrl: string, redisUrl: string) =>
    buildApp({ ...loadConfig(testEnv({ REDIS_URL: redisUrl })), queuePrefix: prefix, databaseUrl });

  /** Waits until the app's lazy Redis connection is up (readyz says redis ok). */
  async function redisUp(app: Awaited<ReturnType<typeof build>>) {
    for (let i = 0; i < 50; i++) {
      if ((await app.inject({ url: '/readyz' })).json<{ redis: string }>().redis === 'ok') return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('redis never came up');
  }

  async function settled(app: Awaited<ReturnType<typeof build>>, url: string, status: number) {
    let res = await app.inject({ url });
    for (let i = 0; i < 30 && res.statusCode !== status; i++) {
      await new Promise((r) => setTimeout(r, 100));
      res = await app.inject({ url });
    }
    return res;
  }

  it('all up with a fresh worker beat: /livez, /readyz and /healthz answer 200', async () => {
    const app = await build(database.url, TEST_REDIS_URL);
    try {
      await redis.set(heartbeatKey(prefix), new Date(Date.now() - 30_000).toISOString(), 'EX', 600);
      expect((await app.inject({ url: '/livez' })).json()).toMatchObject({ status: 'alive' });
      // Redis down is degraded yet 200: wait for the app's lazy connection before reading it as up.
      await redisUp(app);
      const ready = await settled(app, '/readyz', 200);
      expect(ready.json()).toEqual({ status: 'ready', db: 'ok', redis: 'ok' });
      const health = await settled(app, '/healthz', 200);
      expect(health.statusCode).toBe(200);
      expect(health.json()).toMatchObject({ db: 'ok', redis: 'ok', worker: { status: 'ok' } });
      expect(health.json<{ worker: { ageSeconds: number } }>().worker.ageSeconds).toBeGreaterThanOrEqual(29);
    } finally {
      await app.close();
    }
  });

  it('flags the worker when it has not beaten within 3 minutes, or never', async () => {
    const app = await build(database.url, TEST_REDIS_URL);
    try {
      const fourMinutesAgo = new Date(Date.now() - 4 * 60_000).toISOString();
      await redis.set(heartbeatKey(prefix), fourMinutesAgo, 'EX', 600);
      await redisUp(app);
      const late = await app.inject({ url: '/healthz' });
      expect(late.statusCode).toBe(503);
      expect(late.json()).toMatchObject({ db: 'ok', redis: 'ok', worker: { status: 'late', lastBeatAt: fourMinutesAgo } });
      await redis.del(heartbeatKey(prefix));
      expect((await app.inject({ url: '/healthz' })).json()).toMatchObject({ worker: { status: 'late', lastBeatAt: null } });
      expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('Redis down: ready but degraded (responses are still stored), /healthz 503 naming redis', async () => {
    const app = await build(database.url, 'redis://127.0.0.1:1');
    try {
      const ready = await app.inject({ url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'degraded', db: 'ok', redis: 'down' });
      const res = await app.inject({ url: '/healthz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ db: 'ok', redis: 'down', worker: { status: 'unknown' } });
    } finally {
      await app.close();
    }
  });

  it('database down: unready (503) and /healthz 503 naming db', async () => {
    const app = await build('postgres://postgres@127.0.0.1:1/none', TEST_REDIS_URL);
    try {
      await new Promise((r) => setTimeout(r, 300));
      const ready = await app.inject({ url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'unready', db: 'down' });
      const res = await app.inject({ url: '/healthz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ db: 'down', redis: 'ok' });
      expect((await app.inject({ url: '/livez' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('serves the OpenAPI document at /docs/json', async () => {
    const app = await build(database.url, TEST_REDIS_URL);
    try {
      const res = await app.inject({ url: '/docs/json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json<{ paths: Record<string, unknown> }>();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/livez', '/readyz', '/healthz', '/api/v1/auth/login', '/api/v1/campaigns/']),
      );
    } finally {
      await app.close();
    }
  });
});
