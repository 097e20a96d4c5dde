/**
 * The PAR Index table as an Excel workbook in the published layout (docs/0013):
 * - "Chỉ số CCHC": title; a two-level header with "Điểm ĐTXHH" over the staff-survey and SIPAS
 *   points; a row of column numbers ("7=(4)+(5)+(6)", "8=(7)/(3)"); each group's row carries the
 *   group means; the index is a percentage cell ("87,33%" in a Vietnamese Excel);
 * - "SIPAS": SIPAS % and points by unit and group, with the year's overall SIPAS, pooled over the
 *   forms and as the mean of the units, each labelled;
 * - "Xếp loại": units per band and group.
 * Returns the file as a Buffer so the CLI can write it and an HTTP route can send it.
 */
import type ExcelJS from 'exceljs';
import type { ParGroupSummary, ParTable, ParUnitResult } from '@hailong/scoring';
import { bandLabel, defaultParTableTitle, parGroupLabels, withheldRows, type WithheldUnits } from './par-table-layout.ts';
import { loadExcelJS } from '../lib/load-exceljs.ts';

export interface ParTableXlsxOptions {
  title?: string | undefined;
  sheetName?: string;
  /** The year's SIPAS over every valid form (pooled), when the forms are known (not from the CLI's CSV). */
  pooledSipasPercent?: number | null | undefined;
  /** Units whose staff points are withheld (fewer than minCell responses): listed after the table with "< 5". */
  withheld?: WithheldUnits | undefined;
}

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
const POINTS = '0.00';
const PERCENT = '0.00%';

/** Column formats of the main sheet (1-based columns 3–8). */
const mainFormats: Record<number, string> = { 3: POINTS, 4: POINTS, 5: POINTS, 6: POINTS, 7: POINTS, 8: PERCENT };

function style(row: ExcelJS.Row, formats: Record<number, string>, bold: boolean, columns: number): void {
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.border = BORDER;
    const format = formats[c];
    if (format) cell.numFmt = format;
    if (bold) cell.font = { bold: true };
  }
}

function titleRow(sheet: ExcelJS.Worksheet, title: string, columns: number): void {
  const row = sheet.addRow([title]);
  sheet.mergeCells(row.number, 1, row.number, columns);
  row.font = { bold: true, size: 14 };
  row.alignment = { horizontal: 'center' };
}

const pct = (x: number | null): number | null => (x === null ? null : x / 100);

function mainSheet(workbook: ExcelJS.Workbook, table: ParTable, options: ParTableXlsxOptions): void {
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Chỉ số CCHC');
  sheet.columns = [6, 42, 13, 13, 13, 13, 12, 12, 11].map((width) => ({ width }));
  titleRow(sheet, options.title ?? defaultParTableTitle, 9);
  const top = sheet.addRow([
    'STT',
    'Đơn vị',
    'Điểm chuẩn sau hạ chuẩn',
    'Điểm tự đánh giá đã thẩm định',
    'Điểm ĐTXHH',
    null,
    'Tổng điểm đạt được',
    'Chỉ số CCHC',
    'Xếp loại',
  ]);
  const sub = sheet.addRow([null, null, null, null, 'Khảo sát CBCCVC', 'Chỉ số SIPAS (điểm)', null, null, null]);
  for (const c of [1, 2, 3, 4, 7, 8, 9]) sheet.mergeCells(top.number, c, sub.number, c);
  sheet.mergeCells(top.number, 5, top.number, 6);
  const numbers = sheet.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '7=(4)+(5)+(6)', '8=(7)/(3)', '(9)']);
  for (const row of [top, sub, numbers]) {
    style(row, {}, true, 9);
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  sheet.views = [{ state: 'frozen', ySplit: numbers.number }];
  table.groups.forEach((g, i) => {
    const groupRow = sheet.addRow([
      ROMAN[i] ?? String(i + 1),
      parGroupLabels[g.group],
      g.meanMaxPoints,
      g.meanSelfAssessment,
      g.meanStaffSurveyPoints,
      g.meanSipasPoints,
      g.meanTotalPoints,
      pct(g.meanIndexPercent),
      null,
    ]);
    style(groupRow, mainFormats, true, 9);
    units(table, g).forEach((u, k) => {
      const row = sheet.addRow([
        k + 1,
        u.unitName,
        u.maxPoints,
        u.selfAssessment,
        u.staffSurveyPoints,
        u.sipasPoints,
        u.totalPoints,
        pct(u.indexPercent),
        bandLabel(u.band),
      ]);
      style(row, mainFormats, false, 9);
    });
  });
  if (table.overall.units > 0)
    style(
      sheet.addRow([null, 'Bình quân chung', null, null, null, null, null, pct(table.overall.meanIndexPercent), null]),
      mainFormats,
      true,
      9,
    );
  withheldUnits(sheet, options.withheld);
}

