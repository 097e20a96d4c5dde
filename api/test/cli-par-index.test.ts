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

interface Run { code: number; stdout: string; stderr: string }

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(join(root, 'node_modules/.bin/tsx'), ['api/src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

function writeInput(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The published sample with its result columns (the CLI ignores the extra ones). */
const sampleText = readFileSync(samplePath, 'utf8');
const published = sampleText.trim().split(/\r?\n/).slice(1).map((line) => {
  const c = line.split(',');
  return { unitCode: c[0], sipasPoints: Number(c[7]), totalPoints: Number(c[8]), indexPercent: Number(c[9]), band: Number(c[10]) };
});

interface UnitOut { unitCode: string; group: string; sipasPoints: number; totalPoints: number; indexPercent: number; band: number; rankInGroup: number }

describe('cli par-index', () => {
  it('reproduces the published 2021 rows as JSON on stdout', async () => {
    const run = await cli('par-index', '--input', samplePath);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { units: UnitOut[]; groups: { group: string; units: number; bandCounts: Record<string, number> }[]; overall: { units: number } };
    for (const p of published) {
      const unit = out.units.find((u) => u.unitCode === p.unitCode);
      expect(unit?.sipasPoints).toBe(p.sipasPoints);
      expect(Math.abs((unit?.totalPoints ?? 0) - p.totalPoints)).toBeLessThanOrEqual(0.0100001);
      expect(Math.abs((unit?.indexPercent ?? 0) - p.indexPercent)).toBeLessThanOrEqual(0.0100001);
      expect(unit?.band).toBe(p.band);
    }
    expect(Object.keys(out.units[0] ?? {})).toEqual([
      'unitCode', 'unitName', 'group', 'maxPoints', 'selfAssessment', 'staffSurveyPoints', 'sipasPercent',
      'sipasPoints', 'totalPoints', 'indexPercent', 'band', 'rankInGroup',
    ]);
    expect(out.groups.find((g) => g.group === 'district')).toMatchObject({ units: 2, bandCounts: { 1: 0, 2: 0, 3: 2, 4: 0, 5: 0 } });
    expect(out.overall.units).toBe(6);
  });

  it('reads a spreadsheet export with a BOM, CRLF and quoted names', async () => {
    const input = writeInput('bom.csv', `\uFEFF${columns.join(',')}\r\nST16,"Sở Xây dựng, tỉnh Sóc Trăng",department,94.00,48.00,19.18,99.40\r\n`);
    const run = await cli('par-index', '--input', input);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ units: [{ unitName: 'Sở Xây dựng, tỉnh Sóc Trăng', indexPercent: 87.33, band: 2 }] });
  });

  it('refuses bad rows with exit 1, one line per bad row on stderr and nothing on stdout', async () => {
    const input = writeInput('bad.csv', [
      columns.join(','),
      'ST99,X,department,90,abc,10,95',
      'ST16,Sở Xây dựng,department,94.00,48.00,19.18,99.40',
      'ST98,Y,ministry,90,10,10,95',
      'ST97,Z,district,90,80,10,95',
      'ST16,Sở Xây dựng,department,94.00,48.00,19.18,99.40',
    ].join('\n'));
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
    const input = writeInput('missing.csv', 'unit_code,unit_name,group,max_points,self_assessment,staff_survey_points\nST01,A,department,90,10,10\n');
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

  it('writes the official XLSX layout: title, header, groups I–IV with means, bands as text', async () => {
    const out = join(dir, 'par.xlsx');
    const run = await cli('par-index', '--input', samplePath, '--format', 'xlsx', '--out', out, '--title', 'Chỉ số CCHC năm 2021');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const text = (r: number, c: number) => sheet.getRow(r).getCell(c).value;
    expect(text(1, 1)).toBe('Chỉ số CCHC năm 2021');
    expect([...Array(10).keys()].map((i) => text(2, i + 1))).toEqual([
      'STT', 'Đơn vị', 'Điểm chuẩn tối đa', 'Điểm tự đánh giá', 'Khảo sát CBCCVC', 'Chỉ số SIPAS', 'Điểm SIPAS', 'Tổng điểm', 'Chỉ số CCHC', 'Xếp loại',
    ]);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBe(true);
    const firstColumn: unknown[] = [];
    sheet.eachRow((row) => firstColumn.push(row.getCell(1).value));
    expect(firstColumn.filter((v) => typeof v === 'string' && /^[IV]+\. /.test(v))).toEqual([
      'I. Sở, ban, ngành', 'II. Đơn vị sự nghiệp công lập', 'III. Cơ quan Trung ương đặt tại tỉnh', 'IV. UBND cấp huyện',
    ]);
    const rowOf = (name: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => { if (row.getCell(2).value === name) found = row; });
      if (!found) throw new Error(`no row ${name}`);
      return found;
    };
    const xd = rowOf('Sở Xây dựng');
    expect([3, 4, 5, 6, 7, 8, 9, 10].map((c) => xd.getCell(c).value)).toEqual([94, 48, 19.18, 99.4, 14.91, 82.09, 87.33, 'Nhóm 2']);
    expect(xd.getCell(9).numFmt).toBe('0.00');
    expect(rowOf('Công an tỉnh').getCell(10).value).toBe('Nhóm 1');
    const means: ExcelJS.Row[] = [];
    sheet.eachRow((row) => { if (row.getCell(2).value === 'Bình quân nhóm') means.push(row); });
    expect(means).toHaveLength(4);
    expect(means[3]?.getCell(3).value).toBe(93.38); // (93.00 + 93.75) / 2, half-up
    expect(rowOf('Bình quân chung').getCell(9).value).toBe(78.93);
  });

  it('writes the same layout as CSV', async () => {
    const run = await cli('par-index', '--input', samplePath, '--format', 'csv');
    expect(run.code).toBe(0);
    const lines = run.stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('STT,Đơn vị,Điểm chuẩn tối đa,Điểm tự đánh giá,Khảo sát CBCCVC,Chỉ số SIPAS,Điểm SIPAS,Tổng điểm,Chỉ số CCHC,Xếp loại');
    expect(lines[1]).toBe('"I. Sở, ban, ngành",,,,,,,,,');
    expect(lines[2]).toBe('1,Sở Xây dựng,94.00,48.00,19.18,99.40,14.91,82.09,87.33,Nhóm 2');
  });
});
