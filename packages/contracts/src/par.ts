/** SIPAS detail per unit and the PAR Index table of a year (issue 3). */
import { z } from 'zod';
import { decimalParam } from './common.ts';
import { pendingTailSchema, suppressedSchema } from './results.ts';

const pct = z.number().nullable();
const sipasStatus = z.enum(['ok', 'not_enough_data', 'no_data']);

export const sipasCriterionSchema = z.object({
  code: z.string(),
  form: z.string().optional(),
  valid: z.number().int(),
  ratePercent: pct,
  /** 'small': answered by fewer than minCell people ("< 5"); 'secondary': withheld to protect one (issue 14). */
  suppressed: suppressedSchema,
});

const shareSchema = z.object({
  code: z.string(),
  answered: z.number().int(),
  percent: pct,
  suppressed: suppressedSchema,
});
const rankedShareSchema = shareSchema.extend({ rank: z.number().int().nullable() });
const labelSchema = z.object({ vi: z.string(), en: z.string() });

export const sipasUnitSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  group: z.string(),
  /** ok | not_enough_data (fewer valid forms than minSample) | no_data; percentages are null unless ok. */
  status: sipasStatus,
  validForms: z.number().int(),
  sipasPercent: pct,
  overallPercent: pct,
  components: z.array(
    z.object({
      code: z.string(),
      ratePercent: pct,
      dropped: z.boolean(),
      criteria: z.array(sipasCriterionSchema),
      suppressed: suppressedSchema,
    }),
  ),
  droppedComponents: z.array(z.string()),
  /** Perception shares; withheld under minCell answers, or to protect one through the overall share (docs/0015). */
  perception: z.array(shareSchema),
  /** Expectation items ranked by the share answering "rất nhiều" (highest first; withheld ones last, unranked). */
  expectations: z.array(rankedShareSchema),
  /** Each form's own SIPAS beside the pooled one (withheld when that form has too few valid forms, or to protect a small one). */
  byForm: z.array(
    z.object({
      form: z.string(),
      status: sipasStatus,
      validForms: z.number().int(),
      sipasPercent: pct,
      suppressed: suppressedSchema,
    }),
  ),
  /** 'small' when the unit has fewer than minCell valid forms (only with a minimum sample below it). */
  suppressed: suppressedSchema,
});
export type SipasUnit = z.infer<typeof sipasUnitSchema>;

export const campaignSipasSchema = z.object({
  campaignId: z.uuid(),
  minSample: z.number().int(),
  /** SUPPRESS_MIN_CELL: a breakdown answered by fewer people shows "< minCell" instead of a rate. */
  minCell: z.number().int(),
  /** First and last counted day (Vietnam time, YYYY-MM-DD). */
  window: z.object({ from: z.string(), to: z.string() }),
  /** Whether the responses stored since the last fold are in these figures (as in /results). */
  pending: pendingTailSchema,
  units: z.array(sipasUnitSchema),
  /**
   * Perception and expectation shares over every valid form of the campaign, with each item's
   * label; the units' shares are the cells of each item's line and this is its total (docs/0015).
   */
  overall: z.object({
    validForms: z.number().int(),
    perception: z.array(shareSchema.extend({ label: labelSchema })),
    expectations: z.array(rankedShareSchema.extend({ label: labelSchema })),
  }),
});
export type CampaignSipas = z.infer<typeof campaignSipasSchema>;

export const parYearParamsSchema = z.object({ year: decimalParam(z.number().int().min(2000).max(2100)) });
export const parTableQuerySchema = z.object({ format: z.enum(['json', 'xlsx', 'csv']).default('json') });

/** `?dryRun=true` checks the file and shows what would be stored, storing nothing. */
export const selfAssessmentImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

/** What was (or, on a dry run, would be) stored; `replaces` = the unit already had figures for the year. */
export const selfAssessmentImportResultSchema = z.object({
  year: z.number().int(),
  imported: z.number().int(),
  dryRun: z.boolean(),
  units: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      group: z.string(),
      selfAssessment: z.number(),
      maxPoints: z.number(),
      staffSurveyPoints: z.number().nullable(),
      replaces: z.boolean(),
    }),
  ),
});

