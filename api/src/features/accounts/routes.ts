/**
 * Console accounts, the audit log and the first administrator. Prefix /api/v1.
 * GET/POST /users · POST /users/:id/disable|enable|reset-password · GET /audit · GET/POST /setup
 */
import {
  accountCreateSchema,
  accountListSchema,
  accountSecretSchema,
  auditPageSchema,
  auditQuerySchema,
  errorBodySchema,
  firstAdminSchema,
  idParamsSchema,
  loginResultSchema,
  setupStatusSchema,
} from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditPage } from '../audit/repo.ts';
import { LoginGuard } from '../auth/login-guard.ts';
import { login } from '../auth/service.ts';
import { createFirstAdmin, setupNeeded } from './first-admin.ts';
import { changeDisabled, createAccount, listAccounts, resetPassword } from './service.ts';

const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const admin = app.requireRole('admin');
  const guard = new LoginGuard(app.redis, app.config.queuePrefix);
  const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
  const tags = ['accounts'];

  app.get(
    '/users',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Every account with role, organisation and state',
        response: { 200: accountListSchema, ...errors },
      },
    },
    async () => ({ accounts: await listAccounts(app.db) }),
  );

  app.post(
    '/users',
    {
      onRequest: admin,
      schema: {
        tags,
        summary:
          'Create a Sở Nội vụ staff (admin), supervisor, observer or unit focal-point account (focal points name their unit); answers a temporary password once (audited)',
        body: accountCreateSchema,
        response: { 201: accountSecretSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createAccount(app.db, req.body, req.user?.id ?? null)),
  );

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/users/:id/${path}`,
      {
        onRequest: admin,
        schema: {
          tags,
          summary: `${disabled ? 'Disable (ends its sessions)' : 'Enable'} an account (audited)`,
          params: idParamsSchema,
          response: { 200: z.object({ ok: z.literal(true) }), ...errors },
        },
      },
      async (req) => {
        await changeDisabled(app.db, req.params.id, disabled, req.user?.id ?? null);
        return { ok: true as const };
      },
    );
  }

  app.post(
    '/users/:id/reset-password',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Reset a password: a new temporary password, answered once; sessions end (audited)',
        params: idParamsSchema,
        response: { 200: accountSecretSchema, ...errors },
      },
    },
    async (req) => resetPassword(app.db, req.params.id, req.user?.id ?? null),
  );

  app.get(
    '/audit',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'The audit log, newest first, filtered by action, entity, actor and days',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...errors },
      },
    },
    async (req) => auditPage(app.db, req.query),
  );

  app.get(
    '/setup',
    {
      schema: { tags, summary: 'Whether the first administrator still has to be created', response: { 200: setupStatusSchema } },
    },
    async () => ({ needed: await setupNeeded(app.db) }),
  );

  app.post(
    '/setup',
    {
      schema: {
        tags,
        summary: 'Create the first administrator with the one-time link printed at start; signs in',
        body: firstAdminSchema,
        response: { 201: loginResultSchema, ...errors },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await createFirstAdmin(app.db, app.config.tokenSecret, req.body);
      const { token, user } = await login(app.db, guard, req.body.email, req.body.password);
      app.setSessionCookie(reply, token);
      return reply.status(201).send({ user });
    },
  );
};
export default accountRoutes;
