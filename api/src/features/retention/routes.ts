/**
 * GET /api/v1/campaigns/:id/personal-data — what the retention purge will remove from a campaign and
 * when (docs/0014). The purge itself is the worker's (the sweeper, after RETENTION_DAYS).
 */
import { errorBodySchema, idParamsSchema, retentionPreviewSchema, type RetentionPreview } from '@hailong/contracts';
import { personalDataOf, purgeDueAt, type Db } from '@hailong/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getCampaign } from '../campaigns/service.ts';

async function retentionPreview(db: Db, campaignId: string, retentionDays: number): Promise<RetentionPreview> {
  const c = await getCampaign(db, campaignId);
  return {
    retentionDays,
    dueAt: purgeDueAt(c, retentionDays).toISOString(),
    purgedAt: c.personalDataPurgedAt?.toISOString() ?? null,
    willRemove: await personalDataOf(db, campaignId),
  };
}

const retentionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/personal-data',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['campaigns'],
        summary:
          'Personal data of a campaign: what the retention purge removes (names, emails, phones, mail errors, notes) and when',
        params: idParamsSchema,
        response: { 200: retentionPreviewSchema, 404: errorBodySchema },
      },
    },
    async (req) => retentionPreview(app.db, req.params.id, app.config.retentionDays),
  );
};
export default retentionRoutes;
