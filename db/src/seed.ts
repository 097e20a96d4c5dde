/**
 * Reference data every installation needs: the provinces, the 40 units of Sóc Trăng 2021 (with their
 * first name version), the standard forms and the 2021 PAR method. Idempotent: re-running inserts nothing new and changes
 * nothing (ON CONFLICT DO NOTHING); units later renamed or merged by events keep their history.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { standardForms } from '@hailong/forms';
import { parMethod2021 } from '@hailong/scoring';
import type { DbOrTx } from './client.ts';
import { sql } from 'drizzle-orm';
import { forms, parMethods, provinces, unitGroups, units, unitVersions, type UnitGroup } from './schema/index.ts';

const unitsCsv = fileURLToPath(new URL('../seed/units-soctrang-2021.csv', import.meta.url));
const provincesCsv = fileURLToPath(new URL('../seed/provinces.csv', import.meta.url));
/** The province the seeded 2021 units belong to. */
export const SEED_PROVINCE = 'ST';

export interface SeedUnit {
  code: string;
  name: string;
  group: UnitGroup;
}

export function readSeedUnits(file = unitsCsv): SeedUnit[] {
  const rows = parse<Record<string, string>>(readFileSync(file), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    trim: true,
  });
  return rows.map((r, i) => {
    const group = r.group as UnitGroup;
    if (!r.code || !r.name || !unitGroups.includes(group)) throw new Error(`${file}: row ${i + 2} is invalid`);
    return { code: r.code, name: r.name, group };
  });
}

export interface SeedResult {
  unitsInserted: number;
  formsInserted: number;
}

function readProvinces(): { code: string; name: string }[] {
  return parse<Record<string, string>>(readFileSync(provincesCsv), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    trim: true,
  }).map((r) => ({ code: r.code ?? '', name: r.name ?? '' }));
}

async function seedUnits(db: DbOrTx): Promise<number> {
  await db.insert(provinces).values(readProvinces()).onConflictDoNothing({ target: provinces.code });
  const [province] = await db
    .select({ id: provinces.id })
    .from(provinces)
    .where(sql`${provinces.code} = ${SEED_PROVINCE}`);
  if (!province) throw new Error(`province ${SEED_PROVINCE} missing after seeding`);
  const inserted = await db
    .insert(units)
    .values(readSeedUnits().map((u) => ({ ...u, provinceId: province.id })))
    .onConflictDoNothing({ target: units.code })
    .returning({ id: units.id, validFrom: units.validFrom, name: units.name, group: units.group });
  if (inserted.length > 0) {
    await db
      .insert(unitVersions)
      .values(inserted.map((u) => ({ unitId: u.id, validFrom: u.validFrom, name: u.name, group: u.group })))
      .onConflictDoNothing();
  }
  return inserted.length;
}

export async function seed(db: DbOrTx): Promise<SeedResult> {
  const unitsInserted = await seedUnits(db);
  const formRows = await db
    .insert(forms)
    .values(standardForms.map((f) => ({ code: f.code, version: f.version, kind: f.kind, definition: f })))
    .onConflictDoNothing({ target: [forms.code, forms.version] })
    .returning({ id: forms.id });
  // The 2021 method (METHOD.md) as version 1 of 2021; a year edited since keeps its versions.
  await db.insert(parMethods).values({ year: 2021, version: 1, method: parMethod2021, basis: 'seed' }).onConflictDoNothing();
  return { unitsInserted, formsInserted: formRows.length };
}
