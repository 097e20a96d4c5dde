/**
 * Import of a SIPAS campaign's sampling plan from XLSX, all or nothing. Every row is checked first
 * (cells in plan-parse.ts; unit codes and district units here); a single problem means nothing is
 * written and every problem is reported. Otherwise, in one transaction, the campaign's targets are
 * replaced by the sheet's, and — when the workbook has a localities sheet — its hamlet sample too
 * (communes and hamlets are created once and reused), so importing the same file twice changes nothing.
 * A dry run reports the same result without writing.
 */
import type { PlanError, PlanImportResult } from '@hailong/contracts';
import type { Db } from '@hailong/db';
import { AppError } from '../../errors.ts';
import { LOCALITIES_SHEET, TARGETS_SHEET } from './plan-columns.ts';
import { parsePlanWorkbook, type LocalityRow, type TargetRow } from './plan-parse.ts';
import { getSipasCampaign } from './plan-service.ts';
import * as repo from './repo.ts';
import { sampleSize } from './sample-size.ts';

type UnitMap = Awaited<ReturnType<typeof repo.unitsByCode>>;

function unitErrors(targets: TargetRow[], localities: LocalityRow[] | null, units: UnitMap): PlanError[] {
  const errors: PlanError[] = [];
  for (const t of targets) {
    if (!units.has(t.unitCode)) {
      errors.push({ sheet: TARGETS_SHEET, row: t.row, column: 'unit_code', message: `Không có đơn vị mã "${t.unitCode}"`, messageEn: `No unit has code "${t.unitCode}"` });
    }
  }
  for (const l of localities ?? []) {
    const unit = units.get(l.districtCode);
    if (!unit) {
      errors.push({ sheet: LOCALITIES_SHEET, row: l.row, column: 'district_code', message: `Không có đơn vị mã "${l.districtCode}"`, messageEn: `No unit has code "${l.districtCode}"` });
    } else if (unit.group !== 'district') {
      errors.push({ sheet: LOCALITIES_SHEET, row: l.row, column: 'district_code', message: `Đơn vị "${l.districtCode}" không phải cấp huyện`, messageEn: `Unit "${l.districtCode}" is not a district` });
    }
  }
  return errors;
}

function byPosition(a: PlanError, b: PlanError): number {
  return a.sheet === b.sheet ? a.row - b.row : a.sheet === TARGETS_SHEET ? -1 : 1;
}

export interface PlanImportOptions { dryRun: boolean; margin: number }

export async function importPlan(db: Db, campaignId: string, data: Buffer, opts: PlanImportOptions): Promise<PlanImportResult> {
  await getSipasCampaign(db, campaignId);
  const parsed = await parsePlanWorkbook(data);
  const units = await repo.unitsByCode(db);
  const errors = [...parsed.errors, ...unitErrors(parsed.targets, parsed.localities, units)].sort(byPosition);
  const targets = parsed.targets.map((t) => ({
    unitId: units.get(t.unitCode)?.id ?? 0,
    target: t.target ?? sampleSize(t.dossiers ?? 0, opts.margin),
    dossiers: t.target === null ? t.dossiers : null,
  }));
  const hamlets = parsed.localities?.map((l) => ({ unitId: units.get(l.districtCode)?.id ?? 0, commune: l.commune, hamlet: l.hamlet, quota: l.quota })) ?? null;
  const result: PlanImportResult = {
    dryRun: opts.dryRun,
    ok: errors.length === 0,
    errors,
    units: targets.length,
    total: targets.reduce((s, t) => s + t.target, 0),
    localities: hamlets && {
      communes: new Set(hamlets.map((h) => `${h.unitId}\u0000${h.commune}`)).size,
      hamlets: hamlets.length,
      quota: hamlets.reduce((s, h) => s + h.quota, 0),
    },
  };
  if (opts.dryRun) return result;
  if (errors.length > 0) throw new AppError('IMPORT_INVALID', errors);
  await db.transaction(async (tx) => {
    await repo.deleteTargets(tx, campaignId);
    await repo.upsertTargets(tx, campaignId, targets);
    if (hamlets === null) return;
    const ids = await repo.ensureHamlets(tx, hamlets);
    await repo.replaceLocalityQuotas(tx, campaignId, hamlets.map((h, i) => ({ localityId: ids[i] ?? 0, quota: h.quota })));
  });
  return result;
}
