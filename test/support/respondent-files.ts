/**
 * Respondent lists of any size for the import tests and the import benchmark: n civil servants of
 * the Sóc Trăng departments (ST01–ST19, groups T2/T3), as CSV text or as an XLSX workbook written
 * row by row (a 61,100-row workbook is built in seconds without holding a model in memory).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export const RESPONDENT_HEADER = ['full_name', 'email', 'unit_code', 'respondent_group', 'phone'];

/** `bad` rows (spread through the file) have an invalid email. */
export function respondentRows(n: number, tag: string, bad = 0): string[][] {
  const badEvery = bad > 0 ? Math.floor(n / bad) : 0;
  return Array.from({ length: n }, (_, i) => [
    `Nguyễn Thị Hồng Nhung ${i}`,
    badEvery && i % badEvery === 0 && i / badEvery < bad ? `khong-hop-le-${i}` : `nhung.${i}.${tag}@cantho.gov.vn`,
    `ST${String((i % 19) + 1).padStart(2, '0')}`,
    i % 2 ? 'T2' : 'T3',
    `09${String(10_000_000 + i).slice(-8)}`,
  ]);
}

export function respondentCsv(rows: string[][]): string {
  return `${[RESPONDENT_HEADER, ...rows].map((r) => r.join(',')).join('\n')}\n`;
}

export async function respondentXlsx(rows: string[][], header = RESPONDENT_HEADER): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(header).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}
