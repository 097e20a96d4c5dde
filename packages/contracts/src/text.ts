/**
 * Text at the boundary. Every string that enters the system — JSON bodies, query strings, path
 * parameters, CSV/XLSX cells — goes through `inspectInput` (the API's validator compiler calls it
 * before every route schema; importers call `textProblem` per cell). It refuses what PostgreSQL
 * cannot store or what is not text at all (NUL, unpaired UTF-16 surrogates), refuses values nested
 * deeper than any of our schemas (a stack-safe walk, so a 100,000-deep array is a 400, not a crash),
 * and normalises every string and key to NFC, so "Hòa" typed with combining marks (NFD, as macOS
 * and some Vietnamese keyboards produce) compares and stores equal to the precomposed "Hòa".
 */
import { z } from 'zod';

export type TextProblem = 'nul' | 'unpaired_surrogate' | 'too_deep';

/** Deeper than any request schema of ours (answers are 2 levels, batches 4). */
export const MAX_INPUT_DEPTH = 16;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const textProblemMessages: Record<TextProblem, { vi: string; en: string }> = {
  nul: { vi: 'Có ký tự NUL (\\u0000) không hợp lệ', en: 'Contains a NUL (\\u0000) character' },
  unpaired_surrogate: {
    vi: 'Có ký tự Unicode lỗi (nửa cặp thay thế UTF-16)',
    en: 'Contains an unpaired UTF-16 surrogate (broken Unicode)',
  },
  too_deep: {
    vi: `Dữ liệu lồng nhau quá sâu (tối đa ${MAX_INPUT_DEPTH} cấp)`,
    en: `Nested too deeply (at most ${MAX_INPUT_DEPTH} levels)`,
  },
};

/** What is wrong with one string, or null when it is storable text. */
export function textProblem(s: string): Exclude<TextProblem, 'too_deep'> | null {
  if (s.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(s)) return 'unpaired_surrogate';
  return null;
}

/** NFC, skipping the scan's allocation for plain ASCII (most codes, ids and numbers). */
export function nfc(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u007f]*$/.test(s) ? s : s.normalize('NFC');
}

export type InputCheck = { ok: true; value: unknown } | { ok: false; field: string; problem: TextProblem };

interface Frame {
  value: unknown;
  path: string[];
  depth: number;
  set: (v: unknown) => void;
}

function fieldOf(path: readonly string[]): string {
  return path.join('.');
}

/**
 * Walks a parsed JSON value without recursion: the first bad string (or key) names its field
 * (`answers.Q5`, `forms.3.note`); otherwise the value comes back with every string in NFC.
 * `skip(path)` leaves a subtree unchecked (a batch's items, which are checked one by one).
 */
export function inspectInput(input: unknown, skip?: (path: readonly string[]) => boolean): InputCheck {
  let root: unknown = input;
  const stack: Frame[] = [{ value: input, path: [], depth: 0, set: (v) => (root = v) }];
  while (stack.length > 0) {
    const f = stack.pop() as Frame;
    if (typeof f.value === 'string') {
      const p = textProblem(f.value);
      if (p) return { ok: false, field: fieldOf(f.path), problem: p };
      const n = nfc(f.value);
      if (n !== f.value) f.set(n);
      continue;
    }
    if (f.value === null || typeof f.value !== 'object') continue;
    if (skip?.(f.path)) continue;
    if (f.depth >= MAX_INPUT_DEPTH) return { ok: false, field: fieldOf(f.path), problem: 'too_deep' };
    if (Array.isArray(f.value)) {
      const arr = f.value as unknown[];
      arr.forEach((v, i) => stack.push({ value: v, path: [...f.path, String(i)], depth: f.depth + 1, set: (x) => (arr[i] = x) }));
      continue;
    }
    const obj = f.value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      const p = textProblem(key);
      if (p) return { ok: false, field: fieldOf([...f.path, key]), problem: p };
      const k = nfc(key);
      if (k !== key) {
        obj[k] = obj[key];
        delete obj[key];
      }
      stack.push({ value: obj[k], path: [...f.path, k], depth: f.depth + 1, set: (x) => (obj[k] = x) });
    }
  }
  return { ok: true, value: root };
}

/** One item of a batch, checked on its own so that one bad item never fails the whole batch. */
export type ItemCheck<T> =
  | { ok: true; value: T }
  | { ok: false; code: 'TEXT_INVALID' | 'VALIDATION_FAILED'; clientId: string; details: { field: string; message: string }[] };

function clientIdOf(raw: unknown): string {
  const id = raw && typeof raw === 'object' ? (raw as { clientId?: unknown }).clientId : undefined;
  return typeof id === 'string' && id.length <= 64 ? id : '';
}

/**
 * A batch item: any JSON value, parsed with `item` (after the text check) into an `ItemCheck`.
 * The batch body schema stays valid when one item is bad; the service reports that item alone.
 */
export function batchItem<T extends z.ZodType>(item: T) {
  return z.unknown().transform((raw): ItemCheck<z.output<T>> => {
    const checked = inspectInput(raw);
    if (!checked.ok) {
      const message = textProblemMessages[checked.problem].en;
      return { ok: false, code: 'TEXT_INVALID', clientId: clientIdOf(raw), details: [{ field: checked.field, message }] };
    }
    const parsed = item.safeParse(checked.value);
    if (parsed.success) return { ok: true, value: parsed.data };
    const details = parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'item', message: i.message }));
    return { ok: false, code: 'VALIDATION_FAILED', clientId: clientIdOf(raw), details };
  });
}

/**
 * Batch bodies whose items are checked one by one (`batchItem`): schema → key of the items array.
 * The boundary check leaves those items to their own check instead of refusing the whole body.
 */
export const batchBodies = new WeakMap<object, string>();
