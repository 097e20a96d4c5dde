/** Routes the tablet itself calls: pair with a one-time code, then submit and send heartbeats with its device token. Prefix /api/v1/kiosk. */
import {
  errorBodySchema,
  kioskFormReplySchema,
  kioskHeartbeatInputSchema,
  kioskHeartbeatReplySchema,
  kioskPairInputSchema,
  kioskPairedSchema,
  kioskResponseInputSchema,
  responseReceiptSchema,
  toPublicForm,
} from '@hailong/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordHeartbeat } from './fleet.ts';
import { authenticateDevice, bearerTokenHash, pairDevice } from './service.ts';
import { currentKioskForm } from './kiosk-form.ts';
import { AppError } from '../../errors.ts';
import { SharedCounter } from '../../lib/shared-counter.ts';
import { deviceUnitId } from './device-cache.ts';
import { submitKioskResponse } from './submit.ts';
import { KioskSubmitBatcher } from './submit-batcher.ts';

/** Wrong pairing codes accepted per 10 minutes for the whole installation (docs/0009-abuse-limits.md). */
export const PAIRING_FAILURES_MAX = 200;

const kioskDeviceRoutes: FastifyPluginAsyncZod = async (app) => {
  const batcher = new KioskSubmitBatcher(app.pg.pool);
  const pairingFailures = new SharedCounter(app.redis, {
    keyPrefix: `${app.config.queuePrefix}:pairing-failed`,
    windowMs: 10 * 60_000,
  });
  // The device token is checked before the body is read: an unpaired caller gets 401, never a schema error.
  // Its hash is kept for the handler, so the token is hashed once per request.
  const tokenHashes = new WeakMap<FastifyRequest, string>();
  const pairedDevice = async (req: FastifyRequest) => {
    const tokenHash = bearerTokenHash(req.headers.authorization);
    if ((await deviceUnitId(app.db, tokenHash)) === undefined) throw new AppError('DEVICE_UNAUTHORIZED');
    tokenHashes.set(req, tokenHash);
  };
  const deviceTokenHash = (req: FastifyRequest) => tokenHashes.get(req) ?? bearerTokenHash(req.headers.authorization);
  app.post(
    '/pair',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['kiosk'],
        summary: 'Pair a tablet with a one-time code; returns the device token once',
        body: kioskPairInputSchema,
        response: { 200: kioskPairedSchema, 400: errorBodySchema },
      },
    },
    async (req) => {
      // Wrong codes are limited installation-wide too (not per address only): over the budget no code is checked.
      const [failed = 0] = await pairingFailures.counts(['all']);
      if (failed >= PAIRING_FAILURES_MAX) throw new AppError('RATE_LIMITED');
      try {
        return await pairDevice(app.db, req.body.pairingCode);
      } catch (err) {
        if (err instanceof AppError && err.code === 'PAIRING_CODE_INVALID') await pairingFailures.add(['all']);
        throw err;
      }
    },
  );

  app.post(
    '/responses',
    {
      onRequest: pairedDevice,
      schema: {
        tags: ['kiosk'],
        summary: 'Submit one kiosk session (Bearer device token); 201 new, 200 replay, 409 conflict',
        body: kioskResponseInputSchema,
        response: {
          200: responseReceiptSchema,
          201: responseReceiptSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          409: errorBodySchema,
        },
      },
    },
    async (req, reply) => {
      const r = await submitKioskResponse(app.db, batcher, app.config.tokenSecret, deviceTokenHash(req), req.body);
      return reply.status(r.status === 'stored' ? 201 : 200).send(r.receipt);
    },
  );

  app.post(
    '/heartbeat',
    {
      onRequest: pairedDevice,
      schema: {
        tags: ['kiosk'],
        summary:
          'Tablet heartbeat (Bearer device token, every minute): queue, parked sessions, last error, clock; answers decisions and the open campaign',
        body: kioskHeartbeatInputSchema,
        response: { 200: kioskHeartbeatReplySchema, 400: errorBodySchema, 401: errorBodySchema },
      },
    },
    async (req) => recordHeartbeat(app.db, deviceTokenHash(req), req.body),
  );

  app.get(
    '/form',
    {
      onRequest: pairedDevice,
      schema: {
        tags: ['kiosk'],
        summary: 'The form the tablet shows now (Bearer device token): fetched when a heartbeat names another one',
        response: { 200: kioskFormReplySchema, 401: errorBodySchema },
      },
    },
    async (req) => {
      const device = await authenticateDevice(app.db, req.headers.authorization);
      return { form: toPublicForm((await currentKioskForm(app.db, device.mode)).definition) };
    },
  );
};
export default kioskDeviceRoutes;
