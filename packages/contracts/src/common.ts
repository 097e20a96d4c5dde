import { z } from 'zod';

/** Every 4xx/5xx body: a stable code, a Vietnamese message and its English translation. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Per-row import errors (`details` of an IMPORT_INVALID error); `messageEn` where a translation exists. */
export const rowErrorSchema = z.object({ row: z.number().int(), field: z.string(), message: z.string(), messageEn: z.string().optional() });
export type RowError = z.infer<typeof rowErrorSchema>;

export const idParamsSchema = z.object({ id: z.uuid() });
export const unitCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/);
export const percentSchema = z.number().min(0).max(100);
