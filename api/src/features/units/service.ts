/**
 * The unit registry: units as of a day, the reorganisation import (all or nothing, dry run first,
 * audited) and a unit's lineage. Rules of each event are in event-apply.ts.
 */
import { randomUUID } from 'node:crypto';
import type { UnitEventError, UnitEventsResult, UnitLineage, UnitsList } from '@hailong/contracts';
import type { Db, DbOrTx } from '@hailong/db';
import { AppError } from '../../errors.ts';
import { readTable, type TableUpload } from '../../lib/table-upload.ts';
import { vnToday } from './as-of.ts';
import { applyRow, type ApplyContext } from './event-apply.ts';
import { eventRowsFromMatrix, type EventRow } from './event-parse.ts';
import { auditImport, lockRegistry } from './event-repo.ts';
import { predecessorsOf, successorsOf, versionsOf } from './lineage-repo.ts';
import { findRegistryUnit, listKinds, unitsOn } from './registry-repo.ts';

export async function listUnitsOn(db: DbOrTx, asOf: string | undefined, province?: string): Promise<UnitsList> {
  const day = asOf ?? vnToday();
  return { asOf: day, units: await unitsOn(db, day, province) };
}

/** Carries a dry run's result out of the transaction it rolls back. */
class DryRunRollback extends Error {
  constructor(readonly result: UnitEventsResult) {
    super('dry run');
  }
}

const byPosition = (a: UnitEventError, b: UnitEventError) => a.row - b.row;

function summary(rows: EventRow[], dryRun: boolean, created: string[]): UnitEventsResult {
  return {
    dryRun,
    applied: rows.length,
    created,
    events: rows.map((r) => ({
      row: r.row,
      event: r.event,
      fromCodes: r.fromCodes,
      toCodes: r.toCodes,
      effectiveDate: r.effectiveDate,
      basis: r.basis,
    })),
  };
}

export async function importUnitEvents(
  db: Db,
  upload: TableUpload,
  opts: { dryRun: boolean; actorUserId: string | null; maxRows: number },
): Promise<UnitEventsResult> {
  const read = await readTable(upload, { maxRows: opts.maxRows, what: { vi: 'tệp sự kiện đơn vị', en: 'unit events file' } });
  if ('problem' in read)
    throw new AppError('IMPORT_INVALID', [
      { row: read.problem.row, column: 'file', message: read.problem.vi, messageEn: read.problem.en },
    ]);
  const parsed = eventRowsFromMatrix(read.matrix);
  const importId = randomUUID();
  try {
    return await db.transaction(async (tx) => {
      await lockRegistry(tx);
      const ctx: ApplyContext = {
        tx,
        importId,
        kinds: new Set((await listKinds(tx)).map((k) => k.code)),
        errors: [...parsed.errors],
        created: [],
      };
      for (const r of parsed.rows) await applyRow(ctx, r);
      if (ctx.errors.length > 0) throw new AppError('IMPORT_INVALID', ctx.errors.sort(byPosition));
      const result = summary(parsed.rows, opts.dryRun, ctx.created);
      if (opts.dryRun) throw new DryRunRollback(result);
      await auditImport(tx, opts.actorUserId, importId, { applied: result.applied, created: result.created.length });
      return result;
    });
  } catch (err) {
    if (err instanceof DryRunRollback) return err.result;
    throw err;
  }
}

export async function unitLineage(db: DbOrTx, code: string): Promise<UnitLineage> {
  const unit = await findRegistryUnit(db, code.toUpperCase());
  if (!unit) throw new AppError('UNIT_UNKNOWN', { code });
  return {
    code: unit.code,
    name: unit.name,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    predecessors: await predecessorsOf(db, unit.id),
    successors: await successorsOf(db, unit.id),
    history: await versionsOf(db, unit.id),
  };
}
