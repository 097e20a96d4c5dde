/**
 * Counter kiosks, the online-service form and slip rating codes (issue #5): request and response
 * schemas shared by the API routes and the kiosk / online web apps.
 */
import { z } from 'zod';
import { answersSchema, publicFormSchema } from './forms.ts';
import { completedAfterStart, completedAfterStartIssue, deviceInstantSchema, unitCodeSchema } from './common.ts';

export const kioskModeSchema = z.enum(['quick', 'full']);

export const kioskCreateSchema = z.object({
  unitCode: unitCodeSchema,
  counterName: z.string().trim().min(1).max(80),
  minIntervalSeconds: z.number().int().min(0).max(3600).optional(),
  hourlyCap: z.number().int().min(1).max(1_000_000).optional(),
  mode: kioskModeSchema.optional(),
  /** Seconds without a tap before an unfinished session resets (default 60). */
  idleSeconds: z.number().int().min(15).max(600).optional(),
});
export type KioskCreate = z.infer<typeof kioskCreateSchema>;

export const pairingCodeSchema = z.object({
  id: z.uuid(),
  pairingCode: z.string(),
  pairingExpiresAt: z.string(),
  /** The code as a QR image (data URL), to scan from the tablet. */
  qrDataUrl: z.string(),
  pairUrl: z.string(),
});
export type PairingCode = z.infer<typeof pairingCodeSchema>;

export const kioskSchema = z.object({
  id: z.uuid(),
  unitCode: z.string(),
  unitName: z.string(),
  counterName: z.string(),
  mode: kioskModeSchema,
  status: z.enum(['awaiting_pairing', 'paired', 'revoked']),
  pairedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  appVersion: z.string().nullable(),
  pendingCount: z.number().int(),
  submissionsToday: z.number().int(),
  /** Unreviewed sessions stored suspect because this tablet's clock was far off (flag "clock"). */
  clockSuspects: z.number().int(),
  lastClockSuspectAt: z.string().nullable(),
  minIntervalSeconds: z.number().int(),
  hourlyCap: z.number().int(),
  idleSeconds: z.number().int(),
});
export type Kiosk = z.infer<typeof kioskSchema>;

export const kioskPairInputSchema = z.object({ pairingCode: z.string().trim().min(4).max(32) });

export const kioskPairedSchema = z.object({
  deviceToken: z.string(),
  deviceId: z.uuid(),
  unitCode: z.string(),
  unitName: z.string(),
  counterName: z.string(),
  mode: kioskModeSchema,
  idleSeconds: z.number().int(),
  form: publicFormSchema,
  procedures: z.array(z.string()),
});
export type KioskPaired = z.infer<typeof kioskPairedSchema>;

/** What a kiosk sends (the same body is resent from the offline outbox until it is accepted). */
export const kioskResponseInputSchema = z.object({
  clientId: z.uuid(),
  formCode: z.string().min(1).max(40),
  answers: answersSchema,
  startedAt: deviceInstantSchema,
  completedAt: deviceInstantSchema,
  partial: z.boolean().optional(),
  procedureName: z.string().trim().max(200).optional(),
  ratingCode: z.string().trim().min(4).max(32).optional(),
  appVersion: z.string().max(40).optional(),
  pendingCount: z.number().int().min(0).max(1_000_000).optional(),
}).refine(completedAfterStart, completedAfterStartIssue);
export type KioskResponseInput = z.infer<typeof kioskResponseInputSchema>;

export const responseReceiptSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  receivedAt: z.string(),
  reviewState: z.enum(['valid', 'suspect', 'pending', 'invalid']),
});
export type ResponseReceipt = z.infer<typeof responseReceiptSchema>;

export const onlineResponseInputSchema = z.object({
  clientId: z.uuid(),
  formCode: z.string().min(1).max(40),
  answers: answersSchema,
  dossierCode: z.string().trim().min(1).max(60).optional(),
  ratingCode: z.string().trim().min(4).max(32).optional(),
  startedAt: deviceInstantSchema.optional(),
  completedAt: deviceInstantSchema.optional(),
}).refine(completedAfterStart, completedAfterStartIssue);
export type OnlineResponseInput = z.infer<typeof onlineResponseInputSchema>;

export const onlineFormInfoSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  campaignOpen: z.boolean(),
  form: publicFormSchema,
});
export type OnlineFormInfo = z.infer<typeof onlineFormInfoSchema>;

export const reviewInputSchema = z.object({
  state: z.enum(['valid', 'invalid']),
  reason: z.string().trim().min(1).max(500),
});

export const ratingCodesCreateSchema = z.object({
  unitCode: unitCodeSchema,
  count: z.number().int().min(1).max(5000),
});
export const ratingCodesCreatedSchema = z.object({ unitCode: z.string(), codes: z.array(z.string()) });
