/**
 * Sampling plan of a SIPAS campaign (issue 6). Prefix /api/v1.
 * PUT    /campaigns/:id/targets                              upsert listed units' targets (entered, or n from N)
 * GET    /campaigns/:id/sampling-plan                        targets with counts + locality tree with quotas
 * POST   /campaigns/:id/sampling-plan.xlsx[?dryRun=1&margin=] import the plan (raw XLSX body), all or nothing
 * GET    /sampling-plan-template.xlsx                        the workbook to fill in (every unit listed)
 * PUT    /campaigns/:id/sampling-plan/hamlets/:localityId     put a hamlet in the sample with a quota (default 27)
 * DELETE /campaigns/:id/sampling-plan/hamlets/:localityId     take a hamlet out of the sample
 */
import {
  errorBodySchema,
  hamletQuotaInputSchema,
  hamletQuotaParamsSchema,
  hamletQuotaSchema,
  idParamsSchema,
  planImportQuerySchema,
  planImportResultSchema,
  samplingPlanSchema,
  targetsInputSchema,
  targetsOutputSchema,
} from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { acceptTableBodies, XLSX_TYPE as XLSX } from '../../lib/table-body.ts';
import { attachment } from '../par/routes.ts';
import { campaignScope } from '../supervision/scope.ts';
import { importPlan } from './plan-import.ts';
import { getSipasCampaign, removeHamletQuota, samplingPlan, setHamletQuota, setTargets } from './plan-service.ts';
import { planWorkbook } from './plan-workbook.ts';
import { unitTemplateRows } from './template.ts';

const tags = ['sampling'];

const samplingRoutes: FastifyPluginAsyncZod = async (app) => {
  const admin = app.requireRole('admin');
  const limits = app.config.importLimits.samplingPlan;
  acceptTableBodies(app, limits.maxBytes, { csv: false });

  app.put(
    '/campaigns/:id/targets',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Set per-unit targets (entered, or n = ceil(N/(1+N·e²)) from dossiers N)',
        params: idParamsSchema,
        body: targetsInputSchema,
        response: { 200: targetsOutputSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (req) => setTargets(app.db, req.params.id, req.body),
  );

  app.get(
    '/campaigns/:id/sampling-plan',
    {
      onRequest: campaignScope(app, ['admin', 'supervisor', 'observer']),
      schema: {
        tags,
        summary: 'Sampling plan: per-unit targets with collected/valid counts, district → commune → hamlet tree with quotas',
        params: idParamsSchema,
        response: { 200: samplingPlanSchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (req) => {
      await getSipasCampaign(app.db, req.params.id);
      return samplingPlan(app.db, req.params.id);
    },
  );

  app.post(
    '/campaigns/:id/sampling-plan.xlsx',
    {
      onRequest: admin,
      bodyLimit: limits.maxBytes,
      schema: {
        tags,
        summary: 'Import the plan from XLSX (sheets "Chỉ tiêu" and optionally "Địa bàn"); all or nothing; ?dryRun=1 only checks',
        consumes: [XLSX],
        params: idParamsSchema,
        querystring: planImportQuerySchema,
        response: {
          200: planImportResultSchema,
          400: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema,
          413: errorBodySchema,
          415: errorBodySchema,
        },
      },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { accepted: [XLSX] });
      return importPlan(app.db, req.params.id, req.body, {
        dryRun: req.query.dryRun,
        margin: req.query.margin,
        maxRows: limits.maxRows,
      });
    },
  );

  app.get(
    '/sampling-plan-template.xlsx',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Sampling-plan workbook to fill in (every unit listed, with instructions)',
        response: { 200: z.unknown() },
      },
    },
    async (_req, reply) => {
      const file = await planWorkbook({ targets: await unitTemplateRows(app.db), localities: [], help: true });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('ke-hoach-chon-mau.xlsx', 'Kế hoạch chọn mẫu SIPAS.xlsx'))
        .send(file);
    },
  );

  app.put(
    '/campaigns/:id/sampling-plan/hamlets/:localityId',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Put a hamlet in the campaign sample with a quota (default 27)',
        params: hamletQuotaParamsSchema,
        body: hamletQuotaInputSchema,
        response: { 200: hamletQuotaSchema, 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (req) => setHamletQuota(app.db, req.params.id, req.params.localityId, req.body.quota),
  );

  app.delete(
    '/campaigns/:id/sampling-plan/hamlets/:localityId',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Take a hamlet out of the campaign sample',
        params: hamletQuotaParamsSchema,
        response: { 204: z.null(), 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (req, reply) => {
      await removeHamletQuota(app.db, req.params.id, req.params.localityId);
      return reply.status(204).send(null);
    },
  );
};
export default samplingRoutes;