/** The withheld units under the table: the layout's cells less the SIPAS % column, which this sheet does not have. */
function withheldUnits(sheet: ExcelJS.Worksheet, withheld: WithheldUnits | undefined): void {
  for (const row of withheldRows(withheld)) {
    const [stt, name, max, self, staff, , sipasPoints, total, index, band] = row.cells;
    if (row.kind === 'withheld_title') {
      const title = sheet.addRow([null, name]);
      title.font = { italic: true };
      continue;
    }
    const added = sheet.addRow([stt, name, max, self, staff, sipasPoints, total, index, band]);
    style(added, {}, false, 9);
    added.getCell(5).note = `Ít hơn ${withheld?.minCell ?? 5} phiếu khảo sát CBCCVC: không công bố / Fewer responses: withheld`;
    added.getCell(5).alignment = { horizontal: 'right' };
  }
}

/** Units of a group, best first (ties keep their input order). */
function units(table: ParTable, g: ParGroupSummary): ParUnitResult[] {
  return table.units.filter((u) => u.group === g.group).sort((a, b) => a.rankInGroup - b.rankInGroup);
}

function sipasSheet(workbook: ExcelJS.Workbook, table: ParTable, options: ParTableXlsxOptions): void {
  const sheet = workbook.addWorksheet('SIPAS');
  sheet.columns = [6, 42, 16, 14].map((width) => ({ width }));
  titleRow(sheet, 'CHỈ SỐ HÀI LÒNG (SIPAS) THEO ĐƠN VỊ VÀ NHÓM', 4);
  style(sheet.addRow(['STT', 'Đơn vị', 'Chỉ số SIPAS (%)', 'Điểm SIPAS']), {}, true, 4);
  const formats = { 3: PERCENT, 4: POINTS };
  table.groups.forEach((g, i) => {
    style(
      sheet.addRow([ROMAN[i] ?? String(i + 1), parGroupLabels[g.group], pct(g.meanSipasPercent), g.meanSipasPoints]),
      formats,
      true,
      4,
    );
    units(table, g).forEach((u, k) =>
      style(sheet.addRow([k + 1, u.unitName, pct(u.sipasPercent), u.sipasPoints]), formats, false, 4),
    );
  });
  const unitsMean = table.units.length > 0 ? table.units.reduce((a, u) => a + u.sipasPercent, 0) / table.units.length : null;
  style(sheet.addRow([null, 'SIPAS chung của năm — bình quân các đơn vị', pct(unitsMean), null]), formats, true, 4);
  if (options.pooledSipasPercent != null) {
    style(
      sheet.addRow([null, 'SIPAS chung của năm — gộp tất cả phiếu hợp lệ', pct(options.pooledSipasPercent), null]),
      formats,
      true,
      4,
    );
  }
}

function bandSheet(workbook: ExcelJS.Workbook, table: ParTable): void {
  const bands = [...new Set(table.groups.flatMap((g) => Object.keys(g.bandCounts)))].sort((a, b) => Number(a) - Number(b));
  const columns = bands.length + 2;
  const sheet = workbook.addWorksheet('Xếp loại');
  sheet.columns = [42, ...bands.map(() => 11), 11].map((width) => ({ width }));
  titleRow(sheet, 'XẾP LOẠI CHỈ SỐ CCHC THEO NHÓM ĐƠN VỊ', columns);
  style(sheet.addRow(['Nhóm đơn vị', ...bands.map((b) => bandLabel(Number(b))), 'Tổng số']), {}, true, columns);
  for (const g of table.groups) {
    style(sheet.addRow([parGroupLabels[g.group], ...bands.map((b) => g.bandCounts[b] ?? 0), g.units]), {}, false, columns);
  }
  const totals = bands.map((b) => table.groups.reduce((a, g) => a + (g.bandCounts[b] ?? 0), 0));
  style(sheet.addRow(['Tổng số', ...totals, table.units.length]), {}, true, columns);
}

/** Builds the workbook; `table` must be the published (rounded) table. */
export async function parTableXlsx(table: ParTable, options: ParTableXlsxOptions = {}): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  mainSheet(workbook, table, options);
  sipasSheet(workbook, table, options);
  bandSheet(workbook, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
