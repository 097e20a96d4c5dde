/** Campaign results: per unit, per counter, per day. Prefix /api/v1/campaigns. */
import {
  campaignResultsSchema,
  counterResultSchema,
  dayResultSchema,
  errorBodySchema,
  idParamsSchema,
  suspectQuerySchema,
  suspectResponsesSchema,
} from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { plainJsonResponses } from '../../lib/plain-json.ts';
import { foldIfLeftOut } from '../aggregation/fold-request.ts';
import { campaignScope } from '../supervision/scope.ts';
import { campaignResults } from './service.ts';
import { listSuspectResponses } from './suspects.ts';
import { resultsBy } from './views.ts';

const resultRoutes: FastifyPluginAsyncZod = async (app) => {
  const readers = campaignScope(app, ['admin', 'supervisor', 'observer']);

  app.get(
    '/:id/results',
    {
      onRequest: readers,
      schema: {
        tags: ['results'],
        summary: 'SIPAS % and counter quick rate per unit (valid responses only)',
        params: idParamsSchema,
        response: { 200: campaignResultsSchema, 404: errorBodySchema },
      },
      ...plainJsonResponses,
    },
    async (req) =>
      foldIfLeftOut(app, await campaignResults(app.db, req.params.id, app.config.suppressMinCell, app.config.resultsPendingMax)),
  );

  app.get(
    '/:id/results/counters',
    {
      onRequest: readers,
      schema: {
        tags: ['results'],
        summary: 'Per-counter (kiosk device) view',
        params: idParamsSchema,
        response: { 200: z.object({ counters: z.array(counterResultSchema), minCell: z.number().int() }), 404: errorBodySchema },
      },
    },
    async (req) => ({
      counters: (await resultsBy(app.db, req.params.id, 'counter', app.config.suppressMinCell)).map(
        ({ key, counterName, ...r }) => ({ deviceId: key, counterName: counterName ?? '', ...r }),
      ),
      minCell: app.config.suppressMinCell,
    }),
  );

  app.get(
    '/:id/results/days',
    {
      onRequest: readers,
      schema: {
        tags: ['results'],
        summary: 'Per-day view (Vietnam time)',
        params: idParamsSchema,
        response: { 200: z.object({ days: z.array(dayResultSchema), minCell: z.number().int() }), 404: errorBodySchema },
      },
    },
    async (req) => ({
      days: (await resultsBy(app.db, req.params.id, 'day', app.config.suppressMinCell)).map(({ key, counterName: _c, ...r }) => ({
        day: key,
        ...r,
      })),
      minCell: app.config.suppressMinCell,
    }),
  );

  app.get(
    '/:id/suspect-responses',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['results'],
        summary:
          'Suspect kiosk and online responses, newest first (ratings only), to accept or reject via POST /responses/:id/review',
        params: idParamsSchema,
        querystring: suspectQuerySchema,
        response: { 200: suspectResponsesSchema, 404: errorBodySchema },
      },
    },
    async (req) => listSuspectResponses(app.db, req.params.id, req.query),
  );
};
export default resultRoutes;
