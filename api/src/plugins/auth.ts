/**
 * Session authentication: an httpOnly cookie carrying a random token whose SHA-256 is in `sessions`.
 * `app.requireRole(...roles)` is the `onRequest` hook routes use — it runs before the body is parsed or
 * validated, so an anonymous caller gets 401 and never a schema error; `req.user` is set when a session is valid.
 */
import cookie from '@fastify/cookie';
import { schema, type UserRole } from '@hailong/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';
import { hashToken } from '../lib/tokens.ts';

export const SESSION_COOKIE = 'hl_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface AuthUser {
  id: string;
  email: string;
  fullName: string;
  role: UserRole;
  organisationId: number | null;
  /** A focal point's unit (null for the other roles): the only unit their routes read. */
  unitId: number | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | null;
  }
  interface FastifyInstance {
    requireRole: (...roles: UserRole[]) => onRequestAsyncHookHandler;
    setSessionCookie: (reply: FastifyReply, token: string) => void;
  }
}

async function loadUser(app: FastifyInstance, req: FastifyRequest): Promise<AuthUser | null> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return null;
  const { users, sessions } = schema;
  const rows = await app.db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
      organisationId: users.organisationId,
      unitId: users.unitId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date()), isNull(users.disabledAt)))
    .limit(1);
  return rows[0] ?? null;
}

/** The hooks made by requireRole (recognised wherever a route lists them). */
const roleHooks = new WeakSet<object>();

export default fp(
  async (app: FastifyInstance, opts: { cookieSecure: boolean }) => {
    await app.register(cookie);
    app.decorateRequest('user', null);
    app.decorate('setSessionCookie', (reply: FastifyReply, token: string) => {
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.cookieSecure,
        maxAge: SESSION_TTL_MS / 1000,
      });
    });
    app.decorate('requireRole', (...roles: UserRole[]): onRequestAsyncHookHandler => {
      const hook = async function requireRole(req: FastifyRequest) {
        req.user ??= await loadUser(app, req);
        if (!req.user) throw new AppError('UNAUTHENTICATED');
        if (roles.length > 0 && !roles.includes(req.user.role)) throw new AppError('FORBIDDEN');
      };
      roleHooks.add(hook);
      return hook;
    });
    // A role check written as a preHandler would run after body validation: move it to onRequest.
    app.addHook('onRoute', (route) => {
      const pre = [route.preHandler ?? []].flat();
      const moved = pre.filter((h) => roleHooks.has(h as never));
      if (moved.length === 0) return;
      route.preHandler = pre.filter((h) => !roleHooks.has(h as never));
      route.onRequest = [...moved, ...[route.onRequest ?? []].flat()] as typeof route.onRequest;
    });
  },
  { name: 'auth', dependencies: ['db'] },
);
