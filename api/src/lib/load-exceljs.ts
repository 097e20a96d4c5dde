/**
 * exceljs, loaded the first time a workbook is written or read in this thread: importing it costs
 * every process that loads the API (the server, the worker, each test file) 0.4–2.4 s (quiet to
 * loaded 2-core machine) whether or not it ever touches a workbook.
 */
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
