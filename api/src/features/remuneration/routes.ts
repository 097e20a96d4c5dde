import { errorBodySchema, idParamsSchema, remunerationQuerySchema, remunerationSchema } from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getCampaign } from '../campaigns/service.ts';
import { remuneration, remunerationXlsx } from './service.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const remunerationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/campaigns/:id/remuneration',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['fieldwork'],
        summary: 'Remuneration per enumerator: valid forms × rate (format=xlsx for the payment sheet)',
        params: idParamsSchema,
        querystring: remunerationQuerySchema,
        response: { 200: remunerationSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (req, reply) => {
      const campaign = await getCampaign(app.db, req.params.id);
      const report = await remuneration(app.db, req.params.id, req.query.rate);
      if (req.query.format === 'json') return report;
      const file = await remunerationXlsx(report, campaign.name);
      return (
        reply
          .type(XLSX_TYPE)
          .header('content-disposition', `attachment; filename="thu-lao-${campaign.year}.xlsx"`)
          // A Buffer bypasses the JSON serializer; the 200 schema documents the JSON variant.
          .send(file as never)
      );
    },
  );
};
export default remunerationRoutes;
