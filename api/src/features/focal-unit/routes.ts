/**
 * A focal point's own unit (issue 14 item 4), focal points only. Prefix /api/v1/focal.
 * GET /unit · GET /campaigns/:id/non-respondents · POST /campaigns/:id/respondents/:respondentId/resend
 * The unit is the session's; a campaign the unit does not take part in, or a person of another unit, is 404.
 */
import {
  errorBodySchema,
  focalResendParamsSchema,
  focalResendResultSchema,
  focalUnitSchema,
  idParamsSchema,
  nonRespondentListSchema,
} from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { resendInvitation } from './resend.ts';
import { focalNonRespondents, focalUnit } from './service.ts';

/** The signed-in focal point and their unit (the role hook has run; the database check makes the unit present). */
function focalOf(req: FastifyRequest): { userId: string; unitId: number } {
  const u = req.user;
  if (!u || u.role !== 'focal_point' || u.unitId === null) throw new AppError('FORBIDDEN');
  return { userId: u.id, unitId: u.unitId };
}

const focalUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  const focal = app.requireRole('focal_point');
  const tags = ['focal-point'];
  const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

  app.get(
    '/unit',
    {
      onRequest: focal,
      schema: {
        tags,
        summary: "The focal point's unit: its staff campaigns and response rate by template (counts only, never answers)",
        response: { 200: focalUnitSchema, ...errors },
      },
    },
    async (req) => focalUnit(app.db, focalOf(req).unitId),
  );

  app.get(
    '/campaigns/:id/non-respondents',
    {
      onRequest: focal,
      schema: {
        tags,
        summary:
          "People of the focal point's unit who have not answered yet, with their mail state; empty once the campaign's personal data is deleted",
        params: idParamsSchema,
        response: { 200: nonRespondentListSchema, ...errors },
      },
    },
    async (req) => focalNonRespondents(app.db, req.params.id, focalOf(req).unitId, app.config.reminderMinGapHours),
  );

  app.post(
    '/campaigns/:id/respondents/:respondentId/resend',
    {
      onRequest: focal,
      schema: {
        tags,
        summary:
          "Resend one person's invitation (a reminder mail): same rules as the admin's reminders (open campaign, not answered, not opted out, REMINDER_MIN_GAP_HOURS); audited",
        params: focalResendParamsSchema,
        response: {
          200: focalResendResultSchema,
          202: focalResendResultSchema,
          ...errors,
          409: errorBodySchema,
          410: errorBodySchema,
          503: errorBodySchema,
        },
      },
    },
    async (req, reply) => {
      const { userId, unitId } = focalOf(req);
      const r = await resendInvitation(app.db, app.enqueue, app.config, {
        campaignId: req.params.id,
        respondentId: req.params.respondentId,
        unitId,
        actorUserId: userId,
      });
      return reply.status(r.outcome === 'queued' ? 202 : 200).send(r);
    },
  );
};
export default focalUnitRoutes;
