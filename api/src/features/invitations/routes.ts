/** Invitations and reminders of a staff campaign (admin). Both answer 202: the worker sends. */
import {
  errorBodySchema,
  idParamsSchema,
  mailPreviewQuerySchema,
  mailPreviewSchema,
  mailRoundsSchema,
  sendResultSchema,
} from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mailPreview } from './mail-preview.ts';
import { mailRounds } from './rounds-repo.ts';
import { sendInvitations, sendReminders } from './service.ts';

const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const errors = { 404: errorBodySchema, 409: errorBodySchema, 410: errorBodySchema, 503: errorBodySchema };
  app.post(
    '/:id/invitations/send',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['staff-survey'],
        summary: 'Create one invitation per respondent and queue the invitation mails (idempotent)',
        params: idParamsSchema,
        response: { 202: sendResultSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(202).send(await sendInvitations(app.db, app.enqueue, app.config, req.params.id)),
  );

  app.post(
    '/:id/reminders/send',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['staff-survey'],
        summary:
          'Remind now: the next reminder round to everyone who has not answered and was not reminded within REMINDER_MIN_GAP_HOURS; says who was skipped and why',
        params: idParamsSchema,
        response: { 202: sendResultSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(202).send(await sendReminders(app.db, app.enqueue, app.config, req.params.id)),
  );

  app.get(
    '/:id/mail/preview',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['staff-survey'],
        summary:
          'The exact invitation or reminder mail (personal link as a placeholder), how many it would reach now and who is skipped',
        params: idParamsSchema,
        querystring: mailPreviewQuerySchema,
        response: { 200: mailPreviewSchema, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (req) => mailPreview(app.db, app.config, req.params.id, req.query.kind),
  );

  app.get(
    '/:id/mail/rounds',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['staff-survey'],
        summary: 'Every mail round of the campaign: when it was queued and sent, and what it reached',
        params: idParamsSchema,
        response: { 200: mailRoundsSchema, 404: errorBodySchema },
      },
    },
    async (req) => ({ rounds: await mailRounds(app.db, req.params.id) }),
  );
};
export default invitationRoutes;
