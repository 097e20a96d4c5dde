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

/** Inserts respondents and the units each rates (`rated`: lower-cased email → unit ids in order). */
export async function insertRespondents(
  db: DbOrTx,
  values: (typeof respondents.$inferInsert)[],
  rated: Map<string, number[]>,
): Promise<number> {
  let n = 0;
  for (let i = 0; i < values.length; i += 500) {
    const res = await db
      .insert(respondents)
      .values(values.slice(i, i + 500))
      .returning({ id: respondents.id, email: respondents.email, unitId: respondents.unitId });
    const links = res.flatMap((r) =>
      (rated.get(r.email.toLowerCase()) ?? [r.unitId]).map((unitId, position) => ({ respondentId: r.id, unitId, position })),
    );
    for (let j = 0; j < links.length; j += 1000) await db.insert(respondentUnits).values(links.slice(j, j + 1000));
    n += res.length;
  }
  return n;
}
