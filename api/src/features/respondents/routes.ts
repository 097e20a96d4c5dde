/** POST /api/v1/campaigns/:id/respondents — CSV (text/csv) or XLSX body, ≤ 5 MB, `?dryRun=true` to preview. */
import { errorBodySchema, idParamsSchema, importQuerySchema, importResultSchema } from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';
import { importRespondents, type Upload } from './service.ts';
import { parseCsvBody } from '../../lib/csv-body.ts';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function toUpload(contentType: string | undefined, body: unknown): Upload {
  if (contentType?.startsWith(XLSX) && Buffer.isBuffer(body)) return { kind: 'xlsx', data: body };
  if (typeof body === 'string') return { kind: 'csv', text: body };
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', { accepted: ['text/csv', XLSX] });
}

const respondentRoutes: FastifyPluginAsyncZod = async (app) => {
  // Scoped to this plugin: only the import accepts CSV and spreadsheets.
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, parseCsvBody);
  app.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));

  app.post(
    '/:id/respondents',
    {
      onRequest: app.requireRole('admin'),
      bodyLimit: MAX_UPLOAD_BYTES,
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
      const result = await importRespondents(app.db, req.params.id, upload, req.query.dryRun);
      return reply.status(result.dryRun ? 200 : 201).send(result);
    },
  );
};
export default respondentRoutes;
