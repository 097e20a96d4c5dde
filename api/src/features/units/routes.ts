import { schema } from '@hailong/db';
import { asc, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const unitSchema = z.object({
  code: z.string(),
  name: z.string(),
  group: z.enum(['department', 'public_service_unit', 'central_agency', 'district', 'commune']),
});

/** Public list of current units (names are public information). */
const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { schema: { tags: ['units'], summary: 'Units currently evaluated', response: { 200: z.object({ units: z.array(unitSchema) }) } } },
    async () => {
      const { units } = schema;
      const rows = await app.db
        .select({ code: units.code, name: units.name, group: units.group })
        .from(units)
        .where(isNull(units.validTo))
        .orderBy(asc(units.code));
      return { units: rows };
    },
  );
};
export default unitRoutes;
