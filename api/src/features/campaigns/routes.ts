import { campaignCreateSchema, campaignSchema, errorBodySchema, idParamsSchema } from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closeCampaign, listCampaigns } from './repo.ts';
import { currentUser } from '../supervision/access.ts';
import { campaignScope, supervisedCampaignIds } from '../supervision/scope.ts';
import { createCampaign, getCampaign, toCampaign } from './service.ts';

const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['campaigns'],
        summary: 'Create a campaign (đợt khảo sát)',
        body: campaignCreateSchema,
        response: { 201: z.object({ id: z.uuid(), campaign: campaignSchema }), 400: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (req, reply) => {
      const c = await createCampaign(app.db, req.body, req.user?.id ?? null);
      return reply.status(201).send({ id: c.id, campaign: toCampaign(c) });
    },
  );

  app.get(
    '/',
    {
      onRequest: app.requireRole('admin', 'supervisor', 'observer'),
      schema: { tags: ['campaigns'], summary: 'List campaigns (supervisors and observers: those their organisation supervises)', response: { 200: z.object({ campaigns: z.array(campaignSchema) }) } },
    },
    async (req) => {
      const user = currentUser(req.user);
      const all = await listCampaigns(app.db);
      const seen = user.role === 'admin' ? undefined : await supervisedCampaignIds(app.db, user);
      return { campaigns: all.filter((c) => !seen || seen.has(c.id)).map(toCampaign) };
    },
  );

  app.get(
    '/:id',
    {
      onRequest: campaignScope(app, ['admin', 'supervisor', 'observer']),
      schema: { tags: ['campaigns'], summary: 'One campaign', params: idParamsSchema, response: { 200: campaignSchema, 404: errorBodySchema } },
    },
    async (req) => toCampaign(await getCampaign(app.db, req.params.id)),
  );

  app.post(
    '/:id/close',
    {
      onRequest: app.requireRole('admin'),
      schema: { tags: ['campaigns'], summary: 'Close a campaign now', params: idParamsSchema, response: { 200: campaignSchema, 404: errorBodySchema } },
    },
    async (req) => {
      await getCampaign(app.db, req.params.id);
      await closeCampaign(app.db, req.params.id);
      return toCampaign(await getCampaign(app.db, req.params.id));
    },
  );
};
export default campaignRoutes;
