/** The reorganisation file parser (pure): generated event rows read back exactly; any input yields rows or per-cell errors, never a throw. */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { EVENT_COLUMNS, eventRowsFromMatrix, parseDay } from '../src/features/units/event-parse.ts';
import { readCsv } from '../src/lib/table-upload.ts';

const code = fc.stringMatching(/^[A-Z][A-Z0-9]{1,7}$/);
const word = fc.stringMatching(/^[A-Za-zÀ-ỹĐđ0-9]{1,8}$/);
const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
const day = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const basis = fc.stringMatching(/^[A-Za-zĐđ0-9/ -]{1,20}$/).filter((s) => s.trim() !== '');

const event = fc.oneof(
  fc
    .record({ event: fc.constant('rename' as const), from: code.map((c) => [c]), names: name.map((n) => [n]) })
    .map((r) => ({ ...r, to: r.from })),
  fc.record({
    event: fc.constant('merge' as const),
    from: fc.uniqueArray(code, { minLength: 2, maxLength: 4 }),
    to: code.map((c) => [`N${c}`]),
    names: name.map((n) => [n]),
  }),
  fc.record({
    event: fc.constant('split' as const),
    from: code.map((c) => [c]),
    to: fc.uniqueArray(code, { minLength: 2, maxLength: 4 }).map((cs) => cs.map((c) => `N${c}`)),
    names: fc.constant([] as string[]),
  }),
  fc.record({
    event: fc.constant('dissolve' as const),
    from: fc.uniqueArray(code, { minLength: 1, maxLength: 3 }),
    to: fc.constant([] as string[]),
    names: fc.constant([] as string[]),
  }),
);
const row = fc.record({ e: event, effectiveDate: day, basis });

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

describe('reorganisation file parser', () => {
  test.prop([fc.array(row, { minLength: 1, maxLength: 20 })], { numRuns: 60 })(
    'reads back the events that were written',
    (rows) => {
      const lines = rows.map((r) =>
        [r.e.event, r.e.from.join(';'), r.e.to.join(';'), r.e.names.join(';'), 'department', r.effectiveDate, r.basis]
          .map(csvCell)
          .join(','),
      );
      const read = readCsv([EVENT_COLUMNS.join(','), ...lines].join('\n'));
      if (!('matrix' in read)) throw new Error('unreadable');
      const parsed = eventRowsFromMatrix(read.matrix);
      expect(parsed.errors).toEqual([]);
      expect(parsed.rows.map((r) => [r.event, r.fromCodes, r.toCodes, r.names, r.effectiveDate, r.basis.trim()])).toEqual(
        rows.map((r) => [r.e.event, r.e.from, r.e.to, r.e.names, r.effectiveDate, r.basis.trim()]),
      );
    },
  );

  test.prop([fc.array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 9 }), { maxLength: 15 })], { numRuns: 200 })(
    'never throws: every data row is parsed or reported by row and column',
    (body) => {
      const parsed = eventRowsFromMatrix([[...EVENT_COLUMNS], ...body]);
      const known = new Set<string>([...EVENT_COLUMNS, 'province']);
      for (const e of parsed.errors) {
        expect(known.has(e.column)).toBe(true);
        expect(e.row).toBeGreaterThanOrEqual(2);
        expect(e.message.length * e.messageEn.length).toBeGreaterThan(0);
      }
      const reported = new Set(parsed.errors.map((e) => e.row));
      expect(parsed.rows.every((r) => !reported.has(r.row))).toBe(true);
    },
  );

  test.prop([day])('reads a day written as YYYY-MM-DD or DD/MM/YYYY', (d) => {
    const [y, m, dd] = d.split('-');
    expect(parseDay(d)).toBe(d);
    expect(parseDay(`${dd}/${m}/${y}`)).toBe(d);
  });

  it('refuses days that are not on the calendar and files without the columns', () => {
    expect([parseDay('2025-02-29'), parseDay('31/04/2025'), parseDay('2025-7-1'), parseDay('')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(eventRowsFromMatrix([['event', 'from_codes']]).errors.map((e) => e.column)).toEqual([
      'to_codes',
      'name',
      'group',
      'effective_date',
      'basis',
    ]);
  });
});
