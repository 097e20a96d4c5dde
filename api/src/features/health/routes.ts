/**
 * Health by purpose. /livez: the process runs (restart it when this fails). /readyz: this replica
 * can store responses — the database answers; Redis down is `degraded`, not unready, since no
 * response touches Redis (a load balancer keeps the replica). /healthz: every part, including the
 * worker's heartbeat age; 503 naming what failed, for monitoring.
 */
import { healthSchema, livenessSchema, readinessSchema } from '@hailong/contracts';
import { heartbeatKey } from '@hailong/runtime';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** A worker that has not beaten for this long is reported `late`. */
export const WORKER_LATE_MS = 3 * 60_000;

async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const dbState = (app: FastifyInstance) =>
  within(2_000, app.db.execute(sql`select 1`)).then(
    () => 'ok' as const,
    () => 'down' as const,
  );
const redisState = (app: FastifyInstance) =>
  within(1_000, app.redis.ping()).then(
    () => 'ok' as const,
    () => 'down' as const,
  );

async function workerState(app: FastifyInstance, now = Date.now()) {
  const beat = await within(1_000, app.redis.get(heartbeatKey(app.config.queuePrefix))).catch(() => undefined);
  if (beat === undefined) return { status: 'unknown' as const, lastBeatAt: null, ageSeconds: null };
  const at = beat ? Date.parse(beat) : NaN;
  if (Number.isNaN(at)) return { status: 'late' as const, lastBeatAt: null, ageSeconds: null };
  const age = Math.max(0, now - at);
  return {
    status: age <= WORKER_LATE_MS ? ('ok' as const) : ('late' as const),
    lastBeatAt: new Date(at).toISOString(),
    ageSeconds: Math.round(age / 1000),
  };
}

const startedAt = Date.now();

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/livez',
    { schema: { tags: ['health'], summary: 'The process runs', response: { 200: livenessSchema } }, logLevel: 'warn' },
    async () => ({ status: 'alive' as const, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'Can store responses (database reachable; Redis down = degraded)',
        response: { 200: readinessSchema, 503: readinessSchema },
      },
      logLevel: 'warn',
    },
    async (_req, reply) => {
      const [db, redis] = await Promise.all([dbState(app), redisState(app)]);
      const status = db === 'down' ? 'unready' : redis === 'down' ? 'degraded' : 'ready';
      return reply.status(db === 'ok' ? 200 : 503).send({ status, db, redis });
    },
  );

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Every part: database, Redis, worker heartbeat (503 naming what failed)',
        response: { 200: healthSchema, 503: healthSchema },
      },
      logLevel: 'warn',
    },
    async (_req, reply) => {
      const [db, redis, worker] = await Promise.all([dbState(app), redisState(app), workerState(app)]);
      const ok = db === 'ok' && redis === 'ok' && worker.status === 'ok';
      return reply.status(ok ? 200 : 503).send({ db, redis, worker });
    },
  );
};
export default healthRoutes;
