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
