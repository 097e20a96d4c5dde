/**
 * Half-up rounding for printed figures. Scores are kept at full precision and rounded only at
 * output, the way the province's published tables were produced. Binary floating point cannot hold
 * 1.005 or 82.985 exactly (1.005 is stored as 1.00499999…), so `Math.round(x * 100) / 100` prints
 * 1 instead of 1.01. We first read the value back as the shortest-looking decimal with 15
 * significant digits (every double carries at least 15 correct ones), then round that decimal
 * string with integer (BigInt) arithmetic. Negative values round half away from zero.
 */

const SIGNIFICANT_DIGITS = 15;

/** `x` as an integer mantissa and a power of ten: x = digits × 10^exponent (x ≥ 0). */
function toDecimal(x: number): { digits: bigint; exponent: number } {
  const text = x.toPrecision(SIGNIFICANT_DIGITS);
  const [mantissa = '0', exp = '0'] = text.split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  return { digits: BigInt(whole + fraction), exponent: Number(exp) - fraction.length };
}

/**
 * The same rounding on the decimal text when it has no exponent (every figure a page prints): the
 * kept digits are at most 15 (exact in a double) and the dropped part is at least half a unit
 * exactly when its first digit is 5 or more, so no BigInt is needed. Gives the same number as the
 * BigInt path (test/round.test.ts compares them); `undefined` when the text has an exponent.
 */
function roundPlainText(text: string, decimals: number): number | undefined {
  if (text.includes('e')) return undefined;
  const [whole = '0', fraction = ''] = text.split('.');
  if (fraction.length <= decimals) return Number(whole + fraction.padEnd(decimals, '0')) / 10 ** decimals;
  const kept = Number(whole + fraction.slice(0, decimals));
  return (fraction.charCodeAt(decimals) >= 53 /* '5' */ ? kept + 1 : kept) / 10 ** decimals;
}

/** Rounds `x` half-up (away from zero) to `decimals` places (0–10). */
export function roundHalfUp(x: number, decimals = 2): number {
  if (!Number.isFinite(x)) throw new RangeError(`roundHalfUp: not a finite number: ${x}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new RangeError(`roundHalfUp: decimals must be an integer 0–10, got ${decimals}`);
  }
  if (x === 0) return 0;
  const plain = roundPlainText(Math.abs(x).toPrecision(SIGNIFICANT_DIGITS), decimals);
  if (plain !== undefined) return x < 0 && plain !== 0 ? -plain : plain;
  const { digits, exponent } = toDecimal(Math.abs(x));
  const shift = exponent + decimals;
  let scaled: bigint;
  if (shift >= 0) {
    scaled = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    const remainder = digits % divisor;
    scaled = digits / divisor + (2n * remainder >= divisor ? 1n : 0n);
  }
  const result = Number(scaled) / 10 ** decimals;
  return x < 0 && result !== 0 ? -result : result;
}

/** Rounds a nullable figure; null stays null. */
export function roundOrNull(x: number | null, decimals = 2): number | null {
  return x === null ? null : roundHalfUp(x, decimals);
}
