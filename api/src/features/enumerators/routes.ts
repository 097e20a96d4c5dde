import {
  accountImportResultSchema,
  campaignSupervisorInputSchema,
  campaignSupervisorsSchema,
  enumeratorCreateSchema,
  errorBodySchema,
  fieldAccountsSchema,
  idParamsSchema,
  supervisorCreateSchema,
} from '@hailong/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { parseCsvRows, parseXlsxRows } from './import-parse.ts';
import {
  addCampaignSupervisor,
  campaignSupervisors,
  createAccount,
  fieldAccounts,
  importAccounts,
  type FieldRole,
} from './service.ts';
import { acceptTableBodies, XLSX_TYPE } from '../../lib/table-body.ts';
const created = { 201: z.object({ id: z.uuid() }), 400: errorBodySchema, 409: errorBodySchema };
const imported = { 201: accountImportResultSchema, 400: errorBodySchema, 413: errorBodySchema, 415: errorBodySchema };

async function rowsOf(req: FastifyRequest, maxRows: number) {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
  if (type === 'text/csv' && typeof req.body === 'string') return parseCsvRows(req.body, maxRows);
  if (type === XLSX_TYPE && Buffer.isBuffer(req.body)) return parseXlsxRows(req.body, maxRows);
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', { accepted: ['text/csv', XLSX_TYPE] });
}

const enumeratorRoutes: FastifyPluginAsyncZod = async (app) => {
  const limits = app.config.importLimits.accounts;
  acceptTableBodies(app, limits.maxBytes);
  const admin = app.requireRole('admin');

  app.get(
    '/enumerators',
    {
      onRequest: admin,
      schema: {
        tags: ['fieldwork'],
        summary: 'Enumerator accounts with their organisation',
        response: { 200: fieldAccountsSchema },
      },
    },
    async () => ({ accounts: await fieldAccounts(app.db, ['enumerator']) }),
  );

  app.get(
    '/supervisors',
    {
      onRequest: admin,
      schema: {
        tags: ['fieldwork'],
        summary: 'Supervisor and observer accounts with their organisation',
        response: { 200: fieldAccountsSchema },
      },
    },
    async () => ({ accounts: await fieldAccounts(app.db, ['supervisor', 'observer']) }),
  );

  app.get(
    '/campaigns/:id/supervisors',
    {
      onRequest: admin,
      schema: {
        tags: ['fieldwork'],
        summary: 'Organisations supervising a campaign',
        params: idParamsSchema,
        response: { 200: campaignSupervisorsSchema, 404: errorBodySchema },
      },
    },
    async (req) => ({ organisations: await campaignSupervisors(app.db, req.params.id) }),
  );

  app.post(
    '/enumerators',
    {
      onRequest: admin,
      schema: {
        tags: ['fieldwork'],
        summary: 'Create an enumerator account (organisation created by name if needed)',
        body: enumeratorCreateSchema,
        response: created,
      },
    },
    async (req, reply) => reply.status(201).send({ id: await createAccount(app.db, req.body, 'enumerator') }),
  );

  app.post(
    '/supervisors',
    {
      onRequest: admin,
      schema: {
        tags: ['fieldwork'],
        summary: 'Create a supervisor or observer (MTTQ, Hội CCB) account',
        body: supervisorCreateSchema,
        response: created,
      },
    },
    async (req, reply) => reply.status(201).send({ id: await createAccount(app.db, req.body, req.body.role) }),
  );

  const importRoute = (path: string, role: FieldRole) =>
    app.post(
      path,
      {
        onRequest: admin,
        bodyLimit: limits.maxBytes,
        schema: {
          tags: ['fieldwork'],
          summary: `Import ${role} accounts from CSV or XLSX (columns full_name, email, organisation, password[, role]); all rows or none`,
          consumes: ['text/csv', XLSX_TYPE],
          response: imported,
        },
      },
      async (req, reply) => {
        const ids = await importAccounts(app.db, await rowsOf(req, limits.maxRows), role);
        return reply.status(201).send({ created: ids.length, ids });
      },
    );
  importRoute('/enumerators/import', 'enumerator');
  importRoute('/supervisors/import', 'supervisor');

  app.post(
    '/campaigns/:id/supervisors',
    {
      onRequest: admin,
      schema: {
        tags: ['fieldwork'],
        summary: 'Let a supervising organisation (MTTQ, Hội CCB) watch a campaign',
        params: idParamsSchema,
        body: campaignSupervisorInputSchema,
        response: { 201: z.object({ organisationId: z.number().int() }), 404: errorBodySchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ organisationId: await addCampaignSupervisor(app.db, req.params.id, req.body.organisation) }),
  );
};
export default enumeratorRoutes;
