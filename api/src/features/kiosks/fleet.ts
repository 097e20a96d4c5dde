/**
 * The kiosk fleet as the admin must be able to trust it (issue 10):
 * - every minute each tablet sends a heartbeat — app version, queue length, parked count, last
 *   error, its clock — even when its submissions fail; the answer carries the server's clock, the
 *   open SIPAS campaign's window (the tablet re-sends sessions parked for want of a campaign once one
 *   covers their completion time) and the admin's decisions on the sessions it still holds;
 * - `healthOf` turns the last heartbeat and submission into the state /admin/kiosks shows;
 * - parked sessions reported by a tablet can be released (it sends them again) or discarded with a
 *   reason; both are audited;
 * - the answer names the form the tablet should show (code and version); the tablet fetches another
 *   one and switches between sessions (docs/0022).
 */
import {
  errorMessage,
  type KioskHealth,
  type KioskHeartbeatInput,
  type KioskHeartbeatReply,
  type KioskParkedItem,
} from '@hailong/contracts';
import { schema, type Db, type DbOrTx } from '@hailong/db';
import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { findOpenCampaign } from '../campaigns/repo.ts';
import { kioskFormCodeOf } from './kiosk-form.ts';
import type { KioskRow } from './repo.ts';
import { latestForm } from './target.ts';

const { kioskDevices, kioskParkedItems, auditLog } = schema;

const MINUTE = 60_000;
export const SILENT_AFTER_MS = 10 * MINUTE;
export const CLOCK_TOLERANCE_S = 5 * 60;
const QUEUE_STUCK_MS = 5 * MINUTE;
const RECENT_ERROR_MS = 10 * MINUTE;

/** Records a heartbeat of the (paired, not revoked) device holding `tokenHash` and answers it. */
export async function recordHeartbeat(
  db: Db,
  tokenHash: string,
  input: KioskHeartbeatInput,
  now = new Date(),
): Promise<KioskHeartbeatReply> {
  const { reply, formCode } = await db.transaction(async (tx) => {
    const [k] = await tx
      .select({
        id: kioskDevices.id,
        mode: kioskDevices.mode,
        queueLength: kioskDevices.queueLength,
        waitingSince: kioskDevices.queueWaitingSince,
      })
      .from(kioskDevices)
      .where(and(eq(kioskDevices.deviceTokenHash, tokenHash), isNull(kioskDevices.revokedAt)))
      .for('update');
    if (!k) throw new AppError('DEVICE_UNAUTHORIZED');
    const skewMs = Date.parse(input.clientTime) - now.getTime();
    await tx
      .update(kioskDevices)
      .set({
        lastHeartbeatAt: now,
        appVersion: input.appVersion,
        queueLength: input.queueLength,
        pendingCount: input.queueLength,
        previousQueueLength: k.queueLength,
        queueWaitingSince: input.queueLength === 0 ? null : (k.waitingSince ?? now),
        parkedCount: input.parkedCount,
        lastErrorCode: input.lastError?.code ?? null,
        lastErrorAt: input.lastError ? new Date(Date.parse(input.lastError.at) - skewMs) : null,
        clockSkewSeconds: Math.round(skewMs / 1000),
      })
      .where(eq(kioskDevices.id, k.id));
    const decisions = await syncParked(tx, k.id, input, skewMs);
    const campaign = await findOpenCampaign(tx, 'sipas', now);
    return {
      reply: {
        serverTime: now.toISOString(),
        openCampaign: campaign ? { opensAt: campaign.opensAt.toISOString(), closesAt: campaign.closesAt.toISOString() } : null,
        ...decisions,
      },
      formCode: kioskFormCodeOf(campaign, k.mode),
    };
  });
  // After the commit: the latest version is read (and cached per process, docs/0022) through `db`,
  // which would wait for the transaction's own connection on the single-connection embedded engine.
  const form = await latestForm(db, formCode);
  return { ...reply, form: { code: form.code, version: form.version } };
}

/**
 * Brings the server's list of a device's parked sessions up to date with what it reports (times on
 * the server's clock) and returns the decisions on sessions it still holds. A session parked again
 * after a release becomes 'parked' again; sessions it no longer holds are 'settled' (only when the
 * report is complete).
 */
