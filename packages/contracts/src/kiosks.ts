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

/**
 * A tablet's state on /admin/kiosks, worst first: silent (no heartbeat or submission for > 10 min),
 * clock_wrong (off by > 5 min), errors (parked sessions or a recent failure), queue_growing (sessions
 * waiting longer than 5 min, or more than at the previous heartbeat which had some waiting too), healthy; and those not in
 * service: awaiting_pairing, revoked.
 */
export const kioskHealthStateSchema = z.enum([
  'silent',
  'clock_wrong',
  'errors',
  'queue_growing',
  'healthy',
  'awaiting_pairing',
  'revoked',
]);
export type KioskHealthState = z.infer<typeof kioskHealthStateSchema>;

export const kioskHealthSchema = z.object({
  state: kioskHealthStateSchema,
  /** True when the state needs someone's attention (the page's summary turns red). */
  trouble: z.boolean(),
  lastHeartbeatAt: z.string().nullable(),
  queueLength: z.number().int(),
  parkedCount: z.number().int(),
  lastError: z.object({ code: z.string(), at: z.string(), message: z.string(), messageEn: z.string() }).nullable(),
  clockSkewSeconds: z.number().int().nullable(),
});
export type KioskHealth = z.infer<typeof kioskHealthSchema>;

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
  health: kioskHealthSchema,
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

/** The form a paired tablet shows now (fetched when a heartbeat names another one). */
export const kioskFormReplySchema = z.object({ form: publicFormSchema });
export type KioskFormReply = z.infer<typeof kioskFormReplySchema>;

/** What a kiosk sends (the same body is resent from the offline outbox until it is accepted). */
export const kioskResponseInputSchema = z
  .object({
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
  })
  .refine(completedAfterStart, completedAfterStartIssue);
export type KioskResponseInput = z.infer<typeof kioskResponseInputSchema>;

export const responseReceiptSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  receivedAt: z.string(),
  reviewState: z.enum(['valid', 'suspect', 'pending', 'invalid']),
});
export type ResponseReceipt = z.infer<typeof responseReceiptSchema>;

export const onlineResponseInputSchema = z
  .object({
    clientId: z.uuid(),
    formCode: z.string().min(1).max(40),
    answers: answersSchema,
    dossierCode: z.string().trim().min(1).max(60).optional(),
    ratingCode: z.string().trim().min(4).max(32).optional(),
    startedAt: deviceInstantSchema.optional(),
    completedAt: deviceInstantSchema.optional(),
  })
  .refine(completedAfterStart, completedAfterStartIssue);
export type OnlineResponseInput = z.infer<typeof onlineResponseInputSchema>;

export const onlineFormInfoSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  campaignOpen: z.boolean(),
  /** The unit requires a dossier number or a rating code with each response. */
  codeRequired: z.boolean(),
  form: publicFormSchema,
});
export type OnlineFormInfo = z.infer<typeof onlineFormInfoSchema>;

/** A unit's online-form setting (admin): require a dossier number or a rating code. */
export const onlineFormSettingsInputSchema = z.object({ codeRequired: z.boolean() });
export const onlineFormSettingsSchema = z.object({ unitCode: z.string(), codeRequired: z.boolean() });

export const reviewInputSchema = z.object({
  state: z.enum(['valid', 'invalid']),
  reason: z.string().trim().min(1).max(500),
});

export const ratingCodesCreateSchema = z.object({
  unitCode: unitCodeSchema,
  count: z.number().int().min(1).max(5000),
});
export const ratingCodesCreatedSchema = z.object({ unitCode: z.string(), codes: z.array(z.string()) });

/**
 * A tablet's heartbeat (every minute, even when submissions fail): what it holds and why, and its
 * clock. `parked` lists the sessions it keeps parked (at most 500; `parkedCount` is the true count).
 */
export const kioskHeartbeatInputSchema = z.object({
  appVersion: z.string().trim().min(1).max(60),
  queueLength: z.number().int().min(0).max(1_000_000),
  parkedCount: z.number().int().min(0).max(1_000_000),
  lastError: z.object({ code: z.string().trim().min(1).max(60), at: deviceInstantSchema }).nullable(),
  clientTime: deviceInstantSchema,
  parked: z
    .array(
      z.object({
        clientId: z.uuid(),
        code: z.string().trim().min(1).max(60),
        completedAt: deviceInstantSchema,
        parkedAt: deviceInstantSchema,
      }),
    )
    .max(500),
});
export type KioskHeartbeatInput = z.infer<typeof kioskHeartbeatInputSchema>;

/** The server's answer: its clock, the open SIPAS campaign's window, the admin's decisions on parked sessions and the form to show. */
export const kioskHeartbeatReplySchema = z.object({
  serverTime: z.string(),
  openCampaign: z.object({ opensAt: z.string(), closesAt: z.string() }).nullable(),
  /** Parked sessions the admin released: the tablet sends them again. */
  release: z.array(z.uuid()),
  /** Parked sessions the admin discarded: the tablet deletes them. */
  discard: z.array(z.uuid()),
  /** The form the tablet should show now (the campaign's kiosk form may have changed): another one → GET /kiosk/form. */
  form: z.object({ code: z.string(), version: z.number().int() }),
});
export type KioskHeartbeatReply = z.infer<typeof kioskHeartbeatReplySchema>;

export const kioskParkedItemSchema = z.object({
  clientId: z.uuid(),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  completedAt: z.string(),
  parkedAt: z.string(),
  state: z.enum(['parked', 'released', 'discarded', 'settled']),
  decisionReason: z.string().nullable(),
});
export type KioskParkedItem = z.infer<typeof kioskParkedItemSchema>;
export const kioskParkedListSchema = z.object({ items: z.array(kioskParkedItemSchema) });

export const kioskParkedReleaseSchema = z.object({ clientIds: z.array(z.uuid()).min(1).max(500).optional() });
export const kioskParkedDiscardSchema = z.object({
  clientIds: z.array(z.uuid()).min(1).max(500),
  reason: z.string().trim().min(3).max(500),
});
