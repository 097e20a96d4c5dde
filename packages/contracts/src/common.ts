import { z } from 'zod';
import { errorCodes } from './errors.ts';

export const errorCodeSchema = z.enum(errorCodes);

/** Every 4xx/5xx body: a code from the catalogue, a Vietnamese message and its English translation. */
export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    messageEn: z.string(),
    details: z.unknown().optional(),
    /** How many problems there were when `details` lists only the first 200. */
    detailsTotal: z.number().int().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Per-row import errors (`details` of an IMPORT_INVALID error); `messageEn` where a translation exists. */
export const rowErrorSchema = z.object({
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
  messageEn: z.string().optional(),
});
export type RowError = z.infer<typeof rowErrorSchema>;

export const idParamsSchema = z.object({ id: z.uuid() });
export const unitCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/);
export const percentSchema = z.number().min(0).max(100);

/** A PostgreSQL `integer` id from a path or body (larger values would fail in the database, not here). */
export const intIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * A number written in a query string or a path: decimal digits only, then checked by `schema`.
 * `z.coerce.number()` also takes "0x10" (16), "1e3", " " and "" (0).
 */
export function decimalParam<T extends z.ZodType<number, number>>(schema: T) {
  return z
    .string()
    .regex(/^[+-]?\d{1,16}(\.\d{1,16})?$/, 'Expected a decimal number')
    .transform(Number)
    .pipe(schema);
}

/** intIdSchema for a path segment. */
export const intIdParamSchema = decimalParam(z.number().int().positive().max(2_147_483_647));

const YEAR_2000 = Date.UTC(2000, 0, 1);
const YEAR_2100 = Date.UTC(2100, 0, 1);
/**
 * An instant from a device clock (kiosk, phone): ISO 8601 with offset, in 2000–2099. Wide enough for
 * a badly set tablet clock, narrow enough that the database can store it (year 0000 used to be a 500).
 */
export const deviceInstantSchema = z.iso.datetime({ offset: true }).refine((s) => {
  const t = Date.parse(s);
  return t >= YEAR_2000 && t < YEAR_2100;
}, 'must be between the years 2000 and 2099');

/** A session's clocks: completion not before its start (a tablet whose clock jumped back mid-session). */
export function completedAfterStart(v: { startedAt?: string | undefined; completedAt?: string | undefined }): boolean {
  return !v.startedAt || !v.completedAt || Date.parse(v.completedAt) >= Date.parse(v.startedAt);
}
export const completedAfterStartIssue = { message: 'completedAt must not be before startedAt', path: ['completedAt'] };
