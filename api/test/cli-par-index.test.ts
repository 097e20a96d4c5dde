/** `pnpm --silent cli par-index` run as a child process, as the province's staff would run it. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const samplePath = fileURLToPath(new URL('../../test/fixtures/par-2021-sample.csv', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hl-par-index-'));
const columns = ['unit_code', 'unit_name', 'group', 'max_points', 'self_assessment', 'staff_survey_points', 'sipas_percent'];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** As `pnpm --silent cli` runs it (package.json): one Node process with tsx's loader. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'api/src/cli/main.ts', ...args],
      { cwd: root, encoding: 'utf8' },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

function writeInput(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The published sample with its result columns (the CLI ignores the extra ones). */
const sampleText = readFileSync(samplePath, 'utf8');
const published = sampleText
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const c = line.split(',');
    return {
      unitCode: c[0],
      sipasPoints: Number(c[7]),
      totalPoints: Number(c[8]),
      indexPercent: Number(c[9]),
      band: Number(c[10]),
    };
  });

interface UnitOut {
  unitCode: string;
  group: string;
  sipasPoints: number;
  totalPoints: number;
  indexPercent: number;
  band: number;
  rankInGroup: number;
}

describe('cli par-index', () => {
  it('reproduces the published 2021 rows as JSON on stdout', async () => {
    const run = await cli('par-index', '--input', samplePath);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      units: UnitOut[];
      groups: { group: string; units: number; bandCounts: Record<string, number> }[];
      overall: { units: number };
    };
    for (const p of published) {
      const unit = out.units.find((u) => u.unitCode === p.unitCode);
      expect(unit?.sipasPoints).toBe(p.sipasPoints);
      expect(Math.abs((unit?.totalPoints ?? 0) - p.totalPoints)).toBeLessThanOrEqual(0.0100001);
      expect(Math.abs((unit?.indexPercent ?? 0) - p.indexPercent)).toBeLessThanOrEqual(0.0100001);
      expect(unit?.band).toBe(p.band);
    }
    expect(Object.keys(out.units[0] ?? {})).toEqual([
      'unitCode',
      'unitName',
      'group',
      'maxPoints',
      'selfAssessment',
      'staffSurveyPoints',
      'sipasPercent',
      'sipasPoints',
      'totalPoints',
      'indexPercent',
      'band',
      'rankInGroup',
    ]);
    expect(out.groups.find((g) => g.group === 'district')).toMatchObject({
      units: 2,
      bandCounts: { 1: 0, 2: 0, 3: 2, 4: 0, 5: 0 },
    });
    expect(out.overall.units).toBe(6);
  });

  it('reads a spreadsheet export with a BOM, CRLF and quoted names', async () => {
    const input = writeInput(
      'bom.csv',
      `\uFEFF${columns.join(',')}\r\nST16,"Sở Xây dựng, tỉnh Sóc Trăng",department,94.00,48.00,19.18,99.40\r\n`,
    );
    const run = await cli('par-index', '--input', input);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      units: [{ unitName: 'Sở Xây dựng, tỉnh Sóc Trăng', indexPercent: 87.33, band: 2 }],
    });
  });

  it('refuses bad rows with exit 1, one line per bad row on stderr and nothing on stdout', async () => {
    const input = writeInput(
      'bad.csv',
      [
        columns.join(','),
        'ST99,X,department,90,abc,10,95',
        'ST16,Sở Xây dựng,department,94.00,48.00,19.18,99.40',
        'ST98,Y,ministry,90,10,10,95',
        'ST97,Z,district,90,80,10,95',
        'ST16,Sở Xây dựng,department,94.00,48.00,19.18,99.40',
      ].join('\n'),
    );
    const run = await cli('par-index', '--input', input);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('dòng 2 / row 2: self_assessment: không phải số "abc" / not a number "abc"');
    expect(lines[1]).toMatch(/^dòng 4 \/ row 4: group: .*unknown group "ministry"/);
    expect(lines[2]).toMatch(/^dòng 5 \/ row 5: total_points: .*above the maximum 90/);
    expect(lines[3]).toMatch(/^dòng 6 \/ row 6: unit_code: .*duplicate unit code \(row 3\)/);
  });

  it('names a missing column', async () => {
    const input = writeInput(
      'missing.csv',
      'unit_code,unit_name,group,max_points,self_assessment,staff_survey_points\nST01,A,department,90,10,10\n',
    );
    const run = await cli('par-index', '--input', input);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('dòng 1 / row 1: sipas_percent: thiếu cột / missing column');
  });

  it('prints the usage and exits 2 on an unknown command or option', async () => {
    const unknown = await cli('par-indx');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('par-index');
    const badFormat = await cli('par-index', '--input', samplePath, '--format', 'pdf');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stdout).toBe('');
  });

  it('writes the published XLSX layout: two-level header, column numbers, group rows with means, index as a percentage; SIPAS and band sheets', async () => {
    const out = join(dir, 'par.xlsx');
    const run = await cli(
      'par-index',
      '--input',
      samplePath,
      '--format',
      'xlsx',
      '--out',
      out,
      '--title',
      'Chỉ số CCHC năm 2021',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Chỉ số CCHC', 'SIPAS', 'Xếp loại']);
    const sheet = workbook.worksheets[0]!;
    const text = (r: number, c: number) => sheet.getRow(r).getCell(c).value;
    expect(text(1, 1)).toBe('Chỉ số CCHC năm 2021');
    expect([1, 2, 3, 4, 5, 7, 8, 9].map((c) => text(2, c))).toEqual([
      'STT',
      'Đơn vị',
      'Điểm chuẩn sau hạ chuẩn',
      'Điểm tự đánh giá đã thẩm định',
      'Điểm ĐTXHH',
      'Tổng điểm đạt được',
      'Chỉ số CCHC',
      'Xếp loại',
    ]);
    expect([text(3, 5), text(3, 6)]).toEqual(['Khảo sát CBCCVC', 'Chỉ số SIPAS (điểm)']);
    expect([...Array(9).keys()].map((i) => text(4, i + 1))).toEqual([
      '(1)',
      '(2)',
      '(3)',
      '(4)',
      '(5)',
      '(6)',
      '7=(4)+(5)+(6)',
      '8=(7)/(3)',
      '(9)',
    ]);
    const merges = (sheet.model as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:I1', 'E2:F2', 'A2:A3', 'B2:B3', 'G2:G3', 'H2:H3', 'I2:I3']));
    expect(sheet.getRow(2).getCell(5).font?.bold).toBe(true);
    const rowOf = (name: string, s = sheet) => {
      let found: ExcelJS.Row | undefined;
      s.eachRow((row) => {
        if (row.getCell(2).value === name) found = row;
      });
      if (!found) throw new Error(`no row ${name}`);
      return found;
    };
    // Group rows carry the group means; a Vietnamese Excel shows the index as "87,33%".
    const districts = rowOf('UBND cấp huyện');
    expect(districts.getCell(1).value).toBe('IV');
    expect(districts.getCell(3).value).toBe(93.38); // (93.00 + 93.75) / 2, half-up
    expect(districts.getCell(3).numFmt).toBe('0.00');
    expect(rowOf('Sở, ban, ngành').getCell(1).value).toBe('I');
    const xd = rowOf('Sở Xây dựng');
    expect([1, 3, 4, 5, 6, 7, 9].map((c) => xd.getCell(c).value)).toEqual([1, 94, 48, 19.18, 14.91, 82.09, 'Nhóm 2']);
    expect(xd.getCell(8).value).toBeCloseTo(0.8733, 12);
    expect(xd.getCell(8).numFmt).toBe('0.00%');
    expect(xd.getCell(6).numFmt).toBe('0.00');
    expect(rowOf('Công an tỉnh').getCell(9).value).toBe('Nhóm 1');
    expect(rowOf('Bình quân chung').getCell(8).value).toBeCloseTo(0.7893, 12);

    const sipas = workbook.getWorksheet('SIPAS')!;
    expect(rowOf('Sở Xây dựng', sipas).getCell(3).value).toBeCloseTo(0.994, 12);
    expect(rowOf('Sở Xây dựng', sipas).getCell(4).value).toBe(14.91);
    expect(rowOf('Sở Xây dựng', sipas).getCell(3).numFmt).toBe('0.00%');
    // From a CSV the forms are unknown: only the mean of the units, labelled as such.
    expect(rowOf('SIPAS chung của năm — bình quân các đơn vị', sipas).getCell(3).value).toBeGreaterThan(0.9);
    expect(() => rowOf('SIPAS chung của năm — gộp tất cả phiếu hợp lệ', sipas)).toThrow();

    const bands = workbook.getWorksheet('Xếp loại')!;
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => bands.getRow(2).getCell(c).value)).toEqual([
      'Nhóm đơn vị',
      'Nhóm 1',
      'Nhóm 2',
      'Nhóm 3',
      'Nhóm 4',
      'Nhóm 5',
      'Tổng số',
    ]);
    let totalRow: unknown[] = [];
    bands.eachRow((row) => {
      if (row.getCell(1).value === 'Tổng số') totalRow = (row.values as unknown[]).slice(1);
    });
    expect(totalRow.at(-1)).toBe(published.length);
  });

  it('writes the same layout as CSV', async () => {
    const run = await cli('par-index', '--input', samplePath, '--format', 'csv');
    expect(run.code).toBe(0);
    const lines = run.stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'STT,Đơn vị,Điểm chuẩn tối đa,Điểm tự đánh giá,Khảo sát CBCCVC,Chỉ số SIPAS,Điểm SIPAS,Tổng điểm,Chỉ số CCHC,Xếp loại',
    );
    expect(lines[1]).toBe('"I. Sở, ban, ngành",,,,,,,,,');
    expect(lines[2]).toBe('1,Sở Xây dựng,94.00,48.00,19.18,99.40,14.91,82.09,87.33,Nhóm 2');
  });
});
