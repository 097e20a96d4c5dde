/** Producer queues (BullMQ) on the fail-fast Redis connection. Enqueue only after commit. */
import { createProducerQueues, type ProducerQueues } from '@hailong/runtime';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    queues: ProducerQueues;
    /** Runs an enqueue; a Redis outage becomes 503 SERVICE_UNAVAILABLE (the DB change is kept and the sweeper catches up). */
    enqueue: <T>(fn: (q: ProducerQueues) => Promise<T>) => Promise<T>;
  }
}

export default fp(
  async (app: FastifyInstance, opts: { prefix: string }) => {
    const queues = createProducerQueues(app.redis, opts.prefix, (err) => app.log.debug({ err: err.message }, 'queue error'));
    app.decorate('queues', queues);
    app.decorate('enqueue', async <T>(fn: (q: ProducerQueues) => Promise<T>): Promise<T> => {
      try {
        return await fn(queues);
      } catch (err) {
        app.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'enqueue failed');
        throw new AppError('SERVICE_UNAVAILABLE', { part: 'redis' });
      }
    });
    app.addHook('onClose', async () => {
      await queues.close();
    });
  },
  { name: 'queues', dependencies: ['redis'] },
);
