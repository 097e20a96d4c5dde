/** Admin: generate one-time rating codes for result slips. Prefix /api/v1/campaigns. */
import { errorBodySchema, idParamsSchema, ratingCodesCreateSchema, ratingCodesCreatedSchema } from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { generateRatingCodes } from './service.ts';

const ratingCodeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/:id/rating-codes',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['rating-codes'],
        summary: 'Generate N single-use rating codes for a unit (shown once)',
        params: idParamsSchema,
        body: ratingCodesCreateSchema,
        response: { 201: ratingCodesCreatedSchema, 404: errorBodySchema },
      },
    },
    async (req, reply) => {
      const codes = await generateRatingCodes(app.db, app.config.tokenSecret, req.params.id, req.body.unitCode, req.body.count);
      return reply.status(201).send({ unitCode: req.body.unitCode, codes });
    },
  );
};
export default ratingCodeRoutes;
