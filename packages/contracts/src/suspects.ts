/**
 * Suspect kiosk and online responses of a campaign (anti-stuffing flags), for a reviewer to accept
 * or reject with POST /api/v1/responses/:id/review. Ratings only: no dossier hash, no free text.
 */
import { z } from 'zod';
import { decimalParam, unitCodeSchema } from './common.ts';

export const suspectQuerySchema = z.object({
  unitCode: unitCodeSchema.optional(),
  limit: decimalParam(z.number().int().min(1).max(200)).default(50),
  offset: decimalParam(z.number().int().min(0).max(1_000_000)).default(0),
});
export type SuspectQuery = z.infer<typeof suspectQuerySchema>;

/** Why a response was flagged (kiosk anti-stuffing); other flags pass through as they are. */
export const suspectFlagCodes = ['min_interval', 'hourly_cap'] as const;

export const suspectResponseSchema = z.object({
  id: z.uuid(),
  unitCode: z.string(),
  unitName: z.string(),
  channel: z.enum(['kiosk', 'online']),
  /** The kiosk device's counter; null for the online form. */
  counterName: z.string().nullable(),
  formCode: z.string(),
  completedAt: z.string().nullable(),
  receivedAt: z.string(),
  flags: z.array(z.string()),
  reviewReason: z.string().nullable(),
  /** Inside the campaign's counted days: accepting it changes the figures. */
  inWindow: z.boolean(),
  /** Rating answers only (question code → its numeric answer). */
  answers: z.record(z.string(), z.number()),
});
export type SuspectResponse = z.infer<typeof suspectResponseSchema>;

export const suspectResponsesSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  responses: z.array(suspectResponseSchema),
});
export type SuspectResponses = z.infer<typeof suspectResponsesSchema>;