async function syncParked(tx: DbOrTx, deviceId: string, input: KioskHeartbeatInput, skewMs: number) {
  const reported = input.parked.map((p) => p.clientId);
  if (input.parked.length > 0) {
    const onServerClock = (iso: string) => new Date(Date.parse(iso) - skewMs);
    await tx
      .insert(kioskParkedItems)
      .values(
        input.parked.map((p) => ({
          deviceId,
          clientId: p.clientId,
          code: p.code,
          completedAt: onServerClock(p.completedAt),
          parkedAt: onServerClock(p.parkedAt),
        })),
      )
      .onConflictDoUpdate({
        target: [kioskParkedItems.deviceId, kioskParkedItems.clientId],
        set: {
          code: sql`excluded.code`,
          parkedAt: sql`excluded.parked_at`,
          state: sql`case when ${kioskParkedItems.state} = 'discarded' then 'discarded'
                          when ${kioskParkedItems.state} = 'released' and excluded.parked_at <= ${kioskParkedItems.decidedAt} then 'released'
                          else 'parked' end`,
        },
      });
  }
  if (input.parked.length === input.parkedCount) {
    await tx
      .update(kioskParkedItems)
      .set({ state: 'settled' })
      .where(
        and(
          eq(kioskParkedItems.deviceId, deviceId),
          inArray(kioskParkedItems.state, ['parked', 'released']),
          reported.length ? notInArray(kioskParkedItems.clientId, reported) : undefined,
        ),
      );
  }
  if (reported.length === 0) return { release: [], discard: [] };
  const held = await tx
    .select({ clientId: kioskParkedItems.clientId, state: kioskParkedItems.state })
    .from(kioskParkedItems)
    .where(
      and(
        eq(kioskParkedItems.deviceId, deviceId),
        inArray(kioskParkedItems.clientId, reported),
        inArray(kioskParkedItems.state, ['released', 'discarded']),
      ),
    );
  return {
    release: held.filter((h) => h.state === 'released').map((h) => h.clientId),
    discard: held.filter((h) => h.state === 'discarded').map((h) => h.clientId),
  };
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

/** The state /admin/kiosks shows for a device, worst first (see `kioskHealthStateSchema`). */
export function healthOf(k: KioskRow, now = Date.now()): KioskHealth {
  const lastError = k.lastErrorCode && k.lastErrorAt ? k.lastErrorCode : null;
  const message = lastError ? (errorMessage(lastError) ?? { vi: 'Lỗi không xác định', en: 'Unknown error' }) : null;
  const base = {
    lastHeartbeatAt: iso(k.lastHeartbeatAt),
    queueLength: k.queueLength,
    parkedCount: k.parkedCount,
    lastError:
      lastError && message && k.lastErrorAt
        ? { code: lastError, at: k.lastErrorAt.toISOString(), message: message.vi, messageEn: message.en }
        : null,
    clockSkewSeconds: k.clockSkewSeconds,
  };
  const state = stateOf(k, now);
  return { state, trouble: !['healthy', 'awaiting_pairing', 'revoked'].includes(state), ...base };
}

function stateOf(k: KioskRow, now: number): KioskHealth['state'] {
  if (k.revokedAt) return 'revoked';
  if (!k.deviceTokenHash) return 'awaiting_pairing';
  const contact = Math.max(k.lastHeartbeatAt?.getTime() ?? 0, k.lastSeenAt?.getTime() ?? 0, k.pairedAt?.getTime() ?? 0);
  if (now - contact > SILENT_AFTER_MS) return 'silent';
  if (k.clockSkewSeconds !== null && Math.abs(k.clockSkewSeconds) > CLOCK_TOLERANCE_S) return 'clock_wrong';
  const recentError = k.lastErrorAt !== null && now - k.lastErrorAt.getTime() < RECENT_ERROR_MS;
  if (k.parkedCount > 0 || (recentError && k.queueLength > 0)) return 'errors';
  const stuck = k.queueWaitingSince !== null && now - k.queueWaitingSince.getTime() > QUEUE_STUCK_MS;
  // A session or two waiting at one heartbeat is normal at a busy counter; waiting at two in a row
  // and more than before, or for minutes, is not.
  const grew = k.previousQueueLength > 0 && k.queueLength > k.previousQueueLength;
  if (k.queueLength > 0 && (grew || stuck)) return 'queue_growing';
  return 'healthy';
}

async function existing(db: DbOrTx, kioskId: string): Promise<void> {
  const rows = await db.select({ id: kioskDevices.id }).from(kioskDevices).where(eq(kioskDevices.id, kioskId)).limit(1);
  if (!rows[0]) throw new AppError('KIOSK_NOT_FOUND');
}

/** The sessions a tablet holds parked or released (not yet re-sent), oldest first, with their reasons. */
export async function listParked(db: Db, kioskId: string): Promise<KioskParkedItem[]> {
  await existing(db, kioskId);
  const rows = await db
    .select()
    .from(kioskParkedItems)
    .where(and(eq(kioskParkedItems.deviceId, kioskId), inArray(kioskParkedItems.state, ['parked', 'released'])))
    .orderBy(asc(kioskParkedItems.completedAt));
  return rows.map((r) => {
    const m = errorMessage(r.code) ?? { vi: r.code, en: r.code };
    return {
      clientId: r.clientId,
      code: r.code,
      message: m.vi,
      messageEn: m.en,
      completedAt: r.completedAt.toISOString(),
      parkedAt: r.parkedAt.toISOString(),
      state: r.state,
      decisionReason: r.decisionReason,
    };
  });
}

/** Marks parked sessions (all, or those ids) released: the tablet sends them again at its next heartbeat. */
export async function releaseParked(
  db: Db,
  kioskId: string,
  clientIds: string[] | undefined,
  actor: string | null,
): Promise<number> {
  return decide(db, kioskId, clientIds, actor, 'released', null);
}

/** Marks parked sessions discarded with a reason: the tablet deletes them at its next heartbeat. */
export async function discardParked(
  db: Db,
  kioskId: string,
  clientIds: string[],
  reason: string,
  actor: string | null,
): Promise<number> {
  return decide(db, kioskId, clientIds, actor, 'discarded', reason);
}

async function decide(
  db: Db,
  kioskId: string,
  clientIds: string[] | undefined,
  actor: string | null,
  state: 'released' | 'discarded',
  reason: string | null,
): Promise<number> {
  return db.transaction(async (tx) => {
    await existing(tx, kioskId);
    const rows = await tx
      .update(kioskParkedItems)
      .set({ state, decidedBy: actor, decidedAt: new Date(), decisionReason: reason })
      .where(
        and(
          eq(kioskParkedItems.deviceId, kioskId),
          eq(kioskParkedItems.state, 'parked'),
          clientIds ? inArray(kioskParkedItems.clientId, clientIds) : undefined,
        ),
      )
      .returning({ clientId: kioskParkedItems.clientId });
    const ids = rows.map((r) => r.clientId);
    await tx.insert(auditLog).values({
      actorUserId: actor,
      action: state === 'released' ? 'kiosk.parked.release' : 'kiosk.parked.discard',
      entity: 'kiosk_device',
      entityId: kioskId,
      details: { clientIds: ids, ...(reason ? { reason } : {}) },
    });
    return ids.length;
  });
}
