/** Rows of the template's targets sheet: every current unit, targets left blank. */
import { schema, type DbOrTx } from '@hailong/db';
import { asc, isNull } from 'drizzle-orm';

export async function unitTemplateRows(db: DbOrTx) {
  const { units } = schema;
  const rows = await db
    .select({ unitCode: units.code, unitName: units.name })
    .from(units)
    .where(isNull(units.validTo))
    .orderBy(asc(units.code));
  return rows;
}
