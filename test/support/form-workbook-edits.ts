/**
 * Form workbooks (XLSForm-style: survey, choices, settings, scoring) as plain rows of text, so a test
 * can read an exported form, edit a cell or add a question, and write it back with `sheetsWorkbook`
 * from @hailong/api. Rows are 0-based here; the spreadsheet's row number is the index + 1.
 */
import ExcelJS from 'exceljs';

export type Sheets = Record<string, string[][]>;

export async function readSheets(file: Buffer): Promise<Sheets> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const out: Sheets = {};
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (r, n) => {
      rows[n - 1] = Array.from((r.values as unknown[]).slice(1), (v) =>
        v === undefined || v === null ? '' : String(v as string),
      );
    });
    out[ws.name] = Array.from(rows, (r) => r ?? []);
  }
  return out;
}

/** Sets one column of the settings sheet (form_id, version, title::vi…). */
export function setSetting(sheets: Sheets, column: string, value: string): void {
  const [head = [], row = []] = sheets.settings ?? [];
  row[head.indexOf(column)] = value;
}

/** The settings sheet's value in `column`. */
export function settingOf(sheets: Sheets, column: string): string | undefined {
  const [head = [], row = []] = sheets.settings ?? [];
  return row[head.indexOf(column)];
}

/** Adds a question at the end of a group (the row before its `end group`); returns its spreadsheet row number. */
export function addQuestion(sheets: Sheets, group: string, cells: Record<string, string>): number {
  const survey = sheets.survey ?? [];
  const head = survey[0] ?? [];
  const end = survey.findIndex((r) => r[0] === 'end group' && r[1] === group);
  if (end < 0) throw new Error(`no group ${group} in the survey sheet`);
  survey.splice(
    end,
    0,
    head.map((h) => cells[h] ?? ''),
  );
  return end + 1;
}
