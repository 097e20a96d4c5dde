import {
  assignmentCreateSchema,
  assignmentUpdatedSchema,
  assignmentUpdateSchema,
  campaignAssignmentsSchema,
  enumeratorAssignmentsSchema,
  errorBodySchema,
  idParamsSchema,
  singleFieldFormSchema,
  syncInputSchema,
  syncOutputSchema,
} from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { campaignAssignments, changeQuota, createAssignment, enumeratorAssignments, removeAssignment } from './service.ts';
import { syncForms } from './sync.ts';

const singleResultSchema = z.object({
  status: z.enum(['stored', 'duplicate']),
  responseId: z.uuid().optional(),
  flags: z.array(z.string()).optional(),
});

const assignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const enumerator = app.requireRole('enumerator');
  const userId = (u: { id: string } | null) => {
    if (!u) throw new AppError('UNAUTHENTICATED');
    return u.id;
  };

  app.post(
    '/campaigns/:id/assignments',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['fieldwork'],
        summary: 'Give an enumerator a unit (and optionally a locality) with a quota',
        params: idParamsSchema,
        body: assignmentCreateSchema,
        response: { 201: z.object({ id: z.uuid() }), 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await createAssignment(app.db, req.params.id, req.body) }),
  );

  app.get(
    '/campaigns/:id/assignments',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['fieldwork'],
        summary: "A campaign's assignments with quota, collected and valid counts",
        params: idParamsSchema,
        response: { 200: campaignAssignmentsSchema, 404: errorBodySchema },
      },
    },
    async (req) => ({ assignments: await campaignAssignments(app.db, req.params.id) }),
  );

  app.patch(
    '/assignments/:id',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['fieldwork'],
        summary: "Change an assignment's quota",
        params: idParamsSchema,
        body: assignmentUpdateSchema,
        response: { 200: assignmentUpdatedSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (req) => changeQuota(app.db, req.params.id, req.body.quota),
  );

  app.delete(
    '/assignments/:id',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['fieldwork'],
        summary: 'Delete an assignment that has no forms (409 ASSIGNMENT_HAS_FORMS otherwise)',
        params: idParamsSchema,
        response: { 204: z.null(), 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (req, reply) => {
      await removeAssignment(app.db, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/enumerator/assignments',
    {
      onRequest: enumerator,
      schema: {
        tags: ['fieldwork'],
        summary: "The logged-in enumerator's assignments with their forms",
        response: { 200: enumeratorAssignmentsSchema },
      },
    },
    async (req) => ({ assignments: await enumeratorAssignments(app.db, userId(req.user)) }),
  );

  app.post(
    '/enumerator/sync',
    {
      onRequest: enumerator,
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags: ['fieldwork'],
        summary: 'Upload queued interviews; one result per form, in order',
        body: syncInputSchema,
        response: { 200: syncOutputSchema, 400: errorBodySchema },
      },
    },
    async (req) => ({ results: await syncForms(app.db, userId(req.user), req.body.forms) }),
  );

  app.post(
    '/enumerator/assignments/:id/responses',
    {
      onRequest: enumerator,
      schema: {
        tags: ['fieldwork'],
        summary: 'Submit one interview for one of your assignments (201 stored, 200 already stored)',
        params: idParamsSchema,
        body: singleFieldFormSchema,
        response: {
          200: singleResultSchema,
          201: singleResultSchema,
          400: errorBodySchema,
          403: errorBodySchema,
          409: errorBodySchema,
        },
      },
    },
    async (req, reply) => {
      const [r] = await syncForms(app.db, userId(req.user), [{ ok: true, value: { ...req.body, assignmentId: req.params.id } }]);
      if (!r) throw new Error('sync returned no result');
      if (r.status === 'rejected') throw new AppError(r.reason ?? 'VALIDATION_FAILED', r.errors);
      const body = {
        status: r.status,
        ...(r.responseId ? { responseId: r.responseId } : {}),
        ...(r.flags ? { flags: r.flags } : {}),
      };
      return reply.status(r.status === 'stored' ? 201 : 200).send(body);
    },
  );
};
export default assignmentRoutes;
