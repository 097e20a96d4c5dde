/**
 * A wrong personal link is limited per client address across every API process: the count lives
 * in Redis, so a second process (or a restarted one) does not hand out a fresh budget; with Redis
 * down each process still limits on its own count, and the answer never waits on Redis.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { TEST_REDIS_URL, uniquePrefix } from '../../test/support/redis.ts';

const MAX = 20; // the guard's limit: 20 wrong tokens per address per 10 minutes
const prefix = uniquePrefix();
let a: TestApp;
let b: TestApp;
let redis: Redis;

async function untilReady(t: TestApp): Promise<void> {
  for (let i = 0; i < 100 && t.app.redis.status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 20));
}

const guess = (t: TestApp, ip: string, i: number) =>
  t.app.inject({ method: 'GET', url: `/api/v1/s/wrong-${i}-${'z'.repeat(30)}`, remoteAddress: ip }).then((r) => r.statusCode);

beforeAll(async () => {
  [a, b] = await Promise.all([buildTestApp({ queuePrefix: prefix }), buildTestApp({ queuePrefix: prefix })]);
  await Promise.all([untilReady(a), untilReady(b)]);
  redis = new Redis(TEST_REDIS_URL);
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:bad-token:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await Promise.all([a?.close(), b?.close()]);
});

describe('wrong-token limit shared through Redis', () => {
  it('limits an address on a second API process once the first used up its budget', async () => {
    const ip = '10.20.30.40';
    for (let i = 0; i < MAX; i++) expect(await guess(a, ip, i)).toBe(404);
    expect(await guess(a, ip, MAX)).toBe(429);
    // The other process has never seen this address itself, yet it refuses at once.
    expect(await guess(b, ip, MAX + 1)).toBe(429);
    expect(b.app.redis.status).toBe('ready');
    // Another address still gets honest 404s.
    expect(await guess(b, '10.20.30.41', 0)).toBe(404);
  });

  it('splits one budget between processes: 10 guesses on each and the 21st is refused', async () => {
    const ip = '10.20.30.50';
    for (let i = 0; i < MAX / 2; i++) expect(await guess(a, ip, i)).toBe(404);
    for (let i = 0; i < MAX / 2; i++) expect(await guess(b, ip, i)).toBe(404);
    expect(await guess(a, ip, MAX)).toBe(429);
    expect(await guess(b, ip, MAX)).toBe(429);
  });

  it('keeps neither the token nor the address in the Redis key, and the count expires', async () => {
    const ip = '10.20.30.60';
    await guess(a, ip, 7);
    const keys = await redis.keys(`${prefix}:bad-token:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) {
      expect(k).not.toContain('wrong-');
      expect(k).not.toContain('zzzz');
      expect(k).not.toContain('10.20.30');
    }
    const ttls = await Promise.all(keys.map((k) => redis.pttl(k)));
    for (const ttl of ttls) {
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(10 * 60_000);
    }
  });
});

describe('wrong-token limit with Redis down', () => {
  it('still limits on the process’s own count and answers without waiting for Redis', async () => {
    const down = await buildTestApp({ redisUrl: 'redis://127.0.0.1:1' });
    try {
      const ip = '10.20.30.70';
      const started = Date.now();
      for (let i = 0; i < MAX; i++) expect(await guess(down, ip, i)).toBe(404);
      expect(await guess(down, ip, MAX)).toBe(429);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await down.close();
    }
  });
});
