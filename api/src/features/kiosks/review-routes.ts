/** A reviewer accepts or rejects a suspect response (audit-logged). Prefix /api/v1/responses. */
import { errorBodySchema, idParamsSchema, responseReceiptSchema, reviewInputSchema } from '@hailong/contracts';
import { schema } from '@hailong/db';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';

const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/:id/review',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['responses'],
        summary: 'Accept (valid) or reject (invalid) a response, with a reason',
        params: idParamsSchema,
        body: reviewInputSchema,
        response: { 200: responseReceiptSchema, 404: errorBodySchema },
      },
    },
    async (req) => {
      const { responses, auditLog } = schema;
      const { state, reason } = req.body;
      const row = await app.db.transaction(async (tx) => {
        const rows = await tx
          .update(responses)
          .set({ reviewState: state, reviewReason: reason })
          .where(eq(responses.id, req.params.id))
          .returning({
            id: responses.id,
            clientId: responses.clientId,
            receivedAt: responses.receivedAt,
            reviewState: responses.reviewState,
          });
        if (!rows[0]) throw new AppError('RESPONSE_NOT_FOUND');
        await tx.insert(auditLog).values({
          actorUserId: req.user?.id ?? null,
          action: 'response.review',
          entity: 'response',
          entityId: req.params.id,
          details: { state, reason },
        });
        return rows[0];
      });
      return { ...row, receivedAt: row.receivedAt.toISOString() };
    },
  );
};
export default reviewRoutes;
