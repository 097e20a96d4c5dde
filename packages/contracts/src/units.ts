/** Units over time: the registry as of a date, reorganisation events, lineage (docs/0007-unit-registry.md). */
import { z } from 'zod';

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a calendar date',
  );

export const unitsQuerySchema = z.object({
  /** The day the list is for (default: today, Vietnam time). */
  asOf: isoDateSchema.optional(),
  /** Only the units of this province (code). */
  province: z.string().max(20).optional(),
});

export const unitSchema = z.object({
  code: z.string(),
  /** The name the unit had on the requested day. */
  name: z.string(),
  /** The unit's kind on that day (department, district, commune, ward, …): the set is data. */
  group: z.string(),
  /** The PAR Index group its kind ranks in. */
  parGroup: z.string(),
  tier: z.enum(['province', 'district', 'commune']),
  provinceCode: z.string(),
  parentCode: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type Unit = z.infer<typeof unitSchema>;
export const unitsListSchema = z.object({ asOf: z.string(), units: z.array(unitSchema) });
export type UnitsList = z.infer<typeof unitsListSchema>;

export const unitKindSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  tier: z.enum(['province', 'district', 'commune']),
  parGroup: z.string(),
});
export const unitKindsSchema = z.object({ kinds: z.array(unitKindSchema) });

export const unitEventKindValues = ['rename', 'merge', 'split', 'transfer', 'dissolve'] as const;
export type UnitEventKindValue = (typeof unitEventKindValues)[number];

export const unitEventsQuerySchema = z.object({
  dryRun: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

/** One problem of an event file: the spreadsheet row (header = 1) and column, in Vietnamese and English. */
export const unitEventErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type UnitEventError = z.infer<typeof unitEventErrorSchema>;

export const unitEventSummarySchema = z.object({
  row: z.number().int(),
  event: z.enum(unitEventKindValues),
  fromCodes: z.array(z.string()),
  toCodes: z.array(z.string()),
  effectiveDate: z.string(),
  basis: z.string(),
});
export type UnitEventSummary = z.infer<typeof unitEventSummarySchema>;

export const unitEventsResultSchema = z.object({
  dryRun: z.boolean(),
  /** Events applied (or, in a dry run, that would be). */
  applied: z.number().int(),
  /** Units the file creates. */
  created: z.array(z.string()),
  events: z.array(unitEventSummarySchema),
});
export type UnitEventsResult = z.infer<typeof unitEventsResultSchema>;

export const lineageStepSchema = z.object({
  code: z.string(),
  name: z.string(),
  event: z.enum(unitEventKindValues),
  effectiveDate: z.string(),
  basis: z.string(),
});
export const unitLineageSchema = z.object({
  code: z.string(),
  name: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  predecessors: z.array(lineageStepSchema),
  successors: z.array(lineageStepSchema),
  /** The unit's names, kinds and parents over time, oldest first, with the event that started each. */
  history: z.array(
    z.object({
      validFrom: z.string(),
      name: z.string(),
      group: z.string(),
      parentCode: z.string().nullable(),
      event: z.enum(unitEventKindValues).nullable(),
      basis: z.string().nullable(),
    }),
  ),
});
export type UnitLineage = z.infer<typeof unitLineageSchema>;
export const unitLineageParamsSchema = z.object({ code: z.string().regex(/^[A-Za-z0-9_.-]{1,20}$/) });

/** Devices and open assignments still attached to units that no longer exist on a day, for the admin to move. */
export const orphanedWorkSchema = z.object({
  asOf: z.string(),
  kiosks: z.array(
    z.object({
      id: z.string(),
      unitCode: z.string(),
      unitName: z.string(),
      counterName: z.string(),
      successors: z.array(z.string()),
    }),
  ),
  assignments: z.array(
    z.object({
      id: z.string(),
      campaignId: z.string(),
      unitCode: z.string(),
      unitName: z.string(),
      successors: z.array(z.string()),
    }),
  ),
});
export type OrphanedWork = z.infer<typeof orphanedWorkSchema>;
