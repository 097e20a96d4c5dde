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
