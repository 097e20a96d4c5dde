/**
 * Locality hierarchy (district unit → commune → hamlet), province reference data shared by SIPAS
 * campaigns. Prefix /api/v1. Admin writes; admin, supervisor and observer read.
 */
import {
  errorBodySchema,
  localityCreateSchema,
  localityListQuerySchema,
  localityListSchema,
  localityParamsSchema,
  localityRenameSchema,
  localitySchema,
} from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createLocality, deleteLocality, listLocalities, renameLocality } from './service.ts';

const localityRoutes: FastifyPluginAsyncZod = async (app) => {
  const admin = app.requireRole('admin');
  const tags = ['sampling'];

  app.get(
    '/localities',
    {
      onRequest: app.requireRole('admin', 'supervisor', 'observer'),
      schema: {
        tags,
        summary: 'Communes and hamlets, optionally of one district unit',
        querystring: localityListQuerySchema,
        response: { 200: localityListSchema },
      },
    },
    async (req) => ({ localities: await listLocalities(app.db, req.query.unitCode) }),
  );

  app.post(
    '/localities',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Create a commune under a district unit, or a hamlet under a commune',
        body: localityCreateSchema,
        response: { 201: localitySchema, 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createLocality(app.db, req.body)),
  );

  app.put(
    '/localities/:id',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Rename a commune or hamlet',
        params: localityParamsSchema,
        body: localityRenameSchema,
        response: { 200: localitySchema, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (req) => renameLocality(app.db, req.params.id, req.body.name),
  );

  app.delete(
    '/localities/:id',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Delete a locality no assignment uses (a commune only once its hamlets are gone)',
        params: localityParamsSchema,
        response: { 204: z.null(), 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (req, reply) => {
      await deleteLocality(app.db, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
export default localityRoutes;
