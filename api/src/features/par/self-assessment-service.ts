/**
 * Import of appraised self-assessment scores (điểm tự đánh giá đã thẩm định), adjusted max points
 * (điểm chuẩn sau hạ chuẩn) and optionally staff-survey points, per unit and year. All or
 * nothing: every row is checked first (unknown unit, limits from @hailong/scoring), then all rows
 * are upserted in one transaction.
 */
import type { RowError, SelfAssessmentImportResult } from '@hailong/contracts';
import { schema, type Db, type DbOrTx } from '@hailong/db';
import { isParGroup, resolveParSettings, validateParUnit, type ScoringIssue } from '@hailong/scoring';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { parseCsvUpload, parseXlsxUpload, type ParsedUpload, type RawSelfAssessmentRow } from './self-assessment-parse.ts';
import { yearReferenceDay } from './reference-day.ts';
import { listUnits, type UnitRef } from './sipas-service.ts';

export type Upload = { kind: 'csv'; text: string } | { kind: 'xlsx'; data: Buffer };

const COLUMN: Record<string, string> = {
  selfAssessment: 'self_assessment',
  maxPoints: 'max_points',
  staffSurveyPoints: 'staff_survey_points',
  totalPoints: 'self_assessment',
};

/** The Vietnamese and English message of a limit the scoring package found broken. */
function message(issue: ScoringIssue): [string, string] {
  const limit = issue.limit === undefined ? '' : ` (${issue.limit})`;
  switch (issue.reason) {
    case 'negative':
      return ['Không được âm', 'Must not be negative'];
    case 'not_positive':
      return ['Phải lớn hơn 0', 'Must be greater than 0'];
    case 'above_max':
      return issue.field === 'totalPoints'
        ? [
            `Điểm tự đánh giá cộng điểm khảo sát vượt điểm chuẩn tối đa${limit}`,
            `Self-assessment plus survey points exceed the maximum${limit}`,
          ]
        : [`Vượt điểm tối đa${limit}`, `Above the maximum${limit}`];
    case 'unknown_group':
      return ['Nhóm đơn vị không tính Chỉ số CCHC', 'This kind of unit has no PAR Index'];
    default:
      return ['Giá trị không hợp lệ', 'Invalid value'];
  }
}

function checkRow(r: RawSelfAssessmentRow, unit: UnitRef | undefined): RowError[] {
  if (!unit)
    return [
      {
        row: r.row,
        field: 'unit_code',
        message: `Không có đơn vị mã "${r.unitCode}"`,
        messageEn: `No unit with code "${r.unitCode}"`,
      },
    ];
  const issues = validateParUnit(
    {
      unitCode: r.unitCode,
      unitName: unit.name,
      group: unit.parGroup,
      maxPoints: r.maxPoints,
      selfAssessment: r.selfAssessment,
      staffSurveyPoints: r.staffSurveyPoints ?? 0,
      sipasPercent: 0,
    },
    resolveParSettings(),
  );
  return issues.map((i) => {
    const [vi, en] = message(i);
    return { row: r.row, field: COLUMN[i.field] ?? i.field, message: vi, messageEn: en };
  });
}

async function parseUpload(upload: Upload, maxRows: number): Promise<ParsedUpload> {
  return upload.kind === 'csv' ? parseCsvUpload(upload.text, maxRows) : parseXlsxUpload(upload.data, maxRows);
}

async function store(tx: DbOrTx, year: number, rows: { unitId: number; r: RawSelfAssessmentRow }[]): Promise<void> {
  const t = schema.selfAssessments;
  await tx
    .insert(t)
    .values(
      rows.map(({ unitId, r }) => ({
        year,
        unitId,
        selfAssessment: String(r.selfAssessment),
        adjustedMax: String(r.maxPoints),
        staffSurveyPoints: r.staffSurveyPoints === null ? null : String(r.staffSurveyPoints),
      })),
    )
    .onConflictDoUpdate({
      target: [t.year, t.unitId],
      set: {
        selfAssessment: sql`excluded.self_assessment`,
        adjustedMax: sql`excluded.adjusted_max`,
        staffSurveyPoints: sql`excluded.staff_survey_points`,
        importedAt: sql`now()`,
      },
    });
}

/** Checks the whole file; stores every row in one transaction unless `dryRun` (then stores nothing). */
export async function importSelfAssessments(
  db: Db,
  year: number,
  upload: Upload,
  { dryRun, maxRows }: { dryRun: boolean; maxRows: number },
): Promise<SelfAssessmentImportResult> {
  const parsed = await parseUpload(upload, maxRows);
  const units = new Map((await listUnits(db, await yearReferenceDay(db, year))).map((u) => [u.code, u]));
  const errors = [...parsed.errors, ...parsed.rows.flatMap((r) => checkRow(r, units.get(r.unitCode)))].sort(
    (a, b) => a.row - b.row,
  );
  if (errors.length > 0) throw new AppError('IMPORT_INVALID', errors);
  const rows = parsed.rows.map((r) => ({ unit: units.get(r.unitCode) as UnitRef, r }));
  const stored = await selfAssessmentsOf(db, year);
  if (!dryRun)
    await db.transaction(async (tx) =>
      store(
        tx,
        year,
        rows.map(({ unit, r }) => ({ unitId: unit.id, r })),
      ),
    );
  return {
    year,
    imported: rows.length,
    dryRun,
    units: rows.map(({ unit, r }) => ({
      unitCode: unit.code,
      unitName: unit.name,
      group: unit.parGroup,
      selfAssessment: r.selfAssessment,
      maxPoints: r.maxPoints,
      staffSurveyPoints: r.staffSurveyPoints,
      replaces: stored.has(unit.id),
    })),
  };
}

/** Rows of the import template: every unit of the year that has a PAR group, with what is stored already. */
export async function selfAssessmentTemplateRows(db: DbOrTx, year: number): Promise<(string | number | null)[][]> {
  const stored = await selfAssessmentsOf(db, year);
  const units = (await listUnits(db, await yearReferenceDay(db, year))).filter((u) => isParGroup(u.parGroup));
  units.sort((a, b) => a.code.localeCompare(b.code, 'vi', { numeric: true }));
  return units.map((u) => {
    const s = stored.get(u.id);
    return [u.code, u.name, s?.selfAssessment ?? null, s?.maxPoints ?? null, s?.staffSurveyPoints ?? null];
  });
}

export interface SelfAssessmentRow {
  unitId: number;
  selfAssessment: number;
  maxPoints: number;
  staffSurveyPoints: number | null;
}

export async function selfAssessmentsOf(db: DbOrTx, year: number): Promise<Map<number, SelfAssessmentRow>> {
  const t = schema.selfAssessments;
  const rows = await db
    .select()
    .from(t)
    .where(and(eq(t.year, year)));
  return new Map(
    rows.map((r) => [
      r.unitId,
      {
        unitId: r.unitId,
        selfAssessment: Number(r.selfAssessment),
        maxPoints: Number(r.adjustedMax),
        staffSurveyPoints: r.staffSurveyPoints === null ? null : Number(r.staffSurveyPoints),
      },
    ]),
  );
}
