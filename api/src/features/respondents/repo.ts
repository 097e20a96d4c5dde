import { schema, type DbOrTx } from '@hailong/db';
import { eq, sql } from 'drizzle-orm';
import { unitRefsOn } from '../units/registry-repo.ts';

const { respondents, respondentUnits } = schema;

/** Units valid on `day` by upper-cased code, with their kind and its tier. */
export async function unitIdsByCode(
  db: DbOrTx,
  day: string,
): Promise<Map<string, { id: number; name: string; group: string; tier: string }>> {
  const rows = await unitRefsOn(db, day);
  return new Map(rows.map((r) => [r.code.toUpperCase(), { id: r.id, name: r.name, group: r.group, tier: r.tier }]));
}

export async function campaignEmails(db: DbOrTx, campaignId: string): Promise<Set<string>> {
  const rows = await db
    .select({ email: sql<string>`lower(${respondents.email})` })
    .from(respondents)
    .where(eq(respondents.campaignId, campaignId));
  return new Set(rows.map((r) => r.email));
}

export type RespondentInsert = Pick<
  typeof respondents.$inferInsert,
  'campaignId' | 'fullName' | 'email' | 'phone' | 'unitId' | 'respondentGroup'
>;

/** Rows per statement: each chunk travels as one jsonb parameter (61,100 rows = 13 statements). */
const CHUNK = 5_000;

/**
 * Inserts respondents and the units each rates (`rated`: lower-cased email → unit ids in order). Each
 * chunk of respondents is ONE jsonb parameter expanded by `jsonb_to_recordset` (one round trip and
 * one plan per 5,000 rows instead of one 6-parameter VALUES tuple per row; pg caps a statement at
 * 65,535 parameters). Run inside the caller's transaction: all rows or none.
 */
export async function insertRespondents(tx: DbOrTx, values: RespondentInsert[], rated: Map<string, number[]>): Promise<number> {
  let n = 0;
  for (let i = 0; i < values.length; i += CHUNK) {
    const payload = JSON.stringify(values.slice(i, i + CHUNK));
    const res = await tx.execute<{ id: string; email: string; unit_id: number }>(sql`
      insert into ${respondents} (campaign_id, full_name, email, phone, unit_id, respondent_group)
      select x."campaignId", x."fullName", x.email, x.phone, x."unitId", x."respondentGroup"
      from jsonb_to_recordset(${payload}::jsonb)
        as x("campaignId" uuid, "fullName" text, email text, phone text, "unitId" integer, "respondentGroup" text)
      returning id, email, unit_id`);
    const links = res.rows.flatMap((r) =>
      (rated.get(r.email.toLowerCase()) ?? [r.unit_id]).map((unitId, position) => ({ respondentId: r.id, unitId, position })),
    );
    for (let j = 0; j < links.length; j += 1000) await tx.insert(respondentUnits).values(links.slice(j, j + 1000));
    n += res.rows.length;
  }
  return n;
}
