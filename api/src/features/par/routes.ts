/**
 * SIPAS detail and the PAR Index (issue 3). Prefix /api/v1.
 * GET  /campaigns/:id/sipas              SIPAS %, components, criteria, perception per unit
 * POST /par/:year/self-assessments       import appraised self-assessment (CSV or XLSX), all or nothing; ?dryRun=true checks only
 * GET  /par/:year/self-assessments/template  the import template (every unit of the year), XLSX or CSV
 * GET  /par/:year[?format=xlsx|csv]      the PAR table (JSON, or the official layout as a download)
 * GET  /par/:year/sipas-comparison       SIPAS beside the previous year, through unit lineage
 * GET  /par/:year/method                  the year's method (a copy of the previous year's until edited)
 * PUT  /par/:year/method                  save a new version (checked; confirm once results exist; audited)
 */
import {
  campaignSipasSchema,
  errorBodySchema,
  idParamsSchema,
  parMethodResponseSchema,
  parMethodUpdateSchema,
  parTableQuerySchema,
  parTableSchema,
  parYearParamsSchema,
  selfAssessmentImportQuerySchema,
  selfAssessmentImportResultSchema,
  selfAssessmentTemplateQuerySchema,
  sipasComparisonSchema,
  type ParTableBody,
} from '@hailong/contracts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';
import { parTableCsv } from '../../reports/par-table-csv.ts';
import { parTableXlsx } from '../../reports/par-table-xlsx.ts';
import { sipasComparison } from './comparison-service.ts';
import { getParMethod, saveParMethod } from './method-service.ts';
import { parTableOf } from './par-service.ts';
import { importSelfAssessments, selfAssessmentTemplateRows, type Upload } from './self-assessment-service.ts';
import { selfAssessmentTemplateCsv, selfAssessmentTemplateXlsx } from '../../reports/self-assessment-template.ts';
import { plainJsonResponses } from '../../lib/plain-json.ts';
import { foldIfLeftOut } from '../aggregation/fold-request.ts';
import { campaignScope, yearScope } from '../supervision/scope.ts';
import { campaignSipas } from './sipas-service.ts';
import { acceptTableBodies, XLSX_TYPE as XLSX } from '../../lib/table-body.ts';

function toUpload(contentType: string | undefined, body: unknown): Upload {
  if (contentType?.startsWith(XLSX) && Buffer.isBuffer(body)) return { kind: 'xlsx', data: body };
  if (contentType?.startsWith('text/csv') && typeof body === 'string') return { kind: 'csv', text: body };
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', { accepted: ['text/csv', XLSX] });
}

