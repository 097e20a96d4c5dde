/**
 * The PAR Index table as an Excel workbook in the official layout (title, bold header, groups
 * I–IV with their means, numbers shown with two decimals). Returns the file as a Buffer so the CLI
 * can write it and an HTTP route can send it.
 */
import ExcelJS from 'exceljs';
import type { ParTable } from '@hailong/scoring';
import { defaultParTableTitle, parTableHeaders, parTableNumberColumns, parTableRows, type ParTableRow } from './par-table-layout.ts';

export interface ParTableXlsxOptions {
  title?: string;
  sheetName?: string;
}

const WIDTHS = [6, 42, 12, 12, 12, 12, 12, 12, 12, 10];
const decimalColumns: ReadonlySet<number> = new Set(parTableNumberColumns);
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function styleRow(row: ExcelJS.Row, kind: ParTableRow['kind'] | 'header'): void {
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.border = BORDER;
    if (kind !== 'header' && decimalColumns.has(col - 1)) cell.numFmt = '0.00';
    if (kind !== 'unit') cell.font = { bold: true, italic: kind === 'group_mean' || kind === 'overall_mean' };
  });
}

/** Builds the workbook; `table` must be the published (rounded) table. */
export async function parTableXlsx(table: ParTable, options: ParTableXlsxOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Chỉ số CCHC');
  const columns = parTableHeaders.length;
  sheet.columns = WIDTHS.map((width) => ({ width }));

  const title = sheet.addRow([options.title ?? defaultParTableTitle]);
  sheet.mergeCells(title.number, 1, title.number, columns);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };

  const header = sheet.addRow([...parTableHeaders]);
  styleRow(header, 'header');
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.views = [{ state: 'frozen', ySplit: header.number }];

  for (const row of parTableRows(table)) {
    const added = sheet.addRow(row.kind === 'group' ? [...row.cells, ...Array<null>(columns - 1).fill(null)] : row.cells);
    styleRow(added, row.kind);
    if (row.kind === 'group') sheet.mergeCells(added.number, 1, added.number, columns);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
