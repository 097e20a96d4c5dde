/**
 * The producer side of Redis. Fails fast (no offline queue, one retry) so that a Redis outage
 * becomes a clear 503 instead of a hung request. The response write path never uses it.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';

declare module 'fastify' {
  interface FastifyInstance {
    redis: Redis;
  }
}

export default fp(
  async (app: FastifyInstance, opts: { url: string }) => {
    const redis = new Redis(opts.url, {
      enableOfflineQueue: false,
      // The ready check (INFO) would run on a non-writable stream with no offline queue and reject unhandled.
      enableReadyCheck: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      lazyConnect: true,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
      // Commands issued in the same tick (the rate-limit hits of forms arriving together) leave in one
      // socket write instead of one write each.
      enableAutoPipelining: true,
    });
    redis.on('error', (err: Error) => app.log.debug({ err: err.message }, 'redis producer connection error'));
    redis.connect().catch(() => undefined);
    app.decorate('redis', redis);
    app.addHook('onClose', async () => {
      redis.disconnect();
    });
  },
  { name: 'redis' },
);
