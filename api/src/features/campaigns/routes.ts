import {
  campaignChannelFormsSchema,
  campaignCloseSchema,
  campaignCreateSchema,
  campaignHeadlinesSchema,
  campaignReopenSchema,
  campaignSchema,
  campaignStaffTemplatesSchema,
  channelFormsSchema,
  errorBodySchema,
  idParamsSchema,
  staffTemplatesSchema,
} from '@hailong/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { campaignChannelForms, setChannelForms } from './channel-forms.ts';
import { campaignStaffTemplates, setStaffTemplates } from './staff-templates.ts';
import { campaignHeadlines } from './headlines.ts';
import { closeEarly, reopen } from './lifecycle.ts';
import { listCampaigns } from './repo.ts';
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
      schema: {
        tags: ['campaigns'],
        summary: 'List campaigns (supervisors and observers: those their organisation supervises)',
        response: { 200: z.object({ campaigns: z.array(campaignSchema) }) },
      },
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
      schema: {
        tags: ['campaigns'],
        summary: 'One campaign',
        params: idParamsSchema,
        response: { 200: campaignSchema, 404: errorBodySchema },
      },
    },
    async (req) => toCampaign(await getCampaign(app.db, req.params.id)),
  );

  app.get(
    '/headlines',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['campaigns'],
        summary: "Each campaign's headline figure: staff response rate, or SIPAS forms collected / target",
        response: { 200: campaignHeadlinesSchema },
      },
    },
    async () => ({ headlines: await campaignHeadlines(app.db, await listCampaigns(app.db)) }),
  );

  app.post(
    '/:id/close',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['campaigns'],
        summary: 'Close a campaign now (the reason is kept in the audit log)',
        params: idParamsSchema,
        body: campaignCloseSchema,
        response: { 200: campaignSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (req) => toCampaign(await closeEarly(app.db, req.params.id, req.body, req.user?.id ?? null)),
  );

  app.post(
    '/:id/reopen',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['campaigns'],
        summary: 'Reopen a campaign closed early, optionally with a new end (the reason is kept in the audit log)',
        params: idParamsSchema,
        body: campaignReopenSchema,
        response: { 200: campaignSchema, 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (req) => toCampaign(await reopen(app.db, req.params.id, req.body, req.user?.id ?? null)),
  );

  app.get(
    '/:id/channel-forms',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['campaigns'],
        summary: "A SIPAS campaign's form per channel (kiosk, online, enumerators), the forms it may choose and responses so far",
        params: idParamsSchema,
        response: { 200: campaignChannelFormsSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (req) => campaignChannelForms(app.db, req.params.id),
  );

  app.put(
    '/:id/channel-forms',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['campaigns'],
        summary:
          'Choose the form of each channel (stored SIPAS forms only); new responses use it, a change is audited with the responses already collected',
        params: idParamsSchema,
        body: channelFormsSchema,
        response: { 200: campaignChannelFormsSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (req) => setChannelForms(app.db, req.params.id, req.body, req.user?.id ?? null),
  );

  app.get(
    '/:id/staff-templates',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['campaigns'],
        summary:
          "A staff campaign's template per respondent group (T1–T6), the templates it may choose and invitations sent per group",
        params: idParamsSchema,
        response: { 200: campaignStaffTemplatesSchema, 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (req) => campaignStaffTemplates(app.db, req.params.id),
  );

  app.put(
    '/:id/staff-templates',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['campaigns'],
        summary:
          "Choose the template of each respondent group (stored staff forms of that group only); refused once the group's invitations were sent; audited",
        params: idParamsSchema,
        body: staffTemplatesSchema,
        response: { 200: campaignStaffTemplatesSchema, 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (req) => setStaffTemplates(app.db, req.params.id, req.body, req.user?.id ?? null),
  );
};
export default campaignRoutes;
