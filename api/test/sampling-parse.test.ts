/** The plan workbook parser: rows written with exceljs then parsed give the same plan (property). */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parsePlanSheets, parsePlanWorkbook, planWorkbook } from '@hailong/api';

const code = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
// Names as people type them: letters with Vietnamese diacritics, digits, single inner spaces. The
// letters are listed one by one: a range such as À-ỹ also holds spaces (U+1680) that the parser trims.
const VIETNAMESE = 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ';
const word = fc.stringMatching(new RegExp(`^[A-Za-z${VIETNAMESE}${VIETNAMESE.toUpperCase()}0-9.()/-]{1,10}$`));
const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
const count = fc.integer({ min: 0, max: 100_000 });

const targets = fc.uniqueArray(
  fc
    .record({ unitCode: code, target: fc.option(count, { nil: null }), dossiers: fc.option(count, { nil: null }) })
    .filter((r) => r.target !== null || r.dossiers !== null),
  { minLength: 1, maxLength: 30, selector: (r) => r.unitCode },
);
const localities = fc.uniqueArray(
  fc.record({ districtCode: code, commune: name, hamlet: name, quota: fc.option(count, { nil: null }) }),
  { maxLength: 30, selector: (r) => JSON.stringify([r.districtCode, r.commune.normalize('NFC'), r.hamlet.normalize('NFC')]) },
);

describe('plan workbook parser', () => {
  it('generates no whitespace inside a word (the trimmed U+1680 of seed 1422269373)', () => {
    for (const w of fc.sample(word, { numRuns: 2_000, seed: 1422269373 })) expect(w).toBe(w.trim());
    expect(/\s/u.test(VIETNAMESE + VIETNAMESE.toUpperCase())).toBe(false);
  });

  test.prop([targets, localities], { numRuns: 40 })('reads back exactly the plan that was written', async (ts, ls) => {
    const parsed = await parsePlanWorkbook(await planWorkbook({ targets: ts, localities: ls }), 20_000);
    expect(parsed.errors).toEqual([]);
    expect(parsed.targets.map(({ row: _row, ...r }) => r)).toEqual(ts);
    // Names come back in NFC (a name typed with combining marks is the same name).
    const expected =
      ls.length === 0
        ? null
        : ls.map((l) => ({ ...l, commune: l.commune.normalize('NFC'), hamlet: l.hamlet.normalize('NFC'), quota: l.quota ?? 27 }));
    expect(parsed.localities?.map(({ row: _row, ...r }) => r) ?? null).toEqual(expected);
    expect(parsed.targets.map((r) => r.row)).toEqual(ts.map((_, i) => i + 2));
  });

  it('accepts English headers and folds Vietnamese ones, in any column order', () => {
    const p = parsePlanSheets({
      targets: [
        ['Target', 'UNIT CODE'],
        ['12', 'ST01'],
      ],
      localities: [
        ['Ấp / khóm', 'Mã huyện', 'Xã, phường, thị trấn', 'Số phiếu'],
        ['Ấp 1', 'ST30', 'Phú Tân', ''],
      ],
    });
    expect(p).toEqual({
      errors: [],
      targets: [{ row: 2, unitCode: 'ST01', target: 12, dossiers: null }],
      localities: [{ row: 2, districtCode: 'ST30', commune: 'Phú Tân', hamlet: 'Ấp 1', quota: 27 }],
    });
  });

  it('reports a missing column, fractions, negatives and duplicate hamlets with vi and en messages', () => {
    const p = parsePlanSheets({
      targets: [
        ['unit_code', 'target'],
        ['ST01', '1.5'],
        ['ST02', '-3'],
        ['', ''],
      ],
      localities: [
        ['district_code', 'commune'],
        ['ST30', 'Xã A'],
      ],
    });
    expect(p.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['Chỉ tiêu', 2, 'target'],
      ['Chỉ tiêu', 3, 'target'],
      ['Địa bàn', 1, 'hamlet'],
    ]);
    expect(p.errors[0]?.messageEn).toContain('whole number');
    const dup = parsePlanSheets({
      targets: [
        ['unit_code', 'target'],
        ['ST01', '1'],
      ],
      localities: [
        ['district_code', 'commune', 'hamlet'],
        ['ST30', 'Xã A', 'Ấp 1'],
        ['ST30', 'Xã A', 'Ấp 1'],
      ],
    });
    expect(dup.errors).toEqual([
      { sheet: 'Địa bàn', row: 3, column: 'hamlet', message: 'Trùng ấp với dòng 2', messageEn: 'Same hamlet as row 2' },
    ]);
  });

  it('names an unreadable file instead of throwing', async () => {
    const p = await parsePlanWorkbook(Buffer.from('not a workbook'), 20_000);
    expect(p.errors).toEqual([expect.objectContaining({ column: 'xlsx' })]);
  });
});
