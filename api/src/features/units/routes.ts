/**
 * The unit registry (issue 13). Prefix /api/v1/units.
 * GET  /?asOf=YYYY-MM-DD[&province=]   units valid on that day under the names they had then (public; default today)
 * GET  /kinds                          the kinds of unit (data)
 * POST /events?dryRun=true|false       import a reorganisation (CSV or XLSX), all or nothing, audited (admin)
 * GET  /:code/lineage                  predecessors, successors and name history of a unit
 * GET  /orphaned-work?asOf=            kiosks and open assignments of units that have ended, to move (admin)
 */
import {
  errorBodySchema,
  orphanedWorkSchema,
  unitLineageParamsSchema,
  unitEventsQuerySchema,
  unitEventsResultSchema,
  unitKindsSchema,
  unitLineageSchema,
  unitsListSchema,
  unitsQuerySchema,
} from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';
import type { TableUpload } from '../../lib/table-upload.ts';
import { vnToday } from './as-of.ts';
import { orphanedWork } from './orphans-repo.ts';
import { listKinds } from './registry-repo.ts';
import { importUnitEvents, listUnitsOn, unitLineage } from './service.ts';
import { acceptTableBodies, XLSX_TYPE as XLSX } from '../../lib/table-body.ts';

const tags = ['units'];

function toUpload(contentType: string | undefined, body: unknown): TableUpload {
  if (contentType?.startsWith(XLSX) && Buffer.isBuffer(body)) return { kind: 'xlsx', data: body };
  if (contentType?.startsWith('text/csv') && typeof body === 'string') return { kind: 'csv', text: body };
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', { accepted: ['text/csv', XLSX] });
}

const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  const limits = app.config.importLimits.unitEvents;
  acceptTableBodies(app, limits.maxBytes);

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Units valid on a day (default today), each under the name and kind it had then',
        querystring: unitsQuerySchema,
        response: { 200: unitsListSchema, 400: errorBodySchema },
      },
    },
    async (req) => listUnitsOn(app.db, req.query.asOf, req.query.province),
  );

  app.get(
    '/kinds',
    { schema: { tags, summary: 'Kinds of unit (department, district, commune, ward, …)', response: { 200: unitKindsSchema } } },
    async () => ({
      kinds: await listKinds(app.db),
    }),
  );

  app.post(
    '/events',
    {
      onRequest: app.requireRole('admin'),
      bodyLimit: limits.maxBytes,
      schema: {
        tags,
        summary:
          'Import reorganisation events (event,from_codes,to_codes,name,group,effective_date,basis); all or nothing; ?dryRun=true only checks',
        consumes: ['text/csv', XLSX],
        querystring: unitEventsQuerySchema,
        response: {
          200: unitEventsResultSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          413: errorBodySchema,
          415: errorBodySchema,
        },
      },
    },
    async (req) =>
      importUnitEvents(app.db, toUpload(req.headers['content-type'], req.body), {
        dryRun: req.query.dryRun,
        actorUserId: req.user?.id ?? null,
        maxRows: limits.maxRows,
      }),
  );

  app.get(
    '/orphaned-work',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Kiosks and open assignments still on units that have ended (merged, split, dissolved), with their successors',
        querystring: unitsQuerySchema,
        response: { 200: orphanedWorkSchema, 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (req) => orphanedWork(app.db, req.query.asOf ?? vnToday()),
  );

  app.get(
    '/:code/lineage',
    {
      schema: {
        tags,
        summary: "A unit's predecessors and successors (merge, split) and its names over time",
        params: unitLineageParamsSchema,
        response: { 200: unitLineageSchema, 404: errorBodySchema },
      },
    },
    async (req) => unitLineage(app.db, req.params.code),
  );
};
export default unitRoutes;
