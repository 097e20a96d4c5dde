import { healthSchema } from '@hailong/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

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

/** GET /healthz: 200 `{ db: "ok", redis: "ok" }`, or 503 naming the part that failed. */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    {
      schema: { tags: ['health'], summary: 'Liveness of the database and Redis', response: { 200: healthSchema, 503: healthSchema } },
      logLevel: 'warn',
    },
    async (_req, reply) => {
      const [db, redis] = await Promise.all([
        within(2_000, app.db.execute(sql`select 1`)).then(() => 'ok' as const, () => 'down' as const),
        within(1_000, app.redis.ping()).then(() => 'ok' as const, () => 'down' as const),
      ]);
      return reply.status(db === 'ok' && redis === 'ok' ? 200 : 503).send({ db, redis });
    },
  );
};
export default healthRoutes;
