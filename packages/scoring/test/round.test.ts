import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { roundHalfUp } from '../src/index.ts';

/** Reference: half-up rounding of the decimal n / 10^k done with integers only. */
function referenceRound(n: bigint, k: number, decimals: number): number {
  if (k <= decimals) return Number(n) / 10 ** k;
  const divisor = 10n ** BigInt(k - decimals);
  const q = n / divisor + (2n * (n % divisor) >= divisor ? 1n : 0n);
  return Number(q) / 10 ** decimals;
}

function decimalText(n: bigint, k: number): string {
  const s = n.toString().padStart(k + 1, '0');
  return k === 0 ? s : `${s.slice(0, -k)}.${s.slice(-k)}`;
}

/** The rounding as first written (BigInt arithmetic on the 15-digit decimal), which the fast path must equal. */
function bigIntRound(x: number, decimals: number): number {
  if (x === 0) return 0;
  const [mantissa = '0', exp = '0'] = Math.abs(x).toPrecision(15).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const shift = Number(exp) - fraction.length + decimals;
  const digits = BigInt(whole + fraction);
  const divisor = 10n ** BigInt(Math.max(0, -shift));
  const scaled = shift >= 0 ? digits * 10n ** BigInt(shift) : digits / divisor + (2n * (digits % divisor) >= divisor ? 1n : 0n);
  const result = Number(scaled) / 10 ** decimals;
  return x < 0 && result !== 0 ? -result : result;
}

describe('roundHalfUp', () => {
  it('rounds the halves that binary floating point stores just below .5 upwards', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(82.985, 2)).toBe(82.99);
    expect(roundHalfUp(13.9095, 2)).toBe(13.91);
    expect(roundHalfUp(13.0005, 2)).toBe(13);
    expect(roundHalfUp(1.255, 2)).toBe(1.26);
    expect(roundHalfUp(0.125, 2)).toBe(0.13);
  });

  it('rounds values computed from printed inputs the way the published table does', () => {
    expect(roundHalfUp((92.73 * 15) / 100, 2)).toBe(13.91);
    expect(roundHalfUp((86.67 * 15) / 100, 2)).toBe(13);
    expect(roundHalfUp(82.98684210526316, 2)).toBe(82.99);
  });

  it('keeps values that are already short and handles zero, integers and negatives', () => {
    expect(roundHalfUp(0, 2)).toBe(0);
    expect(roundHalfUp(90, 2)).toBe(90);
    expect(roundHalfUp(87.33, 2)).toBe(87.33);
    expect(roundHalfUp(-1.005, 2)).toBe(-1.01);
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(1e-9, 2)).toBe(0);
    expect(roundHalfUp(1.23e21, 2)).toBe(1.23e21);
  });

  it('refuses NaN and infinity instead of printing them', () => {
    expect(() => roundHalfUp(Number.NaN, 2)).toThrow(RangeError);
    expect(() => roundHalfUp(Number.POSITIVE_INFINITY, 2)).toThrow(RangeError);
  });

  test.prop([fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 4 })])(
    'agrees with integer half-up rounding of the decimal it was parsed from',
    (n, k, decimals) => {
      const x = Number(decimalText(n, k));
      expect(roundHalfUp(x, decimals)).toBe(referenceRound(n, k, decimals));
      const expected = referenceRound(n, k, decimals);
      expect(roundHalfUp(-x, decimals)).toBe(expected === 0 ? 0 : -expected);
    },
  );

  test.prop(
    [
      fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -1e4, max: 1e4, noNaN: true })),
      fc.integer({ min: 0, max: 10 }),
    ],
    { numRuns: 20_000 },
  )('gives exactly the number of the BigInt rounding, for any finite double and number of places', (x, decimals) => {
    expect(Object.is(roundHalfUp(x, decimals), bigIntRound(x, decimals))).toBe(true);
  });

  it('gives exactly the number of the BigInt rounding at the halves and the edges of the 15 digits', () => {
    const xs = [
      0.5, 1.005, 82.985, 999999999999999, 99999999999999.95, 0.0000015, 1e-7, 123456789012.345, 1e20, 9.999999999999995,
    ];
    for (const x of xs)
      for (let d = 0; d <= 10; d++) {
        expect(Object.is(roundHalfUp(x, d), bigIntRound(x, d))).toBe(true);
        expect(Object.is(roundHalfUp(-x, d), bigIntRound(-x, d))).toBe(true);
      }
  });

  test.prop([fc.double({ min: -1e9, max: 1e9, noNaN: true })])(
    'never moves a value by more than half a unit of the last place',
    (x) => {
      expect(Math.abs(roundHalfUp(x, 2) - x)).toBeLessThanOrEqual(0.005 + 1e-9);
    },
  );
});
