import {
  backCheckDrawInputSchema,
  backCheckDrawOutputSchema,
  backCheckOutcomeInputSchema,
  backCheckSchema,
  decisionInputSchema,
  decisionOutputSchema,
  errorBodySchema,
  idParamsSchema,
  progressSchema,
  reviewQueueQuerySchema,
  reviewQueueSchema,
} from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from './access.ts';
import { backCheckCampaign, campaignScope, responseCampaign } from './scope.ts';
import { claimBackCheck, drawBackChecks, listBackChecks, recordOutcome } from './back-checks.ts';
import { campaignProgress } from './progress.ts';
import { decide, reviewQueue } from './review.ts';

const denied = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const watchers = campaignScope(app, ['admin', 'supervisor', 'observer']);
  const deciders = campaignScope(app, ['admin', 'supervisor']);

  app.get(
    '/campaigns/:id/progress',
    {
      onRequest: watchers,
      schema: {
        tags: ['supervision'],
        summary: 'Fieldwork progress by enumerator, unit, organisation, locality',
        params: idParamsSchema,
        response: { 200: progressSchema, ...denied },
      },
    },
    async (req) => {
      return campaignProgress(app.db, req.params.id);
    },
  );

  app.get(
    '/campaigns/:id/review-queue',
    {
      onRequest: watchers,
      schema: {
        tags: ['supervision'],
        summary: 'Flagged field forms (no answers or notes for observers)',
        params: idParamsSchema,
        querystring: reviewQueueQuerySchema,
        response: { 200: reviewQueueSchema, ...denied },
      },
    },
    async (req) => {
      const user = currentUser(req.user);
      return { items: await reviewQueue(app.db, req.params.id, req.query.state, req.query.limit, user.role !== 'observer') };
    },
  );

  app.post(
    '/responses/:id/decision',
    {
      onRequest: campaignScope(app, ['admin', 'supervisor'], responseCampaign),
      schema: {
        tags: ['supervision'],
        summary: 'Mark a response valid or invalid (audited)',
        params: idParamsSchema,
        body: decisionInputSchema,
        response: { 200: decisionOutputSchema, ...denied },
      },
    },
    async (req) => decide(app.db, currentUser(req.user), req.params.id, req.body.state, req.body.reason),
  );

  app.post(
    '/campaigns/:id/back-checks/draw',
    {
      onRequest: deciders,
      schema: {
        tags: ['supervision'],
        summary: "Draw back-checks (phúc tra), default 5% of each enumerator's forms; a supervisor who draws is assigned them",
        params: idParamsSchema,
        body: backCheckDrawInputSchema.nullish(),
        response: { 200: backCheckDrawOutputSchema, ...denied },
      },
    },
    async (req) => {
      const user = currentUser(req.user);
      const drawn = await drawBackChecks(app.db, req.params.id, req.body?.share, user.role === 'supervisor' ? user.id : null);
      const backChecks = await listBackChecks(app.db, req.params.id, user);
      return { drawn, total: backChecks.length, backChecks };
    },
  );

  app.get(
    '/campaigns/:id/back-checks',
    {
      onRequest: watchers,
      schema: {
        tags: ['supervision'],
        summary: 'Back-checks of a campaign; re-contact details only for the assigned supervisor and admins, none for observers',
        params: idParamsSchema,
        response: { 200: z.object({ backChecks: z.array(backCheckSchema) }), ...denied },
      },
    },
    async (req) => {
      const user = currentUser(req.user);
      return { backChecks: await listBackChecks(app.db, req.params.id, user) };
    },
  );

  app.post(
    '/back-checks/:id/claim',
    {
      onRequest: campaignScope(app, ['admin', 'supervisor'], backCheckCampaign),
      schema: {
        tags: ['supervision'],
        summary:
          'Take an unassigned back-check to re-contact its respondent (409 BACK_CHECK_TAKEN if another supervisor has it; audited)',
        params: idParamsSchema,
        response: { 200: z.object({ ok: z.literal(true) }), ...denied, 409: errorBodySchema },
      },
    },
    async (req) => {
      await claimBackCheck(app.db, currentUser(req.user), req.params.id);
      return { ok: true as const };
    },
  );

  app.patch(
    '/back-checks/:id',
    {
      onRequest: campaignScope(app, ['admin', 'supervisor'], backCheckCampaign),
      schema: {
        tags: ['supervision'],
        summary: 'Record a back-check outcome: admins or the assigned supervisor (audited)',
        params: idParamsSchema,
        body: backCheckOutcomeInputSchema,
        response: { 200: z.object({ ok: z.literal(true) }), ...denied, 409: errorBodySchema },
      },
    },
    async (req) => {
      await recordOutcome(app.db, currentUser(req.user), req.params.id, req.body.outcome, req.body.note);
      return { ok: true as const };
    },
  );
};
export default supervisionRoutes;
