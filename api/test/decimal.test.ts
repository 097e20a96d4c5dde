import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../src/lib/decimal.ts';

describe('numbers with Vietnamese decimal commas', () => {
  it('reads the ways a spreadsheet writes them', () => {
    expect(parseDecimal('94,00')).toBe(94);
    expect(parseDecimal('19,18')).toBe(19.18);
    expect(parseDecimal('87.33')).toBe(87.33);
    expect(parseDecimal('1.234,5')).toBe(1234.5);
    expect(parseDecimal('1,234.5')).toBe(1234.5);
    expect(parseDecimal('1.234.567')).toBe(1234567);
    expect(parseDecimal('82.169')).toBe(82.169);
    expect(parseDecimal(',5')).toBe(0.5);
    expect(parseDecimal('-3,25')).toBe(-3.25);
    expect(parseDecimal(' 48 ')).toBe(48);
  });

  it('refuses what is not a number instead of guessing', () => {
    for (const bad of [
      '',
      ',',
      '-',
      'bốn mươi',
      '94,00,1',
      '1.23.4',
      '1,2.3,4',
      '12 5',
      '1e3',
      '0x10',
      'NaN',
      'Infinity',
      '1..2',
      '1,,2',
      '1.234,5.6',
    ]) {
      expect(parseDecimal(bad), bad).toBeNull();
    }
  });

  const amount = fc
    .integer({ min: 0, max: 10_000_000 })
    .chain((whole) => fc.integer({ min: 0, max: 9999 }).map((frac) => whole + frac / 10_000));

  test.prop([amount])('reads back a number written with a decimal comma and grouped thousands (vi-VN)', (x) => {
    const text = x.toLocaleString('vi-VN', { maximumFractionDigits: 4, useGrouping: true });
    // "82.169" alone is read as 82,169 (a lone sign is the decimal one): whole thousands need a comma part or two groups.
    fc.pre(!/^\d{1,3}\.\d{3}$/.test(text));
    expect(parseDecimal(text)).toBeCloseTo(x, 8);
  });

  test.prop([amount])('reads back the same number with a comma and no grouping, and with a point', (x) => {
    const plain = x.toLocaleString('en-US', { maximumFractionDigits: 4, useGrouping: false });
    expect(parseDecimal(plain)).toBeCloseTo(x, 8);
    expect(parseDecimal(plain.replace('.', ','))).toBeCloseTo(x, 8);
  });

  test.prop([fc.string({ maxLength: 12 })])('returns a finite number or null for any text, never NaN', (text) => {
    const n = parseDecimal(text);
    expect(n === null || Number.isFinite(n)).toBe(true);
  });
});
