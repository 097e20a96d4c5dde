import { errorBodySchema, idParamsSchema, loginInputSchema, loginResultSchema, sessionUserSchema } from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../plugins/auth.ts';
import { AppError } from '../../errors.ts';
import { unlockAccount } from './lockout.ts';
import { LoginGuard } from './login-guard.ts';
import { login, logout } from './service.ts';

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const guard = new LoginGuard(app.redis, app.config.queuePrefix);
  app.post(
    '/accounts/:id/unlock',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['auth'],
        summary: 'Unlock an account locked after failed logins (audited)',
        params: idParamsSchema,
        response: { 200: z.object({ ok: z.literal(true) }), 404: errorBodySchema },
      },
    },
    async (req) => {
      if (!(await unlockAccount(app.db, req.params.id, req.user?.id ?? ''))) throw new AppError('USER_NOT_FOUND');
      return { ok: true as const };
    },
  );

  app.post(
    '/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets the session cookie',
        body: loginInputSchema,
        response: { 200: loginResultSchema, 401: errorBodySchema, 423: errorBodySchema, 429: errorBodySchema },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { token, user } = await login(app.db, guard, req.body.email, req.body.password);
      app.setSessionCookie(reply, token);
      return { user };
    },
  );

  app.post(
    '/logout',
    { schema: { tags: ['auth'], summary: 'Log out', response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (req, reply) => {
      await logout(app.db, req.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/me',
    {
      onRequest: app.requireRole(),
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user',
        response: { 200: z.object({ user: sessionUserSchema }), 401: errorBodySchema },
      },
    },
    async (req) => {
      const u = req.user;
      if (!u) throw new Error('requireRole let an anonymous request through');
      return { user: { id: u.id, email: u.email, fullName: u.fullName, role: u.role } };
    },
  );
};
export default authRoutes;
