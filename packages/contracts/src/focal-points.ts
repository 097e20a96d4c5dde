/**
 * Focal points (đầu mối CCHC): one per unit, who receives the staff survey's response-rate digest
 * (issue 4 §5). The admin lists them (optionally only the units of one staff campaign) and sets or
 * clears a unit's focal point.
 */
import { z } from 'zod';
import { unitCodeSchema } from './common.ts';

export const focalPointSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** Respondents of the campaign in this unit (only when the list is for one campaign). */
  respondents: z.number().int().optional(),
});
export type FocalPoint = z.infer<typeof focalPointSchema>;

export const focalPointListSchema = z.object({ focalPoints: z.array(focalPointSchema) });
export type FocalPointList = z.infer<typeof focalPointListSchema>;

export const focalPointQuerySchema = z.object({ campaignId: z.uuid().optional() });

export const unitCodeParamsSchema = z.object({ unitCode: unitCodeSchema });

export const focalPointInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'Vui lòng nhập họ tên đầu mối' })
    .max(200, { error: 'Họ tên quá dài (tối đa 200 ký tự)' }),
  email: z.email({ error: 'Email không hợp lệ' }).max(254, { error: 'Email quá dài' }),
});
export type FocalPointInput = z.infer<typeof focalPointInputSchema>;
