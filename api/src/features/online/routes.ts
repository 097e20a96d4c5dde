/**
 * Public online-service form per unit (form 02/2021-DVCTT). Prefix /api/v1/o.
 * GET  /:unitCode               unit name, form 02, whether a dossier number or rating code is required (public)
 * POST /:unitCode/responses     submit form 02 (public; bursts are stored suspect, stuffing.ts)
 * PUT  /:unitCode/settings      require a dossier number or rating code for the unit (admin, audited)
 */
import {
  errorBodySchema,
  onlineFormInfoSchema,
  onlineFormSettingsInputSchema,
  onlineFormSettingsSchema,
  onlineResponseInputSchema,
  responseReceiptSchema,
  unitCodeSchema,
} from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { onlineSubmitBatcher } from './repo.ts';
import { onlineFormInfo, setOnlineCodeRequired, submitOnlineResponse } from './service.ts';

const params = z.object({ unitCode: unitCodeSchema });

const onlineRoutes: FastifyPluginAsyncZod = async (app) => {
  const batcher = onlineSubmitBatcher(app.pg.pool);
  app.get(
    '/:unitCode',
    {
      schema: {
        tags: ['online'],
        summary: 'Unit name and form 02 (public shape)',
        params,
        response: { 200: onlineFormInfoSchema, 404: errorBodySchema },
      },
    },
    async (req) => onlineFormInfo(app.db, req.params.unitCode),
  );

  app.post(
    '/:unitCode/responses',
    {
      // Per client (IP) — these are citizens at home, not an office behind one address.
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['online'],
        summary: 'Submit form 02; 201 new, 200 replay, 409 conflict or dossier already rated',
        params,
        body: onlineResponseInputSchema,
        response: {
          200: responseReceiptSchema,
          201: responseReceiptSchema,
          400: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema,
          429: errorBodySchema,
        },
      },
    },
    async (req, reply) => {
      const ctx = { secret: app.config.tokenSecret, limits: app.config.onlineLimits, address: req.ip };
      const r = await submitOnlineResponse(app.db, batcher, ctx, req.params.unitCode, req.body);
      return reply.status(r.status === 'stored' ? 201 : 200).send(r.receipt);
    },
  );

  app.put(
    '/:unitCode/settings',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['online'],
        summary: 'Require a dossier number or a rating code with every form 02 of the unit (audited)',
        params,
        body: onlineFormSettingsInputSchema,
        response: {
          200: onlineFormSettingsSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (req) => setOnlineCodeRequired(app.db, req.params.unitCode, req.body.codeRequired, req.user?.id ?? null),
  );
};
export default onlineRoutes;
