import { schema, type DbOrTx } from '@hailong/db';
import { and, desc, eq, gt, isNull, lte } from 'drizzle-orm';

const { campaigns } = schema;
export type CampaignRow = typeof campaigns.$inferSelect;

export async function insertCampaign(db: DbOrTx, values: typeof campaigns.$inferInsert): Promise<CampaignRow> {
  const rows = await db.insert(campaigns).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findCampaign(db: DbOrTx, id: string): Promise<CampaignRow | undefined> {
  const rows = await db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
  return rows[0];
}

export async function listCampaigns(db: DbOrTx): Promise<CampaignRow[]> {
  return db.select().from(campaigns).orderBy(desc(campaigns.createdAt));
}

/** The campaign of a kind that is open at `at` (most recently opened first). */
export async function findOpenCampaign(db: DbOrTx, kind: 'staff' | 'sipas', at = new Date()): Promise<CampaignRow | undefined> {
  const rows = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.kind, kind), lte(campaigns.opensAt, at), gt(campaigns.closesAt, at), isNull(campaigns.closedAt)))
    .orderBy(desc(campaigns.opensAt))
    .limit(1);
  return rows[0];
}

/** Closes an open campaign now; false when it was already closed early. */
export async function closeCampaign(db: DbOrTx, id: string, at = new Date()): Promise<boolean> {
  const rows = await db
    .update(campaigns)
    .set({ closedAt: at })
    .where(and(eq(campaigns.id, id), isNull(campaigns.closedAt)))
    .returning({ id: campaigns.id });
  return rows.length > 0;
}

/** Clears an early close (and moves the end when given). */
export async function reopenCampaign(db: DbOrTx, id: string, closesAt: Date | undefined): Promise<void> {
  await db
    .update(campaigns)
    .set({ closedAt: null, ...(closesAt ? { closesAt } : {}) })
    .where(eq(campaigns.id, id));
}
