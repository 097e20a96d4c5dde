/**
 * buildApp(config): registers plugins and feature routes; never listens (server.ts does).
 * Tests build the app and use app.inject().
 */
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig, TrustProxy } from './config.ts';
import accountRoutes from './features/accounts/routes.ts';
import authRoutes from './features/auth/routes.ts';
import campaignRoutes from './features/campaigns/routes.ts';
import invitationRoutes from './features/invitations/routes.ts';
import respondentRoutes from './features/respondents/routes.ts';
import responseRateRoutes from './features/response-rates/routes.ts';
import retentionRoutes from './features/retention/routes.ts';
import staffSurveyRoutes from './features/staff-survey/routes.ts';
import focalPointRoutes from './features/focal-points/routes.ts';
import focalUnitRoutes from './features/focal-unit/routes.ts';
import assignmentRoutes from './features/assignments/routes.ts';
import enumeratorRoutes from './features/enumerators/routes.ts';
import healthRoutes from './features/health/routes.ts';
import kioskDeviceRoutes from './features/kiosks/device-routes.ts';
import reviewRoutes from './features/kiosks/review-routes.ts';
import kioskAdminRoutes from './features/kiosks/routes.ts';
import { onlineFormPage } from './features/online/page-data.ts';
import onlineRoutes from './features/online/routes.ts';
import parRoutes from './features/par/routes.ts';
import ratingCodeRoutes from './features/rating-codes/routes.ts';
import resultRoutes from './features/results/routes.ts';
import remunerationRoutes from './features/remuneration/routes.ts';
import samplingRoutes from './features/sampling/routes.ts';
import formRoutes from './features/forms/routes.ts';
import localityRoutes from './features/localities/routes.ts';
import supervisionRoutes from './features/supervision/routes.ts';
import unitRoutes from './features/units/routes.ts';
import { boundaryValidatorCompiler } from './lib/boundary-validator.ts';
import { rejectBadQueryEncoding } from './lib/query-encoding.ts';
import authPlugin from './plugins/auth.ts';
import dbPlugin from './plugins/db.ts';
import errorHandler from './plugins/error-handler.ts';
import { clientErrorHandler, frameworkErrors } from './plugins/framework-errors.ts';
import openapi from './plugins/openapi.ts';
import queuesPlugin from './plugins/queues.ts';
import { sharedRateLimitStore } from './plugins/rate-limit-store.ts';
import redisPlugin from './plugins/redis.ts';
import webPlugin from './plugins/web.ts';

export type BuildConfig = AppConfig & { databaseUrl: string };

export interface BuildOptions {
  logger?: boolean | Record<string, unknown>;
  dbPoolSize?: number;
}

/** Keys whose values never reach the logs (tokens, passwords, personal data). */
export const LOG_REDACT = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

/** Fastify's form of TRUST_PROXY: false, the trusted proxies as one list, or a hop count (as proxy-addr counts hops). */
function trustProxyOption(trust: TrustProxy): FastifyServerOptions['trustProxy'] {
  if (trust === false) return false;
  if (Array.isArray(trust)) return trust.join(',');
  return (_address: string, hop: number) => hop < trust;
}

export async function buildApp(config: BuildConfig, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 6 * 1024 * 1024,
    // The caller's address comes from configuration only (TRUST_PROXY, off by default).
    trustProxy: trustProxyOption(config.trustProxy),
    // Request logs carry method and route only (the onResponse hook below): tokens in /s/<token>
    // paths are personal links, so Fastify's own request lines, which carry the URL, stay off.
    logController: new LogController({ disableRequestLogging: true }),
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(boundaryValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  rejectBadQueryEncoding(app);
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      { method: req.method, route: req.routeOptions.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  await app.register(errorHandler);
  await app.register(openapi);
  await app.register(dbPlugin, { connectionString: config.databaseUrl, max: opts.dbPoolSize ?? 10 });
  await app.register(redisPlugin, { url: config.redisUrl });
  await app.register(queuesPlugin, { prefix: config.queuePrefix });
  await app.register(authPlugin, { cookieSecure: config.cookieSecure });
  await app.register(rateLimit, {
    global: false,
    store: sharedRateLimitStore(app.redis, config.queuePrefix),
    errorResponseBuilder: (_req, ctx) => ({ statusCode: ctx.statusCode, code: 'RATE_LIMITED', message: 'rate limited' }),
  });
  app.decorate('config', config);

  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/api/v1/auth' });
  await app.register(unitRoutes, { prefix: '/api/v1/units' });
  await app.register(campaignRoutes, { prefix: '/api/v1/campaigns' });
  await app.register(respondentRoutes, { prefix: '/api/v1/campaigns' });
  await app.register(invitationRoutes, { prefix: '/api/v1/campaigns' });
  await app.register(responseRateRoutes, { prefix: '/api/v1/campaigns' });
  await app.register(retentionRoutes, { prefix: '/api/v1/campaigns' });
  await app.register(staffSurveyRoutes, { prefix: '/api/v1/s' });
  await app.register(focalPointRoutes, { prefix: '/api/v1' });
  await app.register(focalUnitRoutes, { prefix: '/api/v1/focal' });
  await app.register(kioskAdminRoutes, { prefix: '/api/v1/kiosks' });
  await app.register(kioskDeviceRoutes, { prefix: '/api/v1/kiosk' });
  await app.register(reviewRoutes, { prefix: '/api/v1/responses' });
  await app.register(onlineRoutes, { prefix: '/api/v1/o' });
  await app.register(ratingCodeRoutes, { prefix: '/api/v1/campaigns' });
  await app.register(resultRoutes, { prefix: '/api/v1/campaigns' });
  await app.register(parRoutes, { prefix: '/api/v1' });
  await app.register(enumeratorRoutes, { prefix: '/api/v1' });
  await app.register(assignmentRoutes, { prefix: '/api/v1' });
  await app.register(supervisionRoutes, { prefix: '/api/v1' });
  await app.register(samplingRoutes, { prefix: '/api/v1' });
  await app.register(formRoutes, { prefix: '/api/v1' });
  await app.register(localityRoutes, { prefix: '/api/v1' });
  await app.register(remunerationRoutes, { prefix: '/api/v1' });
  await app.register(accountRoutes, { prefix: '/api/v1' });

  if (config.webDist) await app.register(webPlugin, { root: config.webDist, pages: [onlineFormPage(app.db)] });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: BuildConfig;
  }
}
