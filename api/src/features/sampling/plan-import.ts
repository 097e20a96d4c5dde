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
import { AppError, MAX_ERROR_DETAILS } from '../../errors.ts';
import { LOCALITIES_SHEET, TARGETS_SHEET } from './plan-columns.ts';
import { parsePlanWorkbook, type LocalityRow, type TargetRow } from './plan-parse.ts';
import { campaignDay } from '../units/as-of.ts';
import { getSipasCampaign } from './plan-service.ts';
import * as repo from './repo.ts';
import { sampleSize } from './sample-size.ts';

type UnitMap = Awaited<ReturnType<typeof repo.unitsByCode>>;

function unitErrors(targets: TargetRow[], localities: LocalityRow[] | null, units: UnitMap): PlanError[] {
  const errors: PlanError[] = [];
  for (const t of targets) {
    if (!units.has(t.unitCode)) {
      errors.push({
        sheet: TARGETS_SHEET,
        row: t.row,
        column: 'unit_code',
        message: `Không có đơn vị mã "${t.unitCode}"`,
        messageEn: `No unit has code "${t.unitCode}"`,
      });
    }
  }
  for (const l of localities ?? []) {
    const problem = localityProblem(l, units.get(l.districtCode));
    if (problem) errors.push({ sheet: LOCALITIES_SHEET, row: l.row, ...problem });
  }
  return errors;
}

/** A district unit takes communes (then hamlets); a commune-level unit takes its villages directly (no commune). */
function localityProblem(l: LocalityRow, unit: { tier: string } | undefined): Omit<PlanError, 'sheet' | 'row'> | null {
  const code = l.districtCode;
  if (!unit) return { column: 'district_code', message: `Không có đơn vị mã "${code}"`, messageEn: `No unit has code "${code}"` };
  if (unit.tier === 'district' && l.commune === '')
    return { column: 'commune', message: 'Thiếu tên xã', messageEn: 'Commune name is missing' };
  if (unit.tier === 'commune' && l.commune !== '') {
    return {
      column: 'commune',
      message: `Đơn vị "${code}" là cấp xã: để trống cột xã, ghi ấp/khóm/tổ dân phố`,
      messageEn: `Unit "${code}" is commune-level: leave the commune empty and give the village`,
    };
  }
  if (unit.tier !== 'district' && unit.tier !== 'commune') {
    return {
      column: 'district_code',
      message: `Đơn vị "${code}" không phải cấp huyện hay cấp xã`,
      messageEn: `Unit "${code}" is neither a district nor a commune-level unit`,
    };
  }
  return null;
}

function byPosition(a: PlanError, b: PlanError): number {
  return a.sheet === b.sheet ? a.row - b.row : a.sheet === TARGETS_SHEET ? -1 : 1;
}

export interface PlanImportOptions {
  dryRun: boolean;
  margin: number;
  /** Data rows accepted per sheet (SAMPLING_PLAN_IMPORT_MAX_ROWS). */
  maxRows: number;
}

export async function importPlan(db: Db, campaignId: string, data: Buffer, opts: PlanImportOptions): Promise<PlanImportResult> {
  const parsed = await parsePlanWorkbook(data, opts.maxRows);
  const units = await repo.unitsByCode(db, campaignDay(await getSipasCampaign(db, campaignId)));
  const errors = [...parsed.errors, ...unitErrors(parsed.targets, parsed.localities, units)].sort(byPosition);
  const targets = parsed.targets.map((t) => ({
    unitId: units.get(t.unitCode)?.id ?? 0,
    target: t.target ?? sampleSize(t.dossiers ?? 0, opts.margin),
    dossiers: t.target === null ? t.dossiers : null,
  }));
  const hamlets =
    parsed.localities?.map((l) => ({
      unitId: units.get(l.districtCode)?.id ?? 0,
      commune: l.commune,
      hamlet: l.hamlet,
      quota: l.quota,
    })) ?? null;
  const result: PlanImportResult = {
    dryRun: opts.dryRun,
    ok: errors.length === 0,
    errors: errors.slice(0, MAX_ERROR_DETAILS),
    errorsTotal: errors.length,
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
    await repo.replaceLocalityQuotas(
      tx,
      campaignId,
      hamlets.map((h, i) => ({ localityId: ids[i] ?? 0, quota: h.quota })),
    );
  });
  return result;
}
