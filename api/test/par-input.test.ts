import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { formatParInputError, parInputColumns, parseParCsv } from '../src/reports/par-input.ts';

const header = parInputColumns.join(',');
const row = (cells: (string | number)[]): string => cells.join(',');

describe('PAR input CSV', () => {
  it('reads a table with a BOM, CRLF line ends, quoted commas, extra columns and blank lines', () => {
    const text = `\uFEFFnote,${header}\r\nx,ST01,"Sở Xây dựng, tỉnh ""ST""",department,94.00,48.00,19.18,99.40\r\n\r\ny,ST02,Huyện Mỹ Tú,district,93.75,41,15.39,92.73\r\n`;
    const result = parseParCsv(text);
    expect(result).toEqual({
      ok: true,
      units: [
        {
          unitCode: 'ST01',
          unitName: 'Sở Xây dựng, tỉnh "ST"',
          group: 'department',
          maxPoints: 94,
          selfAssessment: 48,
          staffSurveyPoints: 19.18,
          sipasPercent: 99.4,
        },
        {
          unitCode: 'ST02',
          unitName: 'Huyện Mỹ Tú',
          group: 'district',
          maxPoints: 93.75,
          selfAssessment: 41,
          staffSurveyPoints: 15.39,
          sipasPercent: 92.73,
        },
      ],
    });
  });

  it('reads decimal commas, quoted in a comma file or bare in a semicolon file (Excel with Vietnamese settings)', () => {
    const expected = {
      unitCode: 'ST16',
      unitName: 'Sở Xây dựng',
      group: 'department',
      maxPoints: 94,
      selfAssessment: 48,
      staffSurveyPoints: 19.18,
      sipasPercent: 99.4,
    };
    expect(parseParCsv(`${header}\nST16,Sở Xây dựng,department,"94,00","48,00","19,18","99,40"\n`)).toEqual({
      ok: true,
      units: [expected],
    });
    expect(parseParCsv(`${parInputColumns.join(';')}\r\nST16;Sở Xây dựng;department;94,00;48;19,18;99,40\r\n`)).toEqual({
      ok: true,
      units: [expected],
    });
    const bad = parseParCsv(`${parInputColumns.join(';')}\nST16;Sở Xây dựng;department;94,00;48,0,1;19,18;99,40\n`);
    expect(bad.ok ? [] : bad.errors.map(formatParInputError)).toEqual([
      'dòng 2 / row 2: self_assessment: không phải số "48,0,1" / not a number "48,0,1"',
    ]);
  });

  it('names every missing column on row 1', () => {
    const result = parseParCsv('unit_code,unit_name,group,max_points\nST01,A,department,90\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatParInputError)).toEqual([
      'dòng 1 / row 1: self_assessment: thiếu cột / missing column; staff_survey_points: thiếu cột / missing column; sipas_percent: thiếu cột / missing column',
    ]);
  });

  it('gives one line per bad row, in Vietnamese and English, naming the row and the field', () => {
    const text = [
      header,
      row(['ST01', 'A', 'department', 90, 'abc', 10, 95]),
      row(['ST02', 'B', 'department', 90, 10, 10, 95]),
      row(['ST03', 'C', 'ministry', 90, 10, 10, 101]),
      row(['ST02', 'D', 'district', 90, 80, 10, 50]),
      row(['ST05', 'E', 'department', '', 10, -1, 50]),
    ].join('\n');
    const result = parseParCsv(text);
    if (result.ok) throw new Error('accepted bad rows');
    const lines = result.errors.map(formatParInputError);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('dòng 2 / row 2: self_assessment: không phải số "abc" / not a number "abc"');
    expect(lines[1]).toMatch(
      /^dòng 4 \/ row 4: group: nhóm không hợp lệ "ministry" .* \/ unknown group "ministry" .*; sipas_percent: vượt quá 100 \/ above 100$/,
    );
    expect(lines[2]).toMatch(
      /^dòng 5 \/ row 5: total_points: .*; unit_code: trùng mã đơn vị với dòng 3 \/ duplicate unit code \(row 3\)$/,
    );
    expect(lines[3]).toBe('dòng 6 / row 6: max_points: trống / empty; staff_survey_points: không được âm / must not be negative');
  });

  it('refuses an empty file, a header without rows and broken quoting', () => {
    for (const text of ['', `${header}\n`, `${header}\nST01,"A,department,90,10,10,95\n`]) {
      const result = parseParCsv(text);
      expect(result.ok).toBe(false);
    }
  });
});

