import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { canonicalJson, payloadHash } from '../src/lib/tokens.ts';

/** The first form of canonicalJson: stored payload hashes were computed with it, so any rewrite must agree. */
function reference(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${reference(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

describe('canonicalJson', () => {
  it('agrees with the form stored hashes were made with, for any JSON-like value', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('a', 'B', 'é', 'Ắ', '10', '2', '__proto__x', ''));
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, undefined, true, false, 0, -0, 1.5, 'NA'),
        fc.string(),
        fc.integer(),
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(key, tie('v'), { maxKeys: 5 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, (v) => canonicalJson(v) === reference(v)),
      { numRuns: 2000 },
    );
  });

  it('orders keys by code unit and leaves out undefined values', () => {
    expect(canonicalJson({ b: 1, a: [2, undefined], B: { y: undefined, x: 'Ắ' } })).toBe('{"B":{"x":"Ắ"},"a":[2,null],"b":1}');
    // A stored kiosk payload's hash must not move.
    expect(payloadHash({ form: 'K/2021', version: 1, unit: 34, answers: { q2: 4, q1: 5 } })).toBe(
      payloadHash({ answers: { q1: 5, q2: 4 }, unit: 34, version: 1, form: 'K/2021' }),
    );
  });
});
