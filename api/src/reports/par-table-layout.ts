/**
 * The official layout of the PAR Index table, shared by the XLSX and CSV exports: a header row,
 * then for each group a header row ("I. Sở, ban, ngành"), its units ordered by rank, and a row of
 * group means; an overall mean at the end. Figures come already rounded (`publishParTable`).
 */
import type { ParGroup, ParGroupSummary, ParTable, ParUnitResult } from '@hailong/scoring';

export const parTableHeaders = [
  'STT',
  'Đơn vị',
  'Điểm chuẩn tối đa',
  'Điểm tự đánh giá',
  'Khảo sát CBCCVC',
  'Chỉ số SIPAS',
  'Điểm SIPAS',
  'Tổng điểm',
  'Chỉ số CCHC',
  'Xếp loại',
] as const;

/** Indices (0-based) of the columns that hold numbers with two decimals. */
export const parTableNumberColumns = [2, 3, 4, 5, 6, 7, 8] as const;

export const parGroupLabels: Record<ParGroup, string> = {
  department: 'Sở, ban, ngành',
  public_service_unit: 'Đơn vị sự nghiệp công lập',
  central_agency: 'Cơ quan Trung ương đặt tại tỉnh',
  district: 'UBND cấp huyện',
  commune: 'UBND cấp xã',
};

export const defaultParTableTitle = 'KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (CHỈ SỐ CCHC)';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

export type Cell = string | number | null;

export interface ParTableRow {
  kind: 'group' | 'unit' | 'group_mean' | 'overall_mean' | 'withheld_title' | 'withheld';
  cells: Cell[];
}

export function bandLabel(band: number): string {
  return `Nhóm ${band}`;
}

function unitRow(unit: ParUnitResult, position: number): ParTableRow {
  return {
    kind: 'unit',
    cells: [
      position,
      unit.unitName,
      unit.maxPoints,
      unit.selfAssessment,
      unit.staffSurveyPoints,
      unit.sipasPercent,
      unit.sipasPoints,
      unit.totalPoints,
      unit.indexPercent,
      bandLabel(unit.band),
    ],
  };
}

function meanRow(g: ParGroupSummary): ParTableRow {
  return {
    kind: 'group_mean',
    cells: [
      null,
      'Bình quân nhóm',
      g.meanMaxPoints,
      g.meanSelfAssessment,
      g.meanStaffSurveyPoints,
      g.meanSipasPercent,
      g.meanSipasPoints,
      g.meanTotalPoints,
      g.meanIndexPercent,
      null,
    ],
  };
}

/** Units of a group, best first (ties keep their input order). */
function ranked(table: ParTable, group: ParGroup): ParUnitResult[] {
  return table.units.filter((u) => u.group === group).sort((a, b) => a.rankInGroup - b.rankInGroup);
}

/** The rows of the table below the header, in print order. */
export function parTableRows(table: ParTable): ParTableRow[] {
  const rows: ParTableRow[] = [];
  table.groups.forEach((g, i) => {
    rows.push({ kind: 'group', cells: [`${ROMAN[i] ?? String(i + 1)}. ${parGroupLabels[g.group]}`] });
    ranked(table, g.group).forEach((u, k) => rows.push(unitRow(u, k + 1)));
    rows.push(meanRow(g));
  });
  if (table.overall.units > 0) {
    const cells: Cell[] = [null, 'Bình quân chung', null, null, null, null, null, null, table.overall.meanIndexPercent, null];
    rows.push({ kind: 'overall_mean', cells });
  }
  return rows;
}

/**
 * Units whose staff-survey points came from fewer than `minCell` responses (issue 14): listed after
 * the table with "< 5" in the staff column and nothing else — their total, index and band would give
 * the withheld points back, and they are in no group mean.
 */
export interface WithheldUnits {
  minCell: number;
  unitNames: readonly string[];
}

export function withheldRows(withheld: WithheldUnits | undefined): ParTableRow[] {
  if (!withheld || withheld.unitNames.length === 0) return [];
  const title = `Đơn vị chưa công bố: ít hơn ${withheld.minCell} phiếu khảo sát CBCCVC, không công bố để bảo vệ người trả lời`;
  return [
    { kind: 'withheld_title', cells: [null, title] },
    ...withheld.unitNames.map((name, k): ParTableRow => ({
      kind: 'withheld',
      cells: [k + 1, name, null, null, `< ${withheld.minCell}`, null, null, null, null, 'Chưa xếp loại'],
    })),
  ];
}
