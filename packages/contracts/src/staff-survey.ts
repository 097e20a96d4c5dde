/**
 * Staff survey by email (issue 4): respondent import, invitations, reminders, response rates and the
 * respondent's side of a personal link (/s/<token>).
 */
import { z } from 'zod';
import { unitCodeSchema } from './common.ts';
import { answersSchema, publicFormSchema } from './forms.ts';

export const respondentGroupSchema = z.enum(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);

export const importQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

export const importCountSchema = z.object({ key: z.string(), name: z.string().optional(), count: z.number().int() });

/** `{ imported }` after a commit; a dry run also says what would be imported, per unit and group. */
export const importResultSchema = z.object({
  imported: z.number().int(),
  dryRun: z.boolean(),
  /** People per own (home) unit: response rates and focal points follow it. */
  byUnit: z.array(importCountSchema),
  byGroup: z.array(importCountSchema),
  /** Answer sets per rated unit (a delegate counts once for each unit they rate; docs/0018). */
  byRatedUnit: z.array(importCountSchema),
  /** Respondents who rate several units, with those units in answering order (at most 200 listed). */
  multiUnit: z.array(z.object({ row: z.number().int(), fullName: z.string(), ratedUnits: z.array(z.string()) })),
  multiUnitCount: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** Why a respondent gets no mail from this send (issue 17 item 2). */
export const mailSkipReasonSchema = z.enum([
  'recently_reminded',
  'already_invited',
  'completed',
  'opted_out',
  'bounced',
  'not_invited',
]);
export type MailSkipReason = z.infer<typeof mailSkipReasonSchema>;

/** People left out of a send, by reason; `people` names at most the first 50. */
export const mailSkippedSchema = z.object({
  reason: mailSkipReasonSchema,
  count: z.number().int(),
  people: z.array(z.object({ fullName: z.string(), email: z.string() })),
});
export type MailSkipped = z.infer<typeof mailSkippedSchema>;

export const sendResultSchema = z.object({
  /** Invitations created by this call (respondents who had none). */
  created: z.number().int(),
  /** Mails queued by this call (deliveries that did not exist yet). */
  queued: z.number().int(),
  /** Who was left out and why (reminders: reminded within the minimum gap, answered, opted out…). */
  skipped: z.array(mailSkippedSchema).optional(),
  /** Set when links in the mail point at a default address (outbox mode without PUBLIC_URL). */
  warning: z.object({ vi: z.string(), en: z.string() }).optional(),
});
export type SendResult = z.infer<typeof sendResultSchema>;

export const mailPreviewQuerySchema = z.object({ kind: z.enum(['invitation', 'reminder']) });

/** The exact mail a send would produce, with the personal link as a placeholder, and its reach. */
export const mailPreviewSchema = z.object({
  kind: z.enum(['invitation', 'reminder']),
  from: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  /** How many people this send would mail now. */
  recipients: z.number().int(),
  skipped: z.array(mailSkippedSchema),
  minGapHours: z.number(),
  /** The send would be refused (e.g. SMTP without PUBLIC_URL); `warning` says why. */
  blocked: z.boolean(),
  warning: z.object({ vi: z.string(), en: z.string() }).nullable(),
});
export type MailPreview = z.infer<typeof mailPreviewSchema>;

export const mailRoundSchema = z.object({
  kind: z.enum(['invitation', 'reminder', 'digest']),
  round: z.number().int(),
  firstQueuedAt: z.string(),
  lastSentAt: z.string().nullable(),
  total: z.number().int(),
  sent: z.number().int(),
  pending: z.number().int(),
  failed: z.number().int(),
  /** Recipients of this round who answered after it was queued. */
  answeredAfter: z.number().int(),
});
export const mailRoundsSchema = z.object({ rounds: z.array(mailRoundSchema) });
export type MailRounds = z.infer<typeof mailRoundsSchema>;

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
    z.object({
      date: z.string(),
      sent: z.number().int(),
      opened: z.number().int(),
      completed: z.number().int(),
      cumulativeRate: z.number(),
    }),
  ),
});
export type ResponseRates = z.infer<typeof responseRatesSchema>;

export const tokenParamsSchema = z.object({ token: z.string().min(1).max(200) });

export const surveyLinkSchema = z.object({
  status: z.enum(['open', 'completed']),
  form: publicFormSchema,
  answers: answersSchema,
  respondentName: z.string(),
  /** The respondent's own unit. */
  unit: z.object({ code: z.string(), name: z.string() }),
  /** The units the answers count for, in answering order: one answer set each (docs/0018). */
  ratedUnits: z.array(z.object({ code: z.string(), name: z.string() })),
  /** With several rated units: the saved draft per unit code (`answers` is then empty). */
  unitAnswers: z.record(z.string(), answersSchema),
  closesAt: z.string(),
  completedAt: z.string().nullable(),
});
export type SurveyLink = z.infer<typeof surveyLinkSchema>;

/**
 * A draft or a submit: `answers` when the respondent rates one unit; `unitAnswers` (unit code →
 * answers, one set per rated unit) when they rate several.
 */
export const surveyAnswersInputSchema = z.object({
  answers: answersSchema.optional(),
  unitAnswers: z.record(unitCodeSchema, answersSchema).optional(),
});
export type SurveyAnswersInput = z.infer<typeof surveyAnswersInputSchema>;

export const draftSavedSchema = z.object({ savedAt: z.string() });
/** No response id: the stored answers cannot be traced to the link, not even by the respondent (docs/0012). */
export const surveySubmittedSchema = z.object({ completedAt: z.string() });

/** `POST /s/<token>/opt-out`: no more invitation or reminder mails for this respondent (idempotent). */
export const optOutResultSchema = z.object({ optedOutAt: z.iso.datetime() });
export type OptOutResult = z.infer<typeof optOutResultSchema>;
