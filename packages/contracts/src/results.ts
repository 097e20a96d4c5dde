/** Campaign results (SIPAS % and counter quick rate per unit; per-counter and per-day views). */
import { z } from 'zod';

const pct = z.number().nullable();

/**
 * Why a breakdown's rate is withheld (issue 14, SUPPRESS_MIN_CELL): 'small' — fewer forms than the
 * minimum (shown as "< 5"); 'secondary' — withheld so that the unit total shown elsewhere cannot give
 * a small one away; null — shown (or null for lack of data).
 */
export const suppressedSchema = z.enum(['small', 'secondary']).nullable();

export const unitResultSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  validResponses: z.number().int(),
  suspectResponses: z.number().int(),
  invalidResponses: z.number().int(),
  /** SIPAS % from forms 01/02 (null below the minimum sample). */
  sipasPercent: pct,
  sipasStatus: z.enum(['ok', 'not_enough_data', 'no_data']),
  sipasForms: z.number().int(),
  /** Counter quick form: satisfied forms / valid forms (null below the minimum sample). */
  quickRatePercent: pct,
  quickForms: z.number().int(),
  /** Satisfied quick forms; null (withheld) whenever the quick rate is, so a small count is never shown. */
  quickSatisfied: z.number().int().nullable(),
  components: z.array(z.object({ code: z.string(), ratePercent: pct, dropped: z.boolean(), suppressed: suppressedSchema })),
});
export type UnitResult = z.infer<typeof unitResultSchema>;

/**
 * The campaign's valid responses not yet folded into the running tallies (docs/0027-large-unfolded-tail.md).
 * `counted: true` — the figures include them (exact); `responses` is how many there are. `counted:
 * false` — there are more than `responses` (RESULTS_PENDING_MAX; `moreThan`), the figures are the
 * folded ones only and catch up within seconds to minutes of folding. `lastFoldAt`: when the fold
 * last moved responses (null if never).
 */
export const pendingTailSchema = z.object({
  counted: z.boolean(),
  responses: z.number().int(),
  moreThan: z.boolean(),
  lastFoldAt: z.string().nullable(),
});
export type PendingTail = z.infer<typeof pendingTailSchema>;

export const campaignResultsSchema = z.object({
  campaignId: z.uuid(),
  minSample: z.number().int(),
  /** SUPPRESS_MIN_CELL: rates of fewer forms are withheld ("< minCell"). */
  minCell: z.number().int(),
  /** Counted days (Vietnam time): only valid responses completed on these days count, as in /sipas. */
  window: z.object({ from: z.string(), to: z.string() }),
  /** Whether the responses stored since the last fold are in these figures. */
  pending: pendingTailSchema,
  units: z.array(unitResultSchema),
});
export type CampaignResults = z.infer<typeof campaignResultsSchema>;

export const counterResultSchema = z.object({
  deviceId: z.uuid(),
  unitCode: z.string(),
  counterName: z.string(),
  validResponses: z.number().int(),
  suspectResponses: z.number().int(),
  quickForms: z.number().int(),
  quickRatePercent: pct,
  suppressed: suppressedSchema,
});

export const dayResultSchema = z.object({
  day: z.string(),
  unitCode: z.string(),
  validResponses: z.number().int(),
  suspectResponses: z.number().int(),
  quickForms: z.number().int(),
  quickRatePercent: pct,
  suppressed: suppressedSchema,
});
