/**
 * Respondent import: all-or-nothing. Every row is checked first (every problem reported, in
 * Vietnamese, with its row and field); only a clean file is written, in one transaction. A dry run
 * checks the same way and reports what would be imported per unit and per group.
 */
import type { ImportResult } from '@hailong/contracts';
import { isUniqueViolation, type Db } from '@hailong/db';
import { AppError } from '../../errors.ts';
import { mapInTurns } from '../../lib/in-turns.ts';
import { getCampaign } from '../campaigns/service.ts';
import { campaignDay } from '../units/as-of.ts';
import { checkRows, ImportProblems, readRespondentRows, type RawTable, type RespondentRow, type Upload } from './parse.ts';
import { campaignEmails, insertRespondents, unitIdsByCode } from './repo.ts';

export type { Upload } from './parse.ts';

async function readUpload(upload: Upload, maxRows: number): Promise<RawTable> {
  try {
    return await readRespondentRows(upload, maxRows);
  } catch (err) {
    if (err instanceof ImportProblems) throw new AppError('IMPORT_INVALID', err.details);
    throw err;
  }
}

function counts(
  rows: RespondentRow[],
  key: (r: RespondentRow) => string,
  name?: (k: string) => string | undefined,
): ImportResult['byUnit'] {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return [...m.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([k, count]) => ({ key: k, count, ...(name?.(k) ? { name: name(k) } : {}) }));
}

const MULTI_UNIT_LISTED = 200;

function summarise(rows: RespondentRow[], name: (k: string) => string | undefined): Omit<ImportResult, 'imported' | 'dryRun'> {
  const multi = rows.filter((r) => r.ratedUnitCodes.length > 1 || r.ratedUnitCodes[0] !== r.unitCode);
  return {
    byUnit: counts(rows, (r) => r.unitCode, name),
    byGroup: counts(rows, (r) => r.group),
    byRatedUnit: counts(
      rows.flatMap((r) => r.ratedUnitCodes.map((code) => ({ ...r, unitCode: code }))),
      (r) => r.unitCode,
      name,
    ),
    multiUnit: multi.slice(0, MULTI_UNIT_LISTED).map((r) => ({ row: r.row, fullName: r.fullName, ratedUnits: r.ratedUnitCodes })),
    multiUnitCount: multi.length,
  };
}

export interface ImportOptions {
  dryRun: boolean;
  /** Data rows accepted (RESPONDENT_IMPORT_MAX_ROWS). */
  maxRows: number;
}

export async function importRespondents(
  db: Db,
  campaignId: string,
  upload: Upload,
  { dryRun, maxRows }: ImportOptions,
): Promise<ImportResult> {
  const campaign = await getCampaign(db, campaignId);
  if (campaign.kind !== 'staff') throw new AppError('CAMPAIGN_NOT_STAFF');
  const raw = await readUpload(upload, maxRows);
  const units = await unitIdsByCode(db, campaignDay(campaign));
  const { rows, errors } = await checkRows(raw, {
    unitKinds: new Map([...units].map(([code, u]) => [code, { kind: u.group, tier: u.tier }])),
    existingEmails: await campaignEmails(db, campaignId),
  });
  if (errors.length > 0) throw new AppError('IMPORT_INVALID', errors);
  const summary = summarise(rows, (k) => units.get(k)?.name);
  if (dryRun) return { imported: 0, dryRun: true, ...summary };
  const values = await mapInTurns(rows, (r) => ({
    campaignId,
    fullName: r.fullName,
    email: r.email,
    phone: r.phone,
    unitId: units.get(r.unitCode)?.id ?? 0,
    respondentGroup: r.group,
  }));
  const rated = new Map(rows.map((r) => [r.email, r.ratedUnitCodes.map((c) => units.get(c)?.id ?? 0)]));
  try {
    const imported = await db.transaction((tx) => insertRespondents(tx, values, rated));
    return { imported, dryRun: false, ...summary };
  } catch (err) {
    // Another import of the same campaign won the race for some address.
    if (isUniqueViolation(err, 'respondents_campaign_email_key')) {
      throw new AppError('IMPORT_INVALID', [
        { row: 0, field: 'email', message: 'Một số email vừa được nhập bởi người khác; vui lòng tải lại trang và thử lại' },
      ]);
    }
    throw err;
  }
}
