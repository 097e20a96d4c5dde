import { z } from 'zod';

export const campaignKindSchema = z.enum(['staff', 'sipas']);

export const campaignCreateSchema = z
  .object({
    kind: campaignKindSchema,
    name: z.string().trim().min(1).max(200),
    year: z.number().int().min(2000).max(2100),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    targetPerUnit: z.number().int().min(0).max(1_000_000).optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((c) => new Date(c.closesAt) > new Date(c.opensAt), {
    message: 'closesAt must be after opensAt / ngày kết thúc phải sau ngày bắt đầu',
    path: ['closesAt'],
  });
export type CampaignCreate = z.infer<typeof campaignCreateSchema>;

const channelFormCodeSchema = z.string().trim().min(1).max(64);

/** A SIPAS campaign's form per channel: the kiosk's full form, the online form, the enumerators' forms. */
export const channelFormsSchema = z.object({
  kiosk: channelFormCodeSchema,
  online: channelFormCodeSchema,
  field: z
    .array(channelFormCodeSchema)
    .min(1)
    .max(10)
    .refine((codes) => new Set(codes).size === codes.length, { message: 'Mỗi mẫu phiếu chỉ chọn một lần / each form once' }),
});
export type ChannelForms = z.infer<typeof channelFormsSchema>;

export const campaignSchema = z.object({
  id: z.uuid(),
  kind: campaignKindSchema,
  name: z.string(),
  year: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  status: z.enum(['scheduled', 'open', 'closed']),
  targetPerUnit: z.number().int().nullable(),
  settings: z.record(z.string(), z.unknown()),
  /** SIPAS campaigns: the forms each channel offers (the defaults when none were chosen); null for staff. */
  channelForms: channelFormsSchema.nullable(),
});
export type Campaign = z.infer<typeof campaignSchema>;

/** `POST /campaigns/:id/close`: closes now; the reason goes to the audit log. */
export const campaignCloseSchema = z
  .object({ reason: z.string().trim().min(3, { error: 'Vui lòng ghi lý do (ít nhất 3 ký tự)' }).max(500) })
  .partial()
  .nullish();
export type CampaignClose = z.infer<typeof campaignCloseSchema>;

/** `POST /campaigns/:id/reopen`: clears an early close; a new end is required once the old one has passed. */
export const campaignReopenSchema = z.object({
  reason: z.string().trim().min(3, { error: 'Vui lòng ghi lý do (ít nhất 3 ký tự)' }).max(500),
  closesAt: z.iso.datetime({ offset: true }).optional(),
});
export type CampaignReopen = z.infer<typeof campaignReopenSchema>;

/** The list's headline figure: the staff response rate, or SIPAS forms collected against the target. */
export const campaignHeadlineSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('staff'),
    campaignId: z.uuid(),
    invited: z.number().int(),
    completed: z.number().int(),
    rate: z.number(),
    targetRate: z.number(),
  }),
  z.object({ kind: z.literal('sipas'), campaignId: z.uuid(), collected: z.number().int(), target: z.number().int().nullable() }),
]);
export type CampaignHeadline = z.infer<typeof campaignHeadlineSchema>;
export const campaignHeadlinesSchema = z.object({ headlines: z.array(campaignHeadlineSchema) });

/** A form a campaign may choose for a channel (a stored SIPAS form, latest version). */
export const channelFormOptionSchema = z.object({
  code: z.string(),
  version: z.number().int(),
  kind: z.string(),
  title: z.object({ vi: z.string(), en: z.string() }),
});
export type ChannelFormOption = z.infer<typeof channelFormOptionSchema>;

/** `GET|PUT /campaigns/:id/channel-forms`: the choice, what may be chosen, responses so far per channel. */
export const campaignChannelFormsSchema = z.object({
  channelForms: channelFormsSchema,
  options: z.array(channelFormOptionSchema),
  responses: z.object({ kiosk: z.number().int(), online: z.number().int(), field: z.number().int() }),
});
export type CampaignChannelForms = z.infer<typeof campaignChannelFormsSchema>;

const staffTemplateCodeSchema = z.string().trim().min(1).max(64);

/** A staff campaign's template code per respondent group (T1–T6). */
export const staffTemplatesSchema = z.object({
  T1: staffTemplateCodeSchema,
  T2: staffTemplateCodeSchema,
  T3: staffTemplateCodeSchema,
  T4: staffTemplateCodeSchema,
  T5: staffTemplateCodeSchema,
  T6: staffTemplateCodeSchema,
});
export type StaffTemplates = z.infer<typeof staffTemplatesSchema>;
export type StaffGroup = keyof StaffTemplates;

/** A template a group may use (a stored staff form of that group, latest version). */
export const staffTemplateOptionSchema = channelFormOptionSchema.extend({
  group: z.enum(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']),
});
export type StaffTemplateOption = z.infer<typeof staffTemplateOptionSchema>;

const perGroupCount = z.object({
  T1: z.number().int(),
  T2: z.number().int(),
  T3: z.number().int(),
  T4: z.number().int(),
  T5: z.number().int(),
  T6: z.number().int(),
});

/** `GET|PUT /campaigns/:id/staff-templates`: the choice, what may be chosen, invitations already sent per group. */
export const campaignStaffTemplatesSchema = z.object({
  staffTemplates: staffTemplatesSchema,
  options: z.array(staffTemplateOptionSchema),
  invited: perGroupCount,
});
export type CampaignStaffTemplates = z.infer<typeof campaignStaffTemplatesSchema>;