const nameArb = fc
  .array(fc.constantFrom('Sở', 'Xây dựng', 'Huyện', 'Mỹ Tú', ',', '"', "'", 'Công an tỉnh', ';', '\n'), {
    minLength: 1,
    maxLength: 5,
  })
  .map((parts) => `Đơn vị ${parts.join(' ')}`.trim());

const centi = (max: number) => fc.integer({ min: 0, max }).map((n) => n / 100);

/** Rows whose points add up to at most the max, like real appraised rows. */
const unitArb = fc
  .record({
    unitName: nameArb,
    group: fc.constantFrom('department', 'public_service_unit', 'central_agency', 'district', 'commune'),
    maxPoints: fc.integer({ min: 5000, max: 11000 }).map((n) => n / 100),
    staffSurveyPoints: centi(2200),
    sipasPercent: centi(10000),
    selfShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ selfShare, ...u }) => {
    const room = u.maxPoints - u.staffSurveyPoints - (u.sipasPercent * 16) / 100;
    return { ...u, selfAssessment: Math.floor(Math.max(0, room) * selfShare * 100) / 100 };
  });

const layoutArb = fc.record({
  bom: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
  quoteAll: fc.boolean(),
  extra: fc.boolean(),
  order: fc.shuffledSubarray([...parInputColumns], { minLength: parInputColumns.length }),
});

type Layout = typeof layoutArb extends fc.Arbitrary<infer T> ? T : never;
type GeneratedUnit = typeof unitArb extends fc.Arbitrary<infer T> ? T : never;
type UnitCells = Record<(typeof parInputColumns)[number], string>;

function toCsv(rows: UnitCells[], layout: Layout): string {
  const quote = (v: string) => (layout.quoteAll || /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const columns: string[] = layout.extra ? ['ghi_chu', ...layout.order] : layout.order;
  const lines = [
    columns.join(','),
    ...rows.map((r) => columns.map((c) => quote(c === 'ghi_chu' ? 'x, y' : r[c as keyof UnitCells])).join(',')),
  ];
  return `${layout.bom ? '\uFEFF' : ''}${lines.join(layout.eol)}${layout.eol}`;
}

function cellsOf(u: GeneratedUnit, i: number): UnitCells {
  return {
    unit_code: `ST${i}`,
    unit_name: u.unitName,
    group: u.group,
    max_points: u.maxPoints.toFixed(2),
    self_assessment: String(u.selfAssessment),
    staff_survey_points: u.staffSurveyPoints.toFixed(2),
    sipas_percent: String(u.sipasPercent),
  };
}

describe('PAR input CSV properties', () => {
  test.prop([fc.array(unitArb, { minLength: 1, maxLength: 30 }), layoutArb])(
    'any valid table written as CSV parses back to the same units and numbers',
    (units, layout) => {
      const result = parseParCsv(toCsv(units.map(cellsOf), layout));
      expect(result).toEqual({
        ok: true,
        units: units.map((u, i) => ({
          unitCode: `ST${i}`,
          unitName: u.unitName,
          group: u.group,
          maxPoints: u.maxPoints,
          selfAssessment: u.selfAssessment,
          staffSurveyPoints: u.staffSurveyPoints,
          sipasPercent: u.sipasPercent,
        })),
      });
    },
  );

  test.prop([
    fc.array(unitArb, { minLength: 1, maxLength: 30 }),
    layoutArb,
    fc.nat(),
    fc.constantFrom('max_points', 'self_assessment', 'staff_survey_points', 'sipas_percent') as fc.Arbitrary<keyof UnitCells>,
    fc.constantFrom('abc', '1,5,5', '12a', 'n/a', '--1', '1e3', '9 0', '.'),
  ])(
    'a row with a non-numeric cell is reported with its row number and column, and only that row',
    (units, layout, pick, column, junk) => {
      const rows = units.map(cellsOf);
      const bad = pick % rows.length;
      const target = rows[bad];
      if (!target) throw new Error('no row');
      target[column] = junk;
      const result = parseParCsv(toCsv(rows, layout));
      if (result.ok) throw new Error(`accepted ${junk}`);
      expect(result.errors.map((e) => e.row)).toEqual([bad + 2]);
      expect(result.errors[0]?.problems.map((p) => p.field)).toContain(column);
      expect(formatParInputError(result.errors[0] ?? { row: 0, problems: [] })).toContain(`dòng ${bad + 2} / row ${bad + 2}: `);
    },
  );
});
