/**
 * The day a PAR year's lists are drawn for: the opening day of the year's SIPAS campaign (the units
 * surveyed), else 31 December of the year. A 2021 table thus lists the 2021 units under their 2021 names.
 */
import { schema, type DbOrTx } from '@hailong/db';
import { and, desc, eq } from 'drizzle-orm';
import type { CampaignRow } from '../campaigns/repo.ts';
import { campaignDay } from '../units/as-of.ts';

export async function latestCampaign(db: DbOrTx, kind: 'sipas' | 'staff', year: number): Promise<CampaignRow | undefined> {
  const c = schema.campaigns;
  const rows = await db
    .select()
    .from(c)
    .where(and(eq(c.kind, kind), eq(c.year, year)))
    .orderBy(desc(c.opensAt))
    .limit(1);
  return rows[0];
}

export async function yearReferenceDay(db: DbOrTx, year: number): Promise<string> {
  const sipas = await latestCampaign(db, 'sipas', year);
  return sipas ? campaignDay(sipas) : `${year}-12-31`;
}
