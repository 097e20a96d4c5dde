/**
 * Sampling plan: per-unit targets of a SIPAS campaign, entered directly or computed from the unit's
 * yearly dossiers with `sampleSize`. PUT replaces the listed units' targets (others stay).
 */
import { errorBodySchema, idParamsSchema, targetsInputSchema, targetsOutputSchema } from '@hailong/contracts';
import { schema } from '@hailong/db';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';
import { getCampaign } from '../campaigns/service.ts';
import { pgArray } from '../submissions/pg-array.ts';
import { sampleSize } from './sample-size.ts';

const samplingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/campaigns/:id/targets',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        tags: ['fieldwork'],
        summary: 'Set per-unit targets (entered, or n = ceil(N/(1+N·e²)) from dossiers N)',
        params: idParamsSchema,
        body: targetsInputSchema,
        response: { 200: targetsOutputSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (req) => {
      await getCampaign(app.db, req.params.id);
      const { units, campaignTargets } = schema;
      const codes = req.body.targets.map((t) => t.unitCode);
      const found = await app.db.select({ id: units.id, code: units.code }).from(units).where(sql`${units.code} = any(${pgArray(codes)}::text[])`);
      const idOf = new Map(found.map((u) => [u.code, u.id]));
      const missing = codes.filter((c) => !idOf.has(c));
      if (missing.length > 0) throw new AppError('UNIT_UNKNOWN', { unitCodes: missing });
      const targets = req.body.targets.map((t) => ({ unitCode: t.unitCode, target: t.target ?? sampleSize(t.dossiers ?? 0, req.body.margin) }));
      await app.db.transaction(async (tx) => {
        for (const t of targets) {
          await tx
            .insert(campaignTargets)
            .values({ campaignId: req.params.id, unitId: idOf.get(t.unitCode) ?? 0, target: t.target })
            .onConflictDoUpdate({ target: [campaignTargets.campaignId, campaignTargets.unitId], set: { target: t.target } });
        }
      });
      return { targets, total: targets.reduce((s, t) => s + t.target, 0) };
    },
  );
};
export default samplingRoutes;
