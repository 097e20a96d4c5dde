/** The PAR method of a year (docs/0012): GET/PUT /par/:year/method. */
import { z } from 'zod';

const points = z.number().finite();
const groupMaximaSchema = z.strictObject({ selfAssessmentMax: points, staffSurveyMax: points, sipasMax: points });
const byGroup = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    department: value.optional(),
    district: value.optional(),
    public_service_unit: value.optional(),
    central_agency: value.optional(),
    commune: value.optional(),
  });

export const parMethodSchema = z.strictObject({
  /** Per unit group: maxima of the appraised self-assessment, the staff survey and SIPAS. */
  groups: byGroup(groupMaximaSchema),
  sipas: z.strictObject({
    /** Weight per SIPAS component code (e.g. TC, TT, CC, KQ, PA); must be positive. */
    componentWeights: z.record(z.string().min(1).max(40), points),
    /** How forms 01 and 02 are combined within a component: pooled answers, or the mean of criteria. */
    componentMethod: z.enum(['pooled', 'mean_of_items']),
    sipasMethod: z.enum(['mean_of_components', 'overall_question']),
    minSample: z.number().int(),
  }),
  staff: z.strictObject({
    templateMethod: z.enum(['pooled', 'mean_of_templates']),
    /** The item bank: each staff sub-criterion with its maximum points by group (a group left out does not score it). */
    items: z.array(z.strictObject({ code: z.string().min(1).max(60), maxPoints: byGroup(points) })).max(500),
  }),
  /** From the best band down; lower bounds strictly descending, the last one 0 inclusive. */
  bands: z
    .array(z.strictObject({ band: z.number().int(), min: points, inclusive: z.boolean() }))
    .min(1)
    .max(20),
  rounding: z.strictObject({ decimals: z.number().int(), mode: z.literal('half_up') }),
});
export type ParMethodBody = z.infer<typeof parMethodSchema>;

export const parMethodResponseSchema = z.object({
  year: z.number().int(),
  /** Versions count from 1; every save adds one. */
  version: z.number().int(),
  basis: z.enum(['seed', 'copy', 'edit']),
  copiedFromYear: z.number().int().nullable(),
  savedAt: z.string(),
  /** Whether results of the year exist (self-assessments or valid responses): a change then needs `confirm: true`. */
  hasResults: z.boolean(),
  method: parMethodSchema,
});
export type ParMethodResponse = z.infer<typeof parMethodResponseSchema>;

export const parMethodUpdateSchema = z.strictObject({
  method: parMethodSchema,
  /** Required (true) when results of the year exist. */
  confirm: z.boolean().optional(),
});
export type ParMethodUpdate = z.infer<typeof parMethodUpdateSchema>;