/** The import template: every unit of the year (figures already stored filled in), as XLSX or CSV. */
export const selfAssessmentTemplateQuerySchema = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
export type SelfAssessmentImportResult = z.infer<typeof selfAssessmentImportResultSchema>;

export const parUnitRowSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  group: z.string(),
  maxPoints: z.number(),
  selfAssessment: z.number(),
  staffSurveyPoints: z.number(),
  sipasPercent: z.number(),
  sipasPoints: z.number(),
  totalPoints: z.number(),
  indexPercent: z.number(),
  band: z.number().int(),
  rankInGroup: z.number().int(),
  staffSource: z.enum(['imported', 'survey']),
});

/**
 * `staff_sub_criteria_missing`: the staff survey left sub-criteria of the unit's group without a valid answer (named in `missingSubCriteria`).
 * `staff_too_few_responses`: fewer than minCell staff answered about the unit; its survey points would show their answers and are withheld ("< 5", issue 14).
 */
export const parMissingSchema = z.enum([
  'no_self_assessment',
  'no_staff_points',
  'sipas_no_data',
  'sipas_not_enough_data',
  'no_sipas_campaign',
  'staff_sub_criteria_missing',
  'staff_too_few_responses',
]);
export type ParMissing = z.infer<typeof parMissingSchema>;

export const parTableSchema = z.object({
  year: z.number().int(),
  sipasCampaignId: z.uuid().nullable(),
  staffCampaignId: z.uuid().nullable(),
  units: z.array(parUnitRowSchema),
  groups: z.array(
    z.object({
      group: z.string(),
      units: z.number().int(),
      meanMaxPoints: z.number(),
      meanSelfAssessment: z.number(),
      meanStaffSurveyPoints: z.number(),
      meanSipasPercent: z.number(),
      meanSipasPoints: z.number(),
      meanTotalPoints: z.number(),
      meanIndexPercent: z.number(),
      bandCounts: z.record(z.string(), z.number().int()),
    }),
  ),
  overall: z.object({ units: z.number().int(), meanIndexPercent: pct }),
  /** SUPPRESS_MIN_CELL: staff points from fewer staff responses are withheld (`staff_too_few_responses`). */
  minCell: z.number().int(),
  /**
   * The year's overall SIPAS, each labelled: pooled over every valid form of the units with enough
   * data (the report's figure), and the mean of the scored units' SIPAS.
   */
  sipasOverall: z.object({ pooledPercent: pct, meanOfUnitsPercent: pct }).optional(),
  /** Units left out of the table, with every reason. */
  incomplete: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      group: z.string(),
      missing: z.array(parMissingSchema),
      /** Staff sub-criteria of the unit's group that no valid answer reached (never scored as 0). */
      missingSubCriteria: z.array(z.string()).optional(),
    }),
  ),
});
export type ParTableBody = z.infer<typeof parTableSchema>;

/**
 * SIPAS year over year across reorganisations: each unit of the year with its previous-year figure
 * found through the lineage. `basis`: `same` unit; `merged` = respondent-weighted combination of its
 * predecessors; `split` = the predecessor's figure before the split ("trước khi tách"); `none` = no
 * comparable unit existed (never compared with a made-up figure).
 */
export const sipasComparisonUnitSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  group: z.string(),
  sipasPercent: z.number().nullable(),
  validForms: z.number().int(),
  previous: z.object({
    sipasPercent: z.number().nullable(),
    validForms: z.number().int(),
    basis: z.enum(['same', 'merged', 'split', 'none']),
    from: z.array(
      z.object({ unitCode: z.string(), unitName: z.string(), sipasPercent: z.number().nullable(), validForms: z.number().int() }),
    ),
    /** What the figure is, in Vietnamese (e.g. "trước khi tách"); null for the same unit. */
    note: z.string().nullable(),
    noteEn: z.string().nullable(),
  }),
  changePoints: z.number().nullable(),
});
export const sipasComparisonSchema = z.object({
  year: z.number().int(),
  previousYear: z.number().int(),
  campaignId: z.string().nullable(),
  previousCampaignId: z.string().nullable(),
  units: z.array(sipasComparisonUnitSchema),
});
export type SipasComparison = z.infer<typeof sipasComparisonSchema>;
export type SipasComparisonUnit = z.infer<typeof sipasComparisonUnitSchema>;
