/** Kiosk device queries (drizzle only; rules live in service.ts). */
import { schema, type DbOrTx } from '@hailong/db';
import { and, asc, eq, gt, gte, isNull, sql } from 'drizzle-orm';

const { kioskDevices, units, unitProcedures, responses } = schema;
export type KioskRow = typeof kioskDevices.$inferSelect;
export type UnitRow = { id: number; code: string; name: string };

export async function findUnitByCode(db: DbOrTx, code: string): Promise<UnitRow | undefined> {
  const rows = await db
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(eq(units.code, code))
    .limit(1);
  return rows[0];
}

export async function findUnitById(db: DbOrTx, id: number): Promise<UnitRow | undefined> {
  const rows = await db.select({ id: units.id, code: units.code, name: units.name }).from(units).where(eq(units.id, id)).limit(1);
  return rows[0];
}

export async function insertKiosk(db: DbOrTx, values: typeof kioskDevices.$inferInsert): Promise<KioskRow> {
  const rows = await db.insert(kioskDevices).values(values).returning();
  if (!rows[0]) throw new Error('insert returned no row');
  return rows[0];
}

export async function findKiosk(db: DbOrTx, id: string): Promise<KioskRow | undefined> {
  const rows = await db.select().from(kioskDevices).where(eq(kioskDevices.id, id)).limit(1);
  return rows[0];
}

export async function updateKiosk(
  db: DbOrTx,
  id: string,
  set: Partial<typeof kioskDevices.$inferInsert>,
): Promise<KioskRow | undefined> {
  const rows = await db.update(kioskDevices).set(set).where(eq(kioskDevices.id, id)).returning();
  return rows[0];
}

/** Consumes a pairing code atomically: only one caller can win it, and only before it expires. */
export async function claimPairingCode(
  db: DbOrTx,
  codeHash: string,
  tokenHash: string,
  now: Date,
): Promise<KioskRow | undefined> {
  const rows = await db
    .update(kioskDevices)
    .set({ pairingCodeHash: null, pairingExpiresAt: null, deviceTokenHash: tokenHash, pairedAt: now, lastSeenAt: now })
    .where(
      and(eq(kioskDevices.pairingCodeHash, codeHash), gt(kioskDevices.pairingExpiresAt, now), isNull(kioskDevices.revokedAt)),
    )
    .returning();
  return rows[0];
}

export async function findDeviceByToken(db: DbOrTx, tokenHash: string): Promise<KioskRow | undefined> {
  const rows = await db
    .select()
    .from(kioskDevices)
    .where(and(eq(kioskDevices.deviceTokenHash, tokenHash), isNull(kioskDevices.revokedAt)))
    .limit(1);
  return rows[0];
}

export async function listProcedures(db: DbOrTx, unitId: number): Promise<string[]> {
  const rows = await db
    .select({ name: unitProcedures.name })
    .from(unitProcedures)
    .where(eq(unitProcedures.unitId, unitId))
    .orderBy(asc(unitProcedures.name));
  return rows.map((r) => r.name);
}

export interface KioskListRow extends KioskRow {
  unitCode: string;
  unitName: string;
  submissionsToday: number;
  clockSuspects: number;
  lastClockSuspectAt: Date | null;
}

export async function listKioskRows(db: DbOrTx, dayStart: Date): Promise<KioskListRow[]> {
  const today = db
    .select({ sourceId: responses.sourceId, n: sql<number>`count(*)::int`.as('n') })
    .from(responses)
    .where(and(eq(responses.channel, 'kiosk'), gte(responses.receivedAt, dayStart)))
    .groupBy(responses.sourceId)
    .as('today');
  // Sessions stored suspect because the tablet's clock was far off (kiosks/clock.ts), still unreviewed.
  const clock = db
    .select({
      sourceId: responses.sourceId,
      n: sql<number>`count(*)::int`.as('clock_n'),
      last: sql<Date>`max(${responses.receivedAt})`.as('clock_last'),
    })
    .from(responses)
    .where(and(eq(responses.channel, 'kiosk'), eq(responses.reviewState, 'suspect'), sql`'clock' = any(${responses.flags})`))
    .groupBy(responses.sourceId)
    .as('clock');
  const rows = await db
    .select({ k: kioskDevices, unitCode: units.code, unitName: units.name, n: today.n, clockN: clock.n, clockLast: clock.last })
    .from(kioskDevices)
    .innerJoin(units, eq(units.id, kioskDevices.unitId))
    .leftJoin(today, eq(today.sourceId, kioskDevices.id))
    .leftJoin(clock, eq(clock.sourceId, kioskDevices.id))
    .orderBy(asc(units.code), asc(kioskDevices.counterName));
  return rows.map((r) => ({
    ...r.k,
    unitCode: r.unitCode,
    unitName: r.unitName,
    submissionsToday: r.n ?? 0,
    clockSuspects: r.clockN ?? 0,
    lastClockSuspectAt: r.clockLast ? new Date(r.clockLast) : null,
  }));
}
