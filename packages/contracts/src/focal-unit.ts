/**
 * A focal point's own unit (issue 14 item 4): the staff campaigns their unit takes part in, the
 * response rate by template, the people who have not answered yet, and resending one invitation.
 * Counts of completed invitations are rates, not answers; nothing here says who answered what.
 */
import { z } from 'zod';
import { respondentGroupSchema } from './staff-survey.ts';

export const focalRateSchema = z.object({
  /** Staff template = respondent group (T1–T6) and its form code. */
  group: respondentGroupSchema,
  formCode: z.string().nullable(),
  invited: z.number().int(),
  delivered: z.number().int(),
  completed: z.number().int(),
  /** completed / invited in %, 2 decimals. */
  rate: z.number(),
});
export type FocalRate = z.infer<typeof focalRateSchema>;

export const focalCampaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  opensAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  /** Set once the campaign's personal data (names, emails) was deleted (RETENTION_DAYS after close). */
  personalDataPurgedAt: z.iso.datetime().nullable(),
  byTemplate: z.array(focalRateSchema),
  total: focalRateSchema.omit({ group: true, formCode: true }),
});
export type FocalCampaign = z.infer<typeof focalCampaignSchema>;

export const focalUnitSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  campaigns: z.array(focalCampaignSchema),
});
export type FocalUnit = z.infer<typeof focalUnitSchema>;

/** Where a person's mail stands (their own state, never their answers). */
export const deliveryStatusSchema = z.enum(['not_invited', 'queued', 'sent', 'delivered', 'bounced', 'failed', 'opted_out']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const nonRespondentSchema = z.object({
  respondentId: z.uuid(),
  fullName: z.string(),
  email: z.string(),
  group: respondentGroupSchema,
  formCode: z.string().nullable(),
  delivery: deliveryStatusSchema,
  lastRemindedAt: z.iso.datetime().nullable(),
  remindersSent: z.number().int(),
});
export type NonRespondent = z.infer<typeof nonRespondentSchema>;

export const nonRespondentListSchema = z.object({
  campaignId: z.uuid(),
  /** When set, names and emails were deleted: `people` is empty and the page says so. */
  personalDataPurgedAt: z.iso.datetime().nullable(),
  /** Whether a resend is possible now (the campaign is open). */
  open: z.boolean(),
  minGapHours: z.number(),
  people: z.array(nonRespondentSchema),
});
export type NonRespondentList = z.infer<typeof nonRespondentListSchema>;

export const focalResendParamsSchema = z.object({ id: z.uuid(), respondentId: z.uuid() });

/**
 * A resend: `queued` a new mail, or `recently_reminded` when this person got one within
 * REMINDER_MIN_GAP_HOURS (a repeated click sends nothing more).
 */
export const focalResendResultSchema = z.object({
  outcome: z.enum(['queued', 'recently_reminded']),
  lastRemindedAt: z.iso.datetime().nullable(),
  /** When another resend becomes possible. */
  nextAllowedAt: z.iso.datetime().nullable(),
  warning: z.object({ vi: z.string(), en: z.string() }).optional(),
});
export type FocalResendResult = z.infer<typeof focalResendResultSchema>;
