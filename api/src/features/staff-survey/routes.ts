/**
 * /api/v1/s/:token — the respondent's personal link: read the form and saved draft, save a draft,
 * submit once, or stop the mails (opt-out). No login: the token is the credential, so unknown tokens are counted per address,
 * per token prefix and installation-wide (SharedBadTokenGuard) — a known token is always served — and each link is
 * rate-limited (route config of @fastify/rate-limit).
 */
import {
  draftSavedSchema,
  errorBodySchema,
  optOutResultSchema,
  surveyAnswersInputSchema,
  surveyLinkSchema,
  surveySubmittedSchema,
  tokenParamsSchema,
} from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createHash } from 'node:crypto';
import { AppError } from '../../errors.ts';
import { SharedBadTokenGuard } from './shared-bad-token-guard.ts';
import { openLink, optOutLink, saveLinkDraft, submitLink } from './service.ts';

const staffSurveyRoutes: FastifyPluginAsyncZod = async (app) => {
  const guard = new SharedBadTokenGuard(app.redis, app.config.queuePrefix);
  const perLink = {
    rateLimit: {
      max: 120,
      timeWindow: '1 minute',
      keyGenerator: (req: { params: unknown; ip: string }) =>
        createHash('sha256')
          .update(String((req.params as { token?: string }).token ?? req.ip))
          .digest('base64url')
          .slice(0, 22),
    },
  };
  app.setErrorHandler(async (err, req, _reply) => {
    const raw = (req.params as { token?: unknown } | undefined)?.token;
    const token = typeof raw === 'string' ? raw : '';
    if (err instanceof AppError && err.code === 'NOT_FOUND' && (await guard.refuse(req.ip, token)))
      throw new AppError('RATE_LIMITED');
    throw err; // the app's error handler formats it
  });
  const errors = { 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 410: errorBodySchema, 429: errorBodySchema };

  app.get(
    '/:token',
    {
      config: perLink,
      schema: {
        tags: ['staff-survey'],
        summary: 'Open a personal survey link: the form and saved draft',
        params: tokenParamsSchema,
        response: { 200: surveyLinkSchema, ...errors },
      },
    },
    async (req) => openLink(app.db, req.params.token),
  );

  app.put(
    '/:token/draft',
    {
      config: perLink,
      schema: {
        tags: ['staff-survey'],
        summary: 'Save a draft (partial answers)',
        params: tokenParamsSchema,
        body: surveyAnswersInputSchema,
        response: { 200: draftSavedSchema, ...errors },
      },
    },
    async (req) => saveLinkDraft(app.db, req.params.token, req.body),
  );

  app.post(
    '/:token/submit',
    {
      config: perLink,
      schema: {
        tags: ['staff-survey'],
        summary: 'Submit the answers (once)',
        params: tokenParamsSchema,
        body: surveyAnswersInputSchema,
        response: { 201: surveySubmittedSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await submitLink(app.db, req.params.token, req.body)),
  );

  app.post(
    '/:token/opt-out',
    {
      config: perLink,
      schema: {
        tags: ['staff-survey'],
        summary: 'Stop invitation and reminder mails for this respondent (confirmed on the /s/<token>/opt-out page)',
        params: tokenParamsSchema,
        response: { 200: optOutResultSchema, ...errors },
      },
    },
    async (req) => optOutLink(app.db, req.params.token),
  );
};
export default staffSurveyRoutes;
