/**
 * Locality hierarchy for SIPAS locality sampling: a commune (xã/phường/thị trấn) hangs under a
 * district-tier unit, a hamlet (ấp/khóm) under a commune; in the two-tier administration a village
 * (ấp, khóm, tổ dân phố) hangs directly under a commune-tier unit (commune, ward, special zone). Names are unique per parent
 * (unique index); a locality an assignment points at cannot be deleted.
 */
import type { Locality, LocalityCreate } from '@hailong/contracts';
import { isUniqueViolation, type Db } from '@hailong/db';
import { AppError } from '../../errors.ts';
import * as repo from './repo.ts';

const NAME_KEY = 'localities_unit_parent_name_key';

function toLocality(r: repo.LocalityRow): Locality {
  return { id: r.id, unitCode: r.unitCode, parentId: r.parentId, level: r.level, name: r.name };
}

export async function listLocalities(db: Db, unitCode?: string): Promise<Locality[]> {
  return (await repo.listLocalities(db, unitCode)).map(toLocality);
}

export async function getLocality(db: Db, id: number): Promise<repo.LocalityRow> {
  const row = await repo.findLocality(db, id);
  if (!row) throw new AppError('LOCALITY_NOT_FOUND', { id });
  return row;
}

const DISTRICT_TIER = 'district';
const COMMUNE_TIER = 'commune';

/** Where a new locality goes: a commune under a district unit; a hamlet under a commune or a commune-level unit. */
async function placement(db: Db, input: LocalityCreate): Promise<{ unitId: number; parentId: number | null }> {
  if ('unitCode' in input) {
    const unit = await repo.findUnit(db, input.unitCode);
    if (!unit) throw new AppError('UNIT_UNKNOWN', { field: 'unitCode', unitCode: input.unitCode });
    const tier = input.level === 'commune' ? DISTRICT_TIER : COMMUNE_TIER;
    if (unit.tier !== tier) throw new AppError('LOCALITY_PARENT_INVALID', { field: 'unitCode', group: unit.group });
    return { unitId: unit.id, parentId: null };
  }
  const parent = await repo.findLocality(db, input.parentId);
  if (!parent) throw new AppError('LOCALITY_NOT_FOUND', { field: 'parentId', id: input.parentId });
  if (parent.level !== 'commune') throw new AppError('LOCALITY_PARENT_INVALID', { field: 'parentId', level: parent.level });
  return { unitId: parent.unitId, parentId: parent.id };
}

export async function createLocality(db: Db, input: LocalityCreate): Promise<Locality> {
  const where = await placement(db, input);
  try {
    const id = await repo.insertLocality(db, { ...where, level: input.level, name: input.name });
    return toLocality(await getLocality(db, id));
  } catch (err) {
    if (isUniqueViolation(err, NAME_KEY)) throw new AppError('LOCALITY_NAME_TAKEN', { name: input.name });
    throw err;
  }
}

export async function renameLocality(db: Db, id: number, name: string): Promise<Locality> {
  const row = await getLocality(db, id);
  try {
    await repo.renameLocality(db, id, name);
  } catch (err) {
    if (isUniqueViolation(err, NAME_KEY)) throw new AppError('LOCALITY_NAME_TAKEN', { name });
    throw err;
  }
  return toLocality({ ...row, name });
}

/** Deletes a locality nobody uses; its quotas in campaigns go with it (ON DELETE CASCADE). */
export async function deleteLocality(db: Db, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await repo.findLocality(tx, id);
    if (!row) throw new AppError('LOCALITY_NOT_FOUND', { id });
    if (await repo.usedByAssignment(tx, id)) throw new AppError('LOCALITY_IN_USE', { id });
    if (await repo.hasChildren(tx, id)) throw new AppError('LOCALITY_HAS_CHILDREN', { id });
    await repo.deleteLocality(tx, id);
  });
}
