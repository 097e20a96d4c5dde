import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { inspectInput, MAX_INPUT_DEPTH, textProblem } from '../src/text.ts';

const nasty = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('\u0000', '\uD800', 'a\uDFFFb', 'Hòa'.normalize('NFD')),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value')),
    fc.dictionary(nasty, tie('value')),
  ),
})).value;

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      strings(x, out);
    }
  }
  return out;
}

describe('inspectInput', () => {
  test.prop([json])('never throws; accepted values hold only well-formed NFC text; refused ones name a bad field', (v) => {
    const r = inspectInput(structuredClone(v));
    if (r.ok) {
      for (const s of strings(r.value)) {
        expect(textProblem(s)).toBeNull();
        expect(s).toBe(s.normalize('NFC'));
      }
    } else {
      expect(strings(v).some((s) => textProblem(s) !== null)).toBe(true);
    }
  });

  test.prop([json])('is idempotent', (v) => {
    const once = inspectInput(structuredClone(v));
    if (once.ok) expect(inspectInput(structuredClone(once.value))).toEqual(once);
  });

  it('names the field of the first bad string', () => {
    expect(inspectInput({ forms: [{ note: 'ok' }, { note: 'a\u0000b' }] })).toEqual({
      ok: false,
      field: 'forms.1.note',
      problem: 'nul',
    });
    expect(inspectInput({ a: 'x\uD83D' })).toEqual({ ok: false, field: 'a', problem: 'unpaired_surrogate' });
    expect(inspectInput({ a: '😀' })).toEqual({ ok: true, value: { a: '😀' } });
  });

  it('refuses nesting beyond the limit without recursion', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(inspectInput(deep)).toMatchObject({ ok: false, problem: 'too_deep' });
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) ok = [ok];
    expect(inspectInput(ok).ok).toBe(true);
  });
});
