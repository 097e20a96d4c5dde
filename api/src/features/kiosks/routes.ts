/** Admin routes for kiosk devices: create (pairing code + QR), list, revoke, re-pair. Prefix /api/v1/kiosks. */
import { errorBodySchema, idParamsSchema, kioskCreateSchema, kioskSchema, pairingCodeSchema } from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../supervision/access.ts';
import { mayWatchKiosks } from '../supervision/scope.ts';
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
        summary: 'Kiosk devices with last seen, pending and today’s submissions (supervisors and observers: only while they supervise the open SIPAS campaign)',
        response: { 200: z.object({ kiosks: z.array(kioskSchema) }) },
      },
    },
    async (req) => ({ kiosks: (await mayWatchKiosks(app.db, currentUser(req.user))) ? await listKiosks(app.db) : [] }),
  );

  app.post(
    '/:id/revoke',
    {
      onRequest: app.requireRole('admin'),
      schema: { tags: ['kiosks'], summary: 'Revoke a device (its token stops working at once)', params: idParamsSchema, response: { 200: z.object({ ok: z.literal(true) }), 404: errorBodySchema } },
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
      schema: { tags: ['kiosks'], summary: 'Issue a new pairing code (re-pair; the old token stops working)', params: idParamsSchema, response: { 201: pairingCodeSchema, 404: errorBodySchema } },
    },
    async (req, reply) => reply.status(201).send(await rePairKiosk(app.db, req.params.id, app.config.publicUrl, req.user?.id ?? null)),
  );
};
export default kioskAdminRoutes;
