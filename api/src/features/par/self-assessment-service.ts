/**
 * Import of appraised self-assessment scores (điểm tự đánh giá đã thẩm định), adjusted max points
 * (điểm chuẩn sau hạ chuẩn) and optionally staff-survey points, per unit and year. All or
 * nothing: every row is checked first (unknown unit, limits from @hailong/scoring), then all rows
 * are upserted in one transaction.
 */
import type { RowError, SelfAssessmentImportResult } from '@hailong/contracts';
import { schema, type Db, type DbOrTx } from '@hailong/db';
import { resolveParSettings, validateParUnit, type ScoringIssue } from '@hailong/scoring';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { parseCsvUpload, parseXlsxUpload, type ParsedUpload, type RawSelfAssessmentRow } from './self-assessment-parse.ts';
import { yearReferenceDay } from './reference-day.ts';
import { listUnits, type UnitRef } from './sipas-service.ts';

export type Upload = { kind: 'csv'; text: string } | { kind: 'xlsx'; data: Buffer };

const COLUMN: Record<string, string> = {
  selfAssessment: 'self_assessment', maxPoints: 'max_points', staffSurveyPoints: 'staff_survey_points', totalPoints: 'self_assessment',
};

function message(issue: ScoringIssue): string {
  const limit = issue.limit === undefined ? '' : ` (${issue.limit})`;
  switch (issue.reason) {
    case 'negative': return 'Không được âm';
    case 'not_positive': return 'Phải lớn hơn 0';
    case 'above_max':
      return issue.field === 'totalPoints' ? `Điểm tự đánh giá cộng điểm khảo sát vượt điểm chuẩn tối đa${limit}` : `Vượt điểm tối đa${limit}`;
    case 'unknown_group': return 'Nhóm đơn vị không tính Chỉ số CCHC';
    default: return 'Giá trị không hợp lệ';
  }
}

function checkRow(r: RawSelfAssessmentRow, unit: UnitRef | undefined): RowError[] {
  if (!unit) return [{ row: r.row, field: 'unit_code', message: `Không có đơn vị mã "${r.unitCode}"` }];
  const issues = validateParUnit(
    { unitCode: r.unitCode, unitName: unit.name, group: unit.parGroup, maxPoints: r.maxPoints, selfAssessment: r.selfAssessment, staffSurveyPoints: r.staffSurveyPoints ?? 0, sipasPercent: 0 },
    resolveParSettings(),
  );
  return issues.map((i) => ({ row: r.row, field: COLUMN[i.field] ?? i.field, message: message(i) }));
}

async function parseUpload(upload: Upload): Promise<ParsedUpload> {
  return upload.kind === 'csv' ? parseCsvUpload(upload.text) : parseXlsxUpload(upload.data);
}

async function store(tx: DbOrTx, year: number, rows: { unitId: number; r: RawSelfAssessmentRow }[]): Promise<void> {
  const t = schema.selfAssessments;
  await tx
    .insert(t)
    .values(rows.map(({ unitId, r }) => ({
      year, unitId, selfAssessment: String(r.selfAssessment), adjustedMax: String(r.maxPoints),
      staffSurveyPoints: r.staffSurveyPoints === null ? null : String(r.staffSurveyPoints),
    })))
    .onConflictDoUpdate({
      target: [t.year, t.unitId],
      set: { selfAssessment: sql`excluded.self_assessment`, adjustedMax: sql`excluded.adjusted_max`, staffSurveyPoints: sql`excluded.staff_survey_points`, importedAt: sql`now()` },
    });
}

export async function importSelfAssessments(db: Db, year: number, upload: Upload): Promise<SelfAssessmentImportResult> {
  const parsed = await parseUpload(upload);
  const units = new Map((await listUnits(db, await yearReferenceDay(db, year))).map((u) => [u.code, u]));
  const errors = [...parsed.errors, ...parsed.rows.flatMap((r) => checkRow(r, units.get(r.unitCode)))].sort((a, b) => a.row - b.row);
  if (errors.length > 0) throw new AppError('IMPORT_INVALID', errors);
  const rows = parsed.rows.map((r) => ({ unitId: (units.get(r.unitCode) as UnitRef).id, r }));
  await db.transaction(async (tx) => store(tx, year, rows));
  return { year, imported: rows.length };
}

export interface SelfAssessmentRow {
  unitId: number;
  selfAssessment: number;
  maxPoints: number;
  staffSurveyPoints: number | null;
}

export async function selfAssessmentsOf(db: DbOrTx, year: number): Promise<Map<number, SelfAssessmentRow>> {
  const t = schema.selfAssessments;
  const rows = await db.select().from(t).where(and(eq(t.year, year)));
  return new Map(rows.map((r) => [r.unitId, {
    unitId: r.unitId, selfAssessment: Number(r.selfAssessment), maxPoints: Number(r.adjustedMax),
    staffSurveyPoints: r.staffSurveyPoints === null ? null : Number(r.staffSurveyPoints),
  }]));
}
