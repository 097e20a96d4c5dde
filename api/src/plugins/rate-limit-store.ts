/**
 * The @fastify/rate-limit store of the API: counts in Redis, so every replica shares one limit per
 * caller and route; while Redis is down, each process counts locally (limits stay on, per process)
 * instead of failing or letting everything through. Fixed windows: the first hit of a key starts it.
 *
 * A hit is one Redis command (a script doing INCR, PEXPIRE NX and PTTL atomically, as the MULTI of
 * these three did) rather than a five-command transaction: the online form checks the limit on every
 * form, and writing that transaction to the socket cost about as much of the API's CPU as answering
 * the form (docs/0031-online-rate-limit-round-trip.md).
 */
import type { Redis } from 'ioredis';

type Result = { current: number; ttl: number };
type Callback = (err: Error | null, res: Result) => void;

/** What the plugin passes to child(): the route's options (routeInfo at run time; method/url in its types). */
interface RouteOptions {
  routeInfo?: { method: string; url: string };
  method?: string | string[];
  url?: string;
}

class LocalCounts {
  private readonly hits = new Map<string, { current: number; resetAt: number }>();

  incr(key: string, timeWindow: number, now = Date.now()): Result {
    let entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.hits.size >= 10_000) this.hits.clear();
      entry = { current: 0, resetAt: now + timeWindow };
      this.hits.set(key, entry);
    }
    entry.current += 1;
    return { current: entry.current, ttl: entry.resetAt - now };
  }

  read(key: string, now = Date.now()): Result {
    const entry = this.hits.get(key);
    return entry && entry.resetAt > now ? { current: entry.current, ttl: entry.resetAt - now } : { current: 0, ttl: 0 };
  }
}

/** KEYS[1] the caller's count, ARGV[1] the window (ms): { count after this hit, ms left in the window }. */
const INCR_IN_WINDOW = `local n = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1], 'NX')
return { n, redis.call('PTTL', KEYS[1]) }`;

interface WindowCounter {
  rateLimitHit(key: string, windowMs: number): Promise<[number, number]>;
}

/** A store class for `rateLimit({ store })`, bound to the app's Redis and key prefix. */
export function sharedRateLimitStore(redis: Redis, prefix: string) {
  const local = new LocalCounts();
  // EVALSHA, with EVAL once after a Redis restart forgot the script.
  if (!('rateLimitHit' in redis)) redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: INCR_IN_WINDOW });
  const counter = redis as unknown as WindowCounter;
  return class SharedRateLimitStore {
    private readonly key: string;

    constructor(_options?: unknown, key = `${prefix}:rate:`) {
      this.key = key;
    }

    incr(ip: string, cb: Callback, timeWindow: number): void {
      const k = this.key + ip;
      counter
        .rateLimitHit(k, timeWindow)
        .then(([current, ttl]) => {
          if (!Number.isInteger(current)) throw new Error('rate-limit count failed');
          cb(null, { current, ttl: ttl > 0 ? ttl : timeWindow });
        })
        .catch(() => cb(null, local.incr(k, timeWindow)));
    }

    read(ip: string, cb: Callback): void {
      const k = this.key + ip;
      Promise.all([redis.get(k), redis.pttl(k)])
        .then(([v, ttl]) => cb(null, { current: Number(v ?? 0), ttl: Math.max(0, ttl) }))
        .catch(() => cb(null, local.read(k)));
    }

    child(route: RouteOptions): SharedRateLimitStore {
      const method = route.routeInfo?.method ?? String(route.method);
      const url = route.routeInfo?.url ?? route.url ?? '';
      return new SharedRateLimitStore(undefined, `${this.key}${method}${url}:`);
    }
  };
}
