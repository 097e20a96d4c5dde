/** Invitations and reminders of a staff campaign (admin). Both answer 202: the worker sends. */
import { errorBodySchema, idParamsSchema, sendResultSchema } from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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
    async (req, reply) => reply.status(202).send(await sendInvitations(app.db, app.enqueue, app.config.tokenSecret, req.params.id)),
  );

  app.post(
    '/:id/reminders/send',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['staff-survey'],
        summary: 'Remind now: the next reminder round to everyone who has not answered',
        params: idParamsSchema,
        response: { 202: sendResultSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(202).send(await sendReminders(app.db, app.enqueue, req.params.id)),
  );
};
export default invitationRoutes;
