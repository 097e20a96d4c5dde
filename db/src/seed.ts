/**
 * Reference data every installation needs: the 40 units of Sóc Trăng 2021 and the standard forms.
 * Idempotent: re-running inserts nothing new and changes nothing (ON CONFLICT DO NOTHING).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { standardForms } from '@hailong/forms';
import type { DbOrTx } from './client.ts';
import { forms, unitGroups, units, type UnitGroup } from './schema/index.ts';

const unitsCsv = fileURLToPath(new URL('../seed/units-soctrang-2021.csv', import.meta.url));

export interface SeedUnit {
  code: string;
  name: string;
  group: UnitGroup;
}

export function readSeedUnits(file = unitsCsv): SeedUnit[] {
  const rows = parse<Record<string, string>>(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true, trim: true });
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

export async function seed(db: DbOrTx): Promise<SeedResult> {
  const unitRows = await db
    .insert(units)
    .values(readSeedUnits())
    .onConflictDoNothing({ target: units.code })
    .returning({ id: units.id });
  const formRows = await db
    .insert(forms)
    .values(standardForms.map((f) => ({ code: f.code, version: f.version, kind: f.kind, definition: f })))
    .onConflictDoNothing({ target: [forms.code, forms.version] })
    .returning({ id: forms.id });
  return { unitsInserted: unitRows.length, formsInserted: formRows.length };
}
