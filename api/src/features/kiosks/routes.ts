/** Admin routes for kiosk devices: create (pairing code + QR), list with health, revoke, re-pair, parked sessions. Prefix /api/v1/kiosks. */
import {
  errorBodySchema,
  idParamsSchema,
  kioskCreateSchema,
  kioskParkedDiscardSchema,
  kioskParkedListSchema,
  kioskParkedReleaseSchema,
  kioskSchema,
  pairingCodeSchema,
} from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { currentUser } from '../supervision/access.ts';
import { mayWatchKiosks } from '../supervision/scope.ts';
import { discardParked, listParked, releaseParked } from './fleet.ts';
import { createKiosk, listKiosks, rePairKiosk, revokeKiosk } from './service.ts';

const kioskAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['kiosks'],
        summary: 'Create a counter kiosk and its one-time pairing code (valid 15 minutes)',
        body: kioskCreateSchema,
        response: { 201: pairingCodeSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createKiosk(app.db, req.body, app.config.publicUrl, req.user?.id ?? null)),
  );

  app.get(
    '/',
    {
      onRequest: app.requireRole('admin', 'supervisor', 'observer'),
      schema: {
        tags: ['kiosks'],
        summary:
          'Kiosk devices with last seen, today’s submissions and health (heartbeat, queue, parked, errors, clock) (supervisors and observers: only while they supervise the open SIPAS campaign)',
        response: { 200: z.object({ kiosks: z.array(kioskSchema) }) },
      },
    },
    async (req) => ({ kiosks: (await mayWatchKiosks(app.db, currentUser(req.user))) ? await listKiosks(app.db) : [] }),
  );

  app.post(
    '/:id/revoke',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['kiosks'],
        summary: 'Revoke a device (its token stops working at once)',
        params: idParamsSchema,
        response: { 200: z.object({ ok: z.literal(true) }), 404: errorBodySchema },
      },
    },
    async (req) => {
      await revokeKiosk(app.db, req.params.id, req.user?.id ?? null);
      return { ok: true as const };
    },
  );

  app.post(
    '/:id/pairing-code',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['kiosks'],
        summary: 'Issue a new pairing code (re-pair; the old token stops working)',
        params: idParamsSchema,
        response: { 201: pairingCodeSchema, 404: errorBodySchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await rePairKiosk(app.db, req.params.id, app.config.publicUrl, req.user?.id ?? null)),
  );

  app.get(
    '/:id/parked',
    {
      onRequest: app.requireRole('admin', 'supervisor', 'observer'),
      schema: {
        tags: ['kiosks'],
        summary:
          'Sessions the tablet holds parked, with the reasons (supervisors and observers: only while they supervise the open SIPAS campaign)',
        params: idParamsSchema,
        response: { 200: kioskParkedListSchema, 403: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (req) => {
      if (!(await mayWatchKiosks(app.db, currentUser(req.user)))) throw new AppError('FORBIDDEN');
      return { items: await listParked(app.db, req.params.id) };
    },
  );

  const decided = z.object({ count: z.number().int() });
  app.post(
    '/:id/parked/release',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['kiosks'],
        summary: 'Release parked sessions (all, or the given ids): the tablet sends them again (audited)',
        params: idParamsSchema,
        body: kioskParkedReleaseSchema,
        response: { 200: decided, 404: errorBodySchema },
      },
    },
    async (req) => ({ count: await releaseParked(app.db, req.params.id, req.body.clientIds, req.user?.id ?? null) }),
  );

  app.post(
    '/:id/parked/discard',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['kiosks'],
        summary: 'Discard parked sessions with a reason: the tablet deletes them (audited)',
        params: idParamsSchema,
        body: kioskParkedDiscardSchema,
        response: { 200: decided, 404: errorBodySchema },
      },
    },
    async (req) => ({
      count: await discardParked(app.db, req.params.id, req.body.clientIds, req.body.reason, req.user?.id ?? null),
    }),
  );
};
export default kioskAdminRoutes;