/** `attachment` with an ASCII fallback and the Vietnamese name RFC 5987-encoded. */
export function attachment(asciiName: string, viName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(viName)}`;
}

const parRoutes: FastifyPluginAsyncZod = async (app) => {
  const limits = app.config.importLimits.selfAssessment;
  acceptTableBodies(app, limits.maxBytes);

  app.get(
    '/campaigns/:id/sipas',
    {
      onRequest: campaignScope(app, ['admin', 'supervisor', 'observer']),
      schema: {
        tags: ['results'],
        summary: 'SIPAS per unit: %, components, criteria, perception shares (valid responses in the window)',
        params: idParamsSchema,
        response: { 200: campaignSipasSchema, 404: errorBodySchema },
      },
      ...plainJsonResponses,
    },
    async (req) =>
      foldIfLeftOut(app, await campaignSipas(app.db, req.params.id, app.config.suppressMinCell, app.config.resultsPendingMax)),
  );

  app.post(
    '/par/:year/self-assessments',
    {
      onRequest: app.requireRole('admin'),
      bodyLimit: limits.maxBytes,
      schema: {
        tags: ['par'],
        summary: 'Import appraised self-assessment and adjusted max points (CSV or XLSX keyed by unit_code); all or nothing',
        consumes: ['text/csv', XLSX],
        params: parYearParamsSchema,
        querystring: selfAssessmentImportQuerySchema,
        response: {
          200: selfAssessmentImportResultSchema,
          201: selfAssessmentImportResultSchema,
          400: errorBodySchema,
          413: errorBodySchema,
          415: errorBodySchema,
        },
      },
    },
    async (req, reply) => {
      const result = await importSelfAssessments(app.db, req.params.year, toUpload(req.headers['content-type'], req.body), {
        dryRun: req.query.dryRun,
        maxRows: limits.maxRows,
      });
      return reply.status(result.dryRun ? 200 : 201).send(result);
    },
  );

  app.get(
    '/par/:year/self-assessments/template',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['par'],
        summary:
          'Self-assessment import template: every unit of the year under Vietnamese headers, stored figures filled in (?format=xlsx|csv)',
        params: parYearParamsSchema,
        querystring: selfAssessmentTemplateQuerySchema,
        response: { 200: z.string() },
      },
    },
    async (req, reply) => {
      const { year } = req.params;
      const rows = await selfAssessmentTemplateRows(app.db, year);
      if (req.query.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', attachment(`tu-danh-gia-${year}.csv`, `Mẫu điểm tự đánh giá ${year}.csv`))
          .send(selfAssessmentTemplateCsv(rows));
      }
      const file = await selfAssessmentTemplateXlsx(rows);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`tu-danh-gia-${year}.xlsx`, `Mẫu điểm tự đánh giá ${year}.xlsx`))
        .send(file as unknown as string);
    },
  );

  app.get(
    '/par/:year/sipas-comparison',
    {
      onRequest: yearScope(app, ['admin', 'supervisor', 'observer']),
      schema: {
        tags: ['par'],
        summary:
          "SIPAS of the year beside the previous year's, mapped through unit lineage (merged: weighted by respondents; split: before the split)",
        params: parYearParamsSchema,
        response: { 200: sipasComparisonSchema },
      },
    },
    async (req) => sipasComparison(app.db, req.params.year, app.config.suppressMinCell),
  );

  app.get(
    '/par/:year/method',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['par'],
        summary:
          "The year's PAR method: maxima per group, SIPAS weights and form combination, staff item maxima by group, bands, rounding",
        params: parYearParamsSchema,
        response: { 200: parMethodResponseSchema },
      },
    },
    async (req) => getParMethod(app.db, req.params.year),
  );

  app.put(
    '/par/:year/method',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['par'],
        summary: "Save the year's PAR method as a new version (checked; once results exist only with confirm: true; audited)",
        params: parYearParamsSchema,
        body: parMethodUpdateSchema,
        response: { 200: parMethodResponseSchema, 400: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (req) => saveParMethod(app.db, req.params.year, req.body, req.user?.id ?? null),
  );

  app.get(
    '/par/:year',
    {
      onRequest: yearScope(app, ['admin', 'supervisor', 'observer']),
      schema: {
        tags: ['par'],
        summary: 'PAR Index table of a year (JSON, or ?format=xlsx|csv download)',
        params: parYearParamsSchema,
        querystring: parTableQuerySchema,
        response: { 200: parTableSchema, 422: errorBodySchema },
      },
    },
    async (req, reply) => {
      const { body, table, pooledSipasPercent } = await parTableOf(app.db, req.params.year, app.config.suppressMinCell);
      const { year } = req.params;
      const withheld = {
        minCell: body.minCell,
        unitNames: body.incomplete.filter((u) => u.missing.includes('staff_too_few_responses')).map((u) => u.unitName),
      };
      if (req.query.format === 'xlsx') {
        const title = `KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year}`;
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', attachment(`chi-so-cchc-${year}.xlsx`, `Chỉ số CCHC ${year}.xlsx`))
          .send((await parTableXlsx(table, { title, pooledSipasPercent, withheld })) as unknown as ParTableBody);
      }
      if (req.query.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', attachment(`chi-so-cchc-${year}.csv`, `Chỉ số CCHC ${year}.csv`))
          .send(parTableCsv(table, withheld) as unknown as ParTableBody);
      }
      return body;
    },
  );
};
export default parRoutes;
