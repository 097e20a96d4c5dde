/**
 * Staff survey by email (issue 4): respondent import, invitations, reminders, response rates and the
 * respondent's side of a personal link (/s/<token>).
 */
import { z } from 'zod';
import { answersSchema, publicFormSchema } from './forms.ts';

export const respondentGroupSchema = z.enum(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);

export const importQuerySchema = z.object({
  dryRun: z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1'),
});

export const importCountSchema = z.object({ key: z.string(), name: z.string().optional(), count: z.number().int() });

/** `{ imported }` after a commit; a dry run also says what would be imported, per unit and group. */
export const importResultSchema = z.object({
  imported: z.number().int(),
  dryRun: z.boolean(),
  byUnit: z.array(importCountSchema),
  byGroup: z.array(importCountSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const sendResultSchema = z.object({
  /** Invitations created by this call (respondents who had none). */
  created: z.number().int(),
  /** Mails queued by this call (deliveries that did not exist yet). */
  queued: z.number().int(),
});
export type SendResult = z.infer<typeof sendResultSchema>;

export const rateCountsSchema = z.object({
  invited: z.number().int(),
  delivered: z.number().int(),
  bounced: z.number().int(),
  /** Invitations whose mail was never delivered: transient failures until the retry window closed. */
  failed: z.number().int(),
  opened: z.number().int(),
  started: z.number().int(),
  completed: z.number().int(),
  /** completed / invited × 100, rounded half-up to 2 decimals. */
  rate: z.number(),
});
export type RateCounts = z.infer<typeof rateCountsSchema>;

export const responseRatesSchema = z.object({
  campaignId: z.uuid(),
  targetRate: z.number(),
  overall: rateCountsSchema,
  byUnit: z.array(rateCountsSchema.extend({ unitCode: z.string(), unitName: z.string(), unitGroup: z.string() })),
  byGroup: z.array(rateCountsSchema.extend({ group: respondentGroupSchema })),
  byDay: z.array(
    z.object({ date: z.string(), sent: z.number().int(), opened: z.number().int(), completed: z.number().int(), cumulativeRate: z.number() }),
  ),
});
export type ResponseRates = z.infer<typeof responseRatesSchema>;

export const tokenParamsSchema = z.object({ token: z.string().min(1).max(200) });

export const surveyLinkSchema = z.object({
  status: z.enum(['open', 'completed']),
  form: publicFormSchema,
  answers: answersSchema,
  respondentName: z.string(),
  unit: z.object({ code: z.string(), name: z.string() }),
  closesAt: z.string(),
  completedAt: z.string().nullable(),
});
export type SurveyLink = z.infer<typeof surveyLinkSchema>;

export const surveyAnswersInputSchema = z.object({ answers: answersSchema });
export type SurveyAnswersInput = z.infer<typeof surveyAnswersInputSchema>;

export const draftSavedSchema = z.object({ savedAt: z.string() });
export const surveySubmittedSchema = z.object({ id: z.uuid(), completedAt: z.string() });

/** `POST /s/<token>/opt-out`: no more invitation or reminder mails for this respondent (idempotent). */
export const optOutResultSchema = z.object({ optedOutAt: z.iso.datetime() });
export type OptOutResult = z.infer<typeof optOutResultSchema>;
