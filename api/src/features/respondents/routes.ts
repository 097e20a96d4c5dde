/**
 * POST /api/v1/campaigns/:id/respondents — CSV (text/csv) or XLSX body within RESPONDENT_IMPORT_MAX_MB
 * and RESPONDENT_IMPORT_MAX_ROWS, `?dryRun=true` to preview.
 */
import { errorBodySchema, idParamsSchema, importQuerySchema, importResultSchema } from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';
import { importRespondents, type Upload } from './service.ts';
import { acceptTableBodies, XLSX_TYPE as XLSX } from '../../lib/table-body.ts';

function toUpload(contentType: string | undefined, body: unknown): Upload {
  if (contentType?.startsWith(XLSX) && Buffer.isBuffer(body)) return { kind: 'xlsx', data: body };
  if (typeof body === 'string') return { kind: 'csv', text: body };
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', { accepted: ['text/csv', XLSX] });
}

const respondentRoutes: FastifyPluginAsyncZod = async (app) => {
  const limits = app.config.importLimits.respondents;
  // Scoped to this plugin: only the import accepts CSV and spreadsheets.
  acceptTableBodies(app, limits.maxBytes);

  app.post(
    '/:id/respondents',
    {
      onRequest: app.requireRole('admin'),
      bodyLimit: limits.maxBytes,
      schema: {
        tags: ['staff-survey'],
        summary:
          'Import respondents (CSV or XLSX: full_name,email,unit_code,respondent_group[,phone][,rated_units]); all or nothing',
        consumes: ['text/csv', XLSX],
        params: idParamsSchema,
        querystring: importQuerySchema,
        response: {
          200: importResultSchema,
          201: importResultSchema,
          400: errorBodySchema,
          404: errorBodySchema,
          413: errorBodySchema,
          415: errorBodySchema,
        },
      },
    },
    async (req, reply) => {
      const upload = toUpload(req.headers['content-type'], req.body);
      const result = await importRespondents(app.db, req.params.id, upload, {
        dryRun: req.query.dryRun,
        maxRows: limits.maxRows,
      });
      return reply.status(result.dryRun ? 200 : 201).send(result);
    },
  );
};
export default respondentRoutes;
