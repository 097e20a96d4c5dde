/**
 * Rate limits are shared by every API process through Redis (two apps on one Redis count together),
 * and stay on per process while Redis is down (local counts), instead of failing or letting all through.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { testEnv } from '../../test/support/env.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg.ts';
import { removeKeys, TEST_REDIS_URL, uniquePrefix } from '../../test/support/redis.ts';

const LOGIN_LIMIT = 20; // per caller per minute (auth routes)

async function attempt(app: FastifyInstance, n: number): Promise<number> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: `nobody-${n}@example.vn`, password: 'Wrong-Pass-2026!' },
  });
  return res.statusCode;
}

async function redisReady(app: FastifyInstance): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if ((await app.inject({ url: '/readyz' })).json<{ redis: string }>().redis === 'ok') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('redis never came up');
}

describe('rate limits across API processes', () => {
  let database: TestDatabase;
  const prefix = uniquePrefix();
  const apps: FastifyInstance[] = [];
  const build = async (redisUrl: string, queuePrefix: string) => {
    const app = await buildApp({ ...loadConfig(testEnv({ REDIS_URL: redisUrl })), queuePrefix, databaseUrl: database.url });
    apps.push(app);
    return app;
  };
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await removeKeys(prefix);
    await database.drop();
  });

  it('two processes on one Redis share one limit', async () => {
    const [a, b] = [await build(TEST_REDIS_URL, prefix), await build(TEST_REDIS_URL, prefix)];
    await Promise.all([redisReady(a), redisReady(b)]);
    const statuses: number[] = [];
    for (let n = 0; n < LOGIN_LIMIT + 2; n++) statuses.push(await attempt(n % 2 === 0 ? a : b, n));
    expect(statuses.slice(0, LOGIN_LIMIT).filter((s) => s === 429)).toEqual([]);
    expect(statuses.slice(LOGIN_LIMIT)).toEqual([429, 429]);
  });

  it('a window starts at the first hit: later hits count in it and do not prolong it', async () => {
    const queuePrefix = uniquePrefix();
    const app = await build(TEST_REDIS_URL, queuePrefix);
    await redisReady(app);
    await attempt(app, 0);
    const [key] = await app.redis.keys(`${queuePrefix}:rate:*`);
    if (!key) throw new Error('no rate-limit key');
    expect(Number(await app.redis.get(key))).toBe(1);
    const firstTtl = await app.redis.pttl(key);
    expect(firstTtl).toBeGreaterThan(55_000);
    expect(firstTtl).toBeLessThanOrEqual(60_000);
    await app.redis.pexpire(key, 5_000); // as if 55 s of the window had passed
    await attempt(app, 1);
    expect(Number(await app.redis.get(key))).toBe(2);
    expect(await app.redis.pttl(key)).toBeLessThanOrEqual(5_000);
    await removeKeys(queuePrefix);
  });

  it('with Redis down, each process still limits on its own count', async () => {
    const app = await build('redis://127.0.0.1:1', uniquePrefix());
    const statuses: number[] = [];
    for (let n = 0; n < LOGIN_LIMIT + 1; n++) statuses.push(await attempt(app, n));
    expect(statuses.slice(0, LOGIN_LIMIT).filter((s) => s === 429)).toEqual([]);
    expect(statuses[LOGIN_LIMIT]).toBe(429);
  });
});
