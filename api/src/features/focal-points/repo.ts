/** SQL of the focal points: units' focal_point_name / focal_point_email, audited. */
import { schema, type DbOrTx } from '@hailong/db';
import type { FocalPoint } from '@hailong/contracts';
import { and, asc, count, eq, isNull } from 'drizzle-orm';

const { units, respondents, auditLog } = schema;

const columns = { unitCode: units.code, unitName: units.name, name: units.focalPointName, email: units.focalPointEmail };

/** Every current unit with its focal point (or nulls). */
export async function listAll(db: DbOrTx): Promise<FocalPoint[]> {
  return db.select(columns).from(units).where(isNull(units.validTo)).orderBy(asc(units.code));
}

/** The units that have respondents in the campaign, with their focal point and respondent count. */
export async function listForCampaign(db: DbOrTx, campaignId: string): Promise<FocalPoint[]> {
  return db
    .select({ ...columns, respondents: count(respondents.id) })
    .from(units)
    .innerJoin(respondents, eq(respondents.unitId, units.id))
    .where(eq(respondents.campaignId, campaignId))
    .groupBy(units.id)
    .orderBy(asc(units.code));
}

/** Sets (or with nulls clears) a current unit's focal point; undefined when there is no such unit. */
export async function updateFocalPoint(
  db: DbOrTx,
  unitCode: string,
  name: string | null,
  email: string | null,
): Promise<FocalPoint | undefined> {
  const rows = await db
    .update(units)
    .set({ focalPointName: name, focalPointEmail: email })
    .where(and(eq(units.code, unitCode), isNull(units.validTo)))
    .returning(columns);
  return rows[0];
}

/** The audit row names the unit only: the focal point's name and email are personal data. */
export async function auditFocalPoint(db: DbOrTx, actorUserId: string | null, unitCode: string, cleared: boolean): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId,
    action: cleared ? 'focal_point.clear' : 'focal_point.set',
    entity: 'unit',
    entityId: unitCode,
    details: {},
  });
}
