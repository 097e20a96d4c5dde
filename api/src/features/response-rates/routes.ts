/** GET /api/v1/campaigns/:id/response-rates (+ CSV export). */
import { errorBodySchema, idParamsSchema, responseRatesSchema } from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { campaignScope } from '../supervision/scope.ts';
import { responseRates } from './service.ts';
import { ratesCsv, ratesXlsx } from './export.ts';

const responseRateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/response-rates',
    {
      onRequest: campaignScope(app, ['admin', 'supervisor', 'observer']),
      schema: {
        tags: ['staff-survey'],
        summary: 'Live response rates: overall, per unit, per respondent group and per day',
        params: idParamsSchema,
        response: { 200: responseRatesSchema, 404: errorBodySchema },
      },
    },
    async (req) => responseRates(app.db, req.params.id),
  );

  app.get(
    '/:id/response-rates.csv',
    {
      onRequest: campaignScope(app, ['admin', 'supervisor', 'observer']),
      schema: {
        tags: ['staff-survey'],
        summary: 'Response rates per unit as CSV (UTF-8 with BOM)',
        params: idParamsSchema,
        response: { 200: z.string(), 404: errorBodySchema },
      },
    },
    async (req, reply) => {
      const rates = await responseRates(app.db, req.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ty-le-phan-hoi-${req.params.id.slice(0, 8)}.csv"`)
        .send(ratesCsv(rates));
    },
  );

  app.get(
    '/:id/response-rates.xlsx',
    {
      onRequest: campaignScope(app, ['admin', 'supervisor', 'observer']),
      schema: {
        tags: ['staff-survey'],
        summary: 'Response rates as an Excel workbook (per unit, group and day)',
        params: idParamsSchema,
      },
    },
    async (req, reply) => {
      const rates = await responseRates(app.db, req.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="ty-le-phan-hoi-${req.params.id.slice(0, 8)}.xlsx"`)
        .send(await ratesXlsx(rates));
    },
  );
};
export default responseRateRoutes;
