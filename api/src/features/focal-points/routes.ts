/**
 * Focal points (đầu mối CCHC), admin only. Prefix /api/v1.
 * GET /focal-points[?campaignId=] · PUT /focal-points/:unitCode { name, email } · DELETE /focal-points/:unitCode
 */
import {
  errorBodySchema,
  focalPointInputSchema,
  focalPointListSchema,
  focalPointQuerySchema,
  focalPointSchema,
  unitCodeParamsSchema,
} from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeFocalPoint, listFocalPoints } from './service.ts';

const focalPointRoutes: FastifyPluginAsyncZod = async (app) => {
  const admin = app.requireRole('admin');
  const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

  app.get(
    '/focal-points',
    {
      onRequest: admin,
      schema: {
        tags: ['staff-survey'],
        summary:
          "Units' focal points (đầu mối CCHC); with campaignId only the units that have respondents in that staff campaign",
        querystring: focalPointQuerySchema,
        response: { 200: focalPointListSchema, ...errors, 409: errorBodySchema },
      },
    },
    async (req) => ({ focalPoints: await listFocalPoints(app.db, req.query.campaignId) }),
  );

  app.put(
    '/focal-points/:unitCode',
    {
      onRequest: admin,
      schema: {
        tags: ['staff-survey'],
        summary: "Set a unit's focal point, who receives the response-rate digest (audited)",
        params: unitCodeParamsSchema,
        body: focalPointInputSchema,
        response: { 200: focalPointSchema, ...errors },
      },
    },
    async (req) => changeFocalPoint(app.db, req.params.unitCode, req.body, req.user?.id ?? null),
  );

  app.delete(
    '/focal-points/:unitCode',
    {
      onRequest: admin,
      schema: {
        tags: ['staff-survey'],
        summary: "Clear a unit's focal point: the unit then gets no digest (audited)",
        params: unitCodeParamsSchema,
        response: { 200: focalPointSchema, ...errors },
      },
    },
    async (req) => changeFocalPoint(app.db, req.params.unitCode, null, req.user?.id ?? null),
  );
};
export default focalPointRoutes;
