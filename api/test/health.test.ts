import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { testEnv } from '../../test/support/env.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg.ts';
import { TEST_REDIS_URL, uniquePrefix } from '../../test/support/redis.ts';

describe('GET /healthz', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  const build = (databaseUrl: string, redisUrl: string) =>
    buildApp({ ...loadConfig(testEnv({ REDIS_URL: redisUrl })), queuePrefix: uniquePrefix(), databaseUrl });

  it('answers 200 with db and redis ok when both are up', async () => {
    const app = await build(database.url, TEST_REDIS_URL);
    try {
      let res = await app.inject({ url: '/healthz' });
      for (let i = 0; i < 20 && res.statusCode !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        res = await app.inject({ url: '/healthz' });
      }
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ db: 'ok', redis: 'ok' });
    } finally {
      await app.close();
    }
  });

  it('answers 503 naming redis when Redis is down', async () => {
    const app = await build(database.url, 'redis://127.0.0.1:1');
    try {
      const res = await app.inject({ url: '/healthz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ db: 'ok', redis: 'down' });
    } finally {
      await app.close();
    }
  });

  it('answers 503 naming db when the database is down', async () => {
    const app = await build('postgres://postgres@127.0.0.1:1/none', TEST_REDIS_URL);
    try {
      await new Promise((r) => setTimeout(r, 300));
      const res = await app.inject({ url: '/healthz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ db: 'down', redis: 'ok' });
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
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/api/v1/auth/login', '/api/v1/campaigns/']));
    } finally {
      await app.close();
    }
  });
});
