/**
 * SIPAS sampling plan (issue 6, item 2): per-unit targets (entered, or n = ceil(N/(1+N·e²)) from the
 * unit's dossiers N) and locality sampling district → commune (xã) → hamlet (ấp/khóm) with a
 * per-hamlet quota (default 27). Localities are province reference data; quotas are per campaign.
 */
import { z } from 'zod';
import { decimalParam, intIdParamSchema, intIdSchema, unitCodeSchema } from './common.ts';

export const DEFAULT_HAMLET_QUOTA = 27;
export const DEFAULT_MARGIN = 0.05;

const count = z.number().int();
/** NFC, so a name typed with combining marks (some keyboards, Excel files) is the same name. */
const localityName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .transform((s) => s.normalize('NFC'));
const quota = z.number().int().min(0).max(100_000);

export const planUnitSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  group: z.string(),
  target: count,
  /** N the target was computed from; null when the target was entered. */
  dossiers: count.nullable(),
  collected: count,
  valid: count,
});
export type PlanUnit = z.infer<typeof planUnitSchema>;

export const planHamletSchema = z.object({
  id: count,
  name: z.string(),
  /** Forms this hamlet must yield in the campaign; null when the hamlet is not in its sample. */
  quota: count.nullable(),
  /** Forms collected so far by assignments of this hamlet. */
  collected: count,
});
export const planCommuneSchema = z.object({ id: count, name: z.string(), hamlets: z.array(planHamletSchema) });
/**
 * A unit that localities hang under: a district (→ communes → hamlets) or, in the two-tier
 * administration, a commune-level unit whose villages hang directly under it (`hamlets`).
 */
export const planDistrictSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  tier: z.enum(['district', 'commune']),
  communes: z.array(planCommuneSchema),
  hamlets: z.array(planHamletSchema),
});
export type PlanDistrict = z.infer<typeof planDistrictSchema>;

export const samplingPlanSchema = z.object({
  campaignId: z.uuid(),
  defaultHamletQuota: count,
  units: z.array(planUnitSchema),
  totals: z.object({ target: count, collected: count, valid: count }),
  districts: z.array(planDistrictSchema),
  localityTotals: z.object({ communes: count, hamlets: count, quota: count }),
});
export type SamplingPlan = z.infer<typeof samplingPlanSchema>;

/** One problem in an uploaded plan workbook: where it is and what is wrong, in Vietnamese and English. */
export const planErrorSchema = z.object({
  sheet: z.string(),
  row: count,
  column: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type PlanError = z.infer<typeof planErrorSchema>;

export const planImportQuerySchema = z.object({
  dryRun: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  margin: decimalParam(z.number().gt(0).lt(1)).default(DEFAULT_MARGIN),
});

export const planImportResultSchema = z.object({
  dryRun: z.boolean(),
  /** False only in a dry run that found errors (a real import with errors answers 400 IMPORT_INVALID). */
  ok: z.boolean(),
  /** The first 200 problems (as every import's error report). */
  errors: z.array(planErrorSchema),
  /** How many problems the file has in all. */
  errorsTotal: count,
  units: count,
  total: count,
  /** Null when the workbook had no localities sheet (the campaign's locality sample is left as it was). */
  localities: z.object({ communes: count, hamlets: count, quota: count }).nullable(),
});
export type PlanImportResult = z.infer<typeof planImportResultSchema>;

export const localitySchema = z.object({
  id: count,
  unitCode: z.string(),
  parentId: count.nullable(),
  level: z.enum(['commune', 'hamlet']),
  name: z.string(),
});
export type Locality = z.infer<typeof localitySchema>;
export const localityListSchema = z.object({ localities: z.array(localitySchema) });
export const localityListQuerySchema = z.object({ unitCode: unitCodeSchema.optional() });

/**
 * A commune hangs under a district unit; a hamlet (ấp, khóm, thôn, tổ dân phố) under a commune, or —
 * in the two-tier administration — directly under a commune-level unit (commune, ward, special zone).
 */
export const localityCreateSchema = z.union([
  z.object({ level: z.literal('commune'), unitCode: unitCodeSchema, name: localityName }),
  z.object({ level: z.literal('hamlet'), parentId: intIdSchema, name: localityName }),
  z.object({ level: z.literal('hamlet'), unitCode: unitCodeSchema, name: localityName }),
]);
export type LocalityCreate = z.infer<typeof localityCreateSchema>;
export const localityRenameSchema = z.object({ name: localityName });
export const localityParamsSchema = z.object({ id: intIdParamSchema });

export const hamletQuotaParamsSchema = z.object({ id: z.uuid(), localityId: intIdParamSchema });
export const hamletQuotaInputSchema = z.object({ quota: quota.default(DEFAULT_HAMLET_QUOTA) });
export const hamletQuotaSchema = z.object({ localityId: count, quota: count });
