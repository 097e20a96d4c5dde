/**
 * Kiosk devices: an admin creates one per counter and gets a one-time pairing code (15 min, stored
 * hashed); the tablet trades the code for a 256-bit device token (stored hashed) that authenticates
 * every submission. Revoking, or issuing a new pairing code, invalidates the old token at once.
 */
import { toPublicForm, type Kiosk, type KioskCreate, type KioskPaired, type PairingCode } from '@hailong/contracts';
import { schema, type Db, type DbOrTx } from '@hailong/db';
import QRCode from 'qrcode';
import { AppError } from '../../errors.ts';
import { hashToken, newShortCode, newToken } from '../../lib/tokens.ts';
import { healthOf } from './fleet.ts';
import { currentKioskForm } from './kiosk-form.ts';
import { vnDayStart } from '../units/as-of.ts';
import {
  claimPairingCode,
  findDeviceByToken,
  findKiosk,
  findUnitByCode,
  findUnitById,
  insertKiosk,
  listKioskRows,
  listProcedures,
  updateKiosk,
  type KioskListRow,
  type KioskRow,
} from './repo.ts';

export const PAIRING_TTL_MS = 15 * 60 * 1000;

/** Normalises a typed code: upper case, no spaces or dashes. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

async function issuePairingCode(db: DbOrTx, kioskId: string, publicUrl: string): Promise<PairingCode> {
  // 12 characters of a 32-letter alphabet: 60 bits. With at most PAIRING_FAILURES_MAX wrong codes per
  // 10 minutes for the whole installation, 1,000 live codes give a guesser about 1 chance in 4·10^10 a day.
  const code = newShortCode(12);
  const expires = new Date(Date.now() + PAIRING_TTL_MS);
  await updateKiosk(db, kioskId, {
    pairingCodeHash: hashToken(normaliseCode(code)),
    pairingExpiresAt: expires,
    deviceTokenHash: null,
  });
  const pairUrl = `${publicUrl}/k?code=${code}`;
  const qrDataUrl = await QRCode.toDataURL(pairUrl, { margin: 1, width: 320 });
  return { id: kioskId, pairingCode: code, pairingExpiresAt: expires.toISOString(), qrDataUrl, pairUrl };
}

export async function createKiosk(db: Db, input: KioskCreate, publicUrl: string, actor: string | null): Promise<PairingCode> {
  const unit = await findUnitByCode(db, input.unitCode);
  if (!unit) throw new AppError('UNIT_UNKNOWN', { field: 'unitCode' });
  return db.transaction(async (tx) => {
    const k = await insertKiosk(tx, {
      unitId: unit.id,
      counterName: input.counterName,
      mode: input.mode ?? 'quick',
      ...(input.minIntervalSeconds === undefined ? {} : { minIntervalSeconds: input.minIntervalSeconds }),
      ...(input.hourlyCap === undefined ? {} : { hourlyCap: input.hourlyCap }),
      ...(input.idleSeconds === undefined ? {} : { idleSeconds: input.idleSeconds }),
    });
    await audit(tx, actor, 'kiosk.create', k.id, { unitCode: unit.code, counterName: input.counterName });
    return issuePairingCode(tx, k.id, publicUrl);
  });
}

/** A new pairing code for an existing kiosk (new tablet, or lost token); the old token stops working. */
export async function rePairKiosk(db: Db, id: string, publicUrl: string, actor: string | null): Promise<PairingCode> {
  return db.transaction(async (tx) => {
    const k = await findKiosk(tx, id);
    if (!k) throw new AppError('KIOSK_NOT_FOUND');
    await updateKiosk(tx, id, { revokedAt: null, pairedAt: null });
    await audit(tx, actor, 'kiosk.repair', id, {});
    return issuePairingCode(tx, id, publicUrl);
  });
}

export async function revokeKiosk(db: Db, id: string, actor: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const k = await updateKiosk(tx, id, { revokedAt: new Date(), pairingCodeHash: null, pairingExpiresAt: null });
    if (!k) throw new AppError('KIOSK_NOT_FOUND');
    await audit(tx, actor, 'kiosk.revoke', id, {});
  });
}

async function audit(
  db: DbOrTx,
  actor: string | null,
  action: string,
  entityId: string,
  details: Record<string, unknown>,
): Promise<void> {
  await db.insert(schema.auditLog).values({ actorUserId: actor, action, entity: 'kiosk_device', entityId, details });
}

function statusOf(k: KioskRow): Kiosk['status'] {
  if (k.revokedAt) return 'revoked';
  return k.deviceTokenHash ? 'paired' : 'awaiting_pairing';
}

function toKiosk(k: KioskListRow): Kiosk {
  return {
    id: k.id,
    unitCode: k.unitCode,
    unitName: k.unitName,
    counterName: k.counterName,
    mode: k.mode,
    status: statusOf(k),
    pairedAt: k.pairedAt?.toISOString() ?? null,
    lastSeenAt: k.lastSeenAt?.toISOString() ?? null,
    appVersion: k.appVersion,
    pendingCount: k.pendingCount,
    submissionsToday: k.submissionsToday,
    clockSuspects: k.clockSuspects,
    lastClockSuspectAt: k.lastClockSuspectAt?.toISOString() ?? null,
    minIntervalSeconds: k.minIntervalSeconds,
    hourlyCap: k.hourlyCap,
    idleSeconds: k.idleSeconds,
    health: healthOf(k),
  };
}

export async function listKiosks(db: Db): Promise<Kiosk[]> {
  return (await listKioskRows(db, vnDayStart())).map(toKiosk);
}

export async function pairDevice(db: Db, pairingCode: string): Promise<KioskPaired> {
  const token = newToken(32);
  const k = await claimPairingCode(db, hashToken(normaliseCode(pairingCode)), hashToken(token), new Date());
  if (!k) throw new AppError('PAIRING_CODE_INVALID');
  const unit = await findUnitById(db, k.unitId);
  const form = await currentKioskForm(db, k.mode);
  if (!unit) throw new Error('kiosk unit missing');
  return {
    deviceToken: token,
    deviceId: k.id,
    unitCode: unit.code,
    unitName: unit.name,
    counterName: k.counterName,
    mode: k.mode,
    idleSeconds: k.idleSeconds,
    form: toPublicForm(form.definition),
    procedures: await listProcedures(db, unit.id),
  };
}

/** The hash of a `Bearer` device token (no header → 401 DEVICE_UNAUTHORIZED). */
export function bearerTokenHash(authorization: string | undefined): string {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!m?.[1]) throw new AppError('DEVICE_UNAUTHORIZED');
  return hashToken(m[1]);
}

/** The device behind a `Bearer` token; unknown or revoked → 401 DEVICE_UNAUTHORIZED. */
export async function authenticateDevice(db: DbOrTx, authorization: string | undefined): Promise<KioskRow> {
  const k = await findDeviceByToken(db, bearerTokenHash(authorization));
  if (!k) throw new AppError('DEVICE_UNAUTHORIZED');
  return k;
}
