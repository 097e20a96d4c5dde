/**
 * Workbooks this product writes store xl/workbook.xml last, which ExcelJS's streaming reader does not
 * reliably reach before the sheets (src/lib/xlsx-entry-order.ts). Uploads are rewritten with the
 * workbook's parts first: the rewrite must keep every cell, and leave what it does not understand alone.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsxSheets } from '../src/lib/table-upload.ts';
import { workbookPartsFirst } from '../src/lib/xlsx-entry-order.ts';

/** Entry names in stored order (local headers). */
function entryNames(zip: Buffer): string[] {
  const names: string[] = [];
  const sig = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  for (let i = zip.indexOf(sig); i >= 0; i = zip.indexOf(sig, i + 30)) {
    names.push(zip.toString('utf8', i + 30, i + 30 + zip.readUInt16LE(i + 26)));
  }
  return names;
}

async function workbook(sheets: Record<string, string[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What a full (non-streaming) ExcelJS load sees: the reference for the streamed read. */
async function loaded(data: Buffer): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const out: Record<string, string[][]> = {};
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row, n) => {
      rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? v.trim() : ''));
    });
    out[ws.name.toLowerCase()] = Array.from(rows, (r) => r ?? []);
  });
  return out;
}

describe('workbook parts first', () => {
  it('puts xl/workbook.xml and the shared strings before the sheets of a workbook ExcelJS wrote, and the rewrite is still a workbook', async () => {
    const data = await workbook({
      survey: [
        ['type', 'name'],
        ['select_one likert5', 'TC1'],
      ],
      choices: [['list_name'], ['likert5']],
    });
    const before = entryNames(data);
    expect(before.indexOf('xl/workbook.xml')).toBeGreaterThan(before.indexOf('xl/worksheets/sheet1.xml'));
    const after = entryNames(workbookPartsFirst(data));
    expect([...after].sort()).toEqual([...before].sort());
    for (const part of ['xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/_rels/workbook.xml.rels']) {
      expect(after.indexOf(part)).toBeLessThan(after.indexOf('xl/worksheets/sheet1.xml'));
    }
    expect(await loaded(workbookPartsFirst(data))).toEqual(await loaded(data));
  });

  it('returns bytes it cannot place unchanged, and an already ordered workbook as it is', async () => {
    const notZip = Buffer.from('not an xlsx at all');
    expect(workbookPartsFirst(notZip)).toBe(notZip);
    const truncated = (await workbook({ a: [['x']] })).subarray(0, 200);
    expect(workbookPartsFirst(truncated)).toBe(truncated);
    const ordered = workbookPartsFirst(await workbook({ a: [['x']] }));
    expect(workbookPartsFirst(ordered)).toBe(ordered);
  });

  it('an upload reads back exactly what a full load of the same workbook sees (random sheets and texts)', async () => {
    const cell = fc.stringMatching(/^[a-zA-Z0-9 àáạảãâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]{1,12}$/).map((s) => s.trim());
    const rows = fc.array(
      fc.array(
        cell.filter((s) => s !== ''),
        { minLength: 1, maxLength: 4 },
      ),
      { minLength: 1, maxLength: 6 },
    );
    const sheets = fc.dictionary(fc.constantFrom('survey', 'choices', 'settings', 'scoring'), rows, { minKeys: 1 });
    await fc.assert(
      fc.asyncProperty(sheets, async (s) => {
        const data = await workbook(s);
        const read = await readXlsxSheets(data);
        if ('problem' in read) throw new Error(read.problem.en);
        const expected = await loaded(data);
        for (const [name, rowsOf] of Object.entries(expected)) {
          expect(read.sheets[name]?.map((r) => r.map((c) => c.normalize('NFC')))).toEqual(
            rowsOf.map((r) => r.map((c) => c.normalize('NFC'))),
          );
        }
      }),
      { numRuns: 40 },
    );
  });
});
