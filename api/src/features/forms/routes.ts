/**
 * Forms as data (issue 12 item 5). Prefix /api/v1, admin only.
 * GET  /forms                               stored form versions (in use or not)
 * POST /forms.xlsx[?dryRun=1]               import a version from an XLSForm-style workbook (raw XLSX body)
 * GET  /forms/workbook.xlsx?code=&version=  a stored version as a workbook (latest when version is omitted)
 */
import {
  errorBodySchema,
  formImportQuerySchema,
  formImportResultSchema,
  formListSchema,
  formWorkbookQuerySchema,
} from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { attachment } from '../par/routes.ts';
import { exportFormWorkbook, importFormWorkbook, listForms } from './service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const tags = ['forms'];

const formRoutes: FastifyPluginAsyncZod = async (app) => {
  const admin = app.requireRole('admin');
  app.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));

  app.get(
    '/forms',
    { onRequest: admin, schema: { tags, summary: 'Stored form versions', response: { 200: formListSchema } } },
    async () => listForms(app.db),
  );

  app.post(
    '/forms.xlsx',
    {
      onRequest: admin,
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags,
        summary: 'Import a form version from an XLSForm-style workbook (survey, choices, settings, scoring); all or nothing',
        consumes: [XLSX],
        querystring: formImportQuerySchema,
        response: {
          200: formImportResultSchema,
          400: errorBodySchema,
          409: errorBodySchema,
          413: errorBodySchema,
          415: errorBodySchema,
        },
      },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { accepted: [XLSX] });
      return importFormWorkbook(app.db, req.body, { dryRun: req.query.dryRun, actorUserId: req.user?.id ?? null });
    },
  );

  app.get(
    '/forms/workbook.xlsx',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'A stored form version as an XLSForm-style workbook (the latest version when none is given)',
        querystring: formWorkbookQuerySchema,
        response: { 200: z.unknown(), 404: errorBodySchema },
      },
    },
    async (req, reply) => {
      const { form, file } = await exportFormWorkbook(app.db, req.query.code, req.query.version);
      const name = `${form.code.replace(/[^A-Za-z0-9_.-]+/g, '-')}-v${form.version}.xlsx`;
      return reply.header('content-type', XLSX).header('content-disposition', attachment(name, name)).send(file);
    },
  );
};

export default formRoutes;
