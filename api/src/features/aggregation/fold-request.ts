/**
 * A results read that left a large unfolded tail out (pending-tail.ts) asks the worker to fold now.
 * The request does not wait for Redis or the fold: the answer is already computed, and the
 * scheduled fold catches up anyway if the request is lost.
 */
import { requestTallyFold } from '@hailong/runtime';
import type { FastifyInstance } from 'fastify';
import type { PendingTail } from './pending-tail.ts';

export function foldIfLeftOut<T extends { pending: PendingTail }>(app: FastifyInstance, figures: T): T {
  if (!figures.pending.counted) {
    requestTallyFold(app.queues.maintenance, (err) => app.log.debug({ err: err.message }, 'fold request not queued'));
  }
  return figures;
}
