/**
 * How answers, `relevant` and `constraint` cells of an XLSForm-style workbook map onto the form
 * definition language. Only the subset the renderers can show is accepted: a `relevant` is a
 * conjunction of `${q} = 'x'` / `selected(${q}, 'x')` terms, where an `or` joins answers to the
 * same question (one `showIf` condition with several `anyOf` values); a `constraint` is a
 * conjunction of `. >= n`, `. <= n`, `string-length(.) <= n`, `count-selected(.) <= n`.
 * Parsers return a Vietnamese + English message instead of throwing, so the importer can name the cell.
 */
import { NOT_APPLICABLE, type AnswerValue, type Condition, type LocalizedText, type Question } from './definition.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: LocalizedText };

const fail = (vi: string, en: string): { ok: false; message: LocalizedText } => ({ ok: false, message: { vi, en } });

/** A single answer value as written in a cell (yes/no, 1–5 or na, option codes separated by spaces). */
export function encodeValue(q: Pick<Question, 'type'>, v: AnswerValue): string {
  if (q.type === 'yes_no') return v === true ? 'yes' : v === false ? 'no' : String(v);
  if (Array.isArray(v)) return v.join(' ');
  return String(v);
}

/** Reads one value for a question of this type; multi-choice answers are a list of codes. */
export function decodeValue(q: Question, cell: string): Parsed<AnswerValue> {
  switch (q.type) {
    case 'likert5': {
      if (cell === NOT_APPLICABLE && q.allowNotApplicable) return { ok: true, value: NOT_APPLICABLE };
      const n = Number(cell);
      return Number.isInteger(n) && n >= 1 && n <= 5
        ? { ok: true, value: n }
        : fail(`"${cell}" không phải mức 1–5 của câu ${q.id}`, `"${cell}" is not a 1–5 level of ${q.id}`);
    }
    case 'yes_no':
      if (cell === 'yes' || cell === 'no') return { ok: true, value: cell === 'yes' };
      return fail(`Câu ${q.id} chỉ nhận yes hoặc no, không nhận "${cell}"`, `${q.id} takes yes or no, not "${cell}"`);
    case 'single_choice':
    case 'multi_choice': {
      const codes = q.type === 'multi_choice' ? cell.split(/\s+/).filter(Boolean) : [cell];
      const bad = codes.find((c) => !q.options?.some((o) => o.code === c));
      if (bad !== undefined || codes.length === 0)
        return fail(`"${bad ?? cell}" không phải lựa chọn của câu ${q.id}`, `"${bad ?? cell}" is not an option of ${q.id}`);
      return { ok: true, value: q.type === 'multi_choice' ? codes : cell };
    }
    case 'number': {
      const n = Number(cell);
      return cell !== '' && Number.isFinite(n)
        ? { ok: true, value: n }
        : fail(`"${cell}" không phải là số`, `"${cell}" is not a number`);
    }
    case 'text':
      return { ok: true, value: cell };
  }
}

/** Condition values are single answers: a multi-choice condition names one option per value. */
function decodeConditionValue(q: Question, literal: string): Parsed<string | number | boolean> {
  const single: Question = q.type === 'multi_choice' ? { ...q, type: 'single_choice' } : q;
  const res = decodeValue(single, literal);
  if (!res.ok) return res;
  return Array.isArray(res.value) ? fail('Giá trị không hợp lệ', 'Invalid value') : { ok: true, value: res.value };
}

// ---- relevant ---------------------------------------------------------------------------------

const TOKEN = /\s*(\$\{[^}]*\}|'[^']*'|"[^"]*"|-?\d+(?:\.\d+)?|selected|and|or|=|\(|\)|,)/y;

function tokenize(src: string): string[] | null {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(src);
    if (!m?.[1]) return null;
    out.push(m[1]);
  }
  return out;
}

interface Term {
  question: string;
  literal: string;
}

class Cursor {
  i = 0;
  constructor(readonly t: string[]) {}
  peek(): string | undefined {
    return this.t[this.i];
  }
  take(want?: string): string | null {
    const tok = this.t[this.i];
    if (tok === undefined || (want !== undefined && tok !== want)) return null;
    this.i += 1;
    return tok;
  }
}

const ref = (tok: string | null): string | null => (tok?.startsWith('${') ? tok.slice(2, -1).trim() : null);
const literal = (tok: string | null): string | null =>
  tok === null ? null : /^['"]/.test(tok) ? tok.slice(1, -1) : /^-?\d/.test(tok) ? tok : null;

function atom(c: Cursor): Term[] | null {
  if (c.take('(')) {
    const inner = orGroup(c);
    return inner && c.take(')') ? inner : null;
  }
  if (c.take('selected')) {
    if (!c.take('(')) return null;
    const question = ref(c.take());
    if (!question || !c.take(',')) return null;
    const lit = literal(c.take());
    return lit !== null && c.take(')') ? [{ question, literal: lit }] : null;
  }
  const question = ref(c.take());
  if (!question || !c.take('=')) return null;
  const lit = literal(c.take());
  return lit === null ? null : [{ question, literal: lit }];
}

function orGroup(c: Cursor): Term[] | null {
  const terms = atom(c);
  if (!terms) return null;
  while (c.take('or')) {
    const more = atom(c);
    if (!more) return null;
    terms.push(...more);
  }
  return terms;
}

const RELEVANT_HELP = {
  vi: "Chỉ hỗ trợ ${câu} = 'x', selected(${câu}, 'x'), nối bằng and; or chỉ giữa các đáp án của cùng một câu",
  en: "Only ${q} = 'x' and selected(${q}, 'x') joined by and are supported; or only between answers to the same question",
};

/** Parses a `relevant` cell against the questions that come before it. */
export function parseRelevant(src: string, earlier: ReadonlyMap<string, Question>): Parsed<Condition[]> {
  const tokens = tokenize(src);
  const c = new Cursor(tokens ?? []);
  const groups: Term[][] = [];
  do {
    const g = tokens ? orGroup(c) : null;
    if (!g) return fail(`Biểu thức không hỗ trợ: ${RELEVANT_HELP.vi}`, `Unsupported expression: ${RELEVANT_HELP.en}`);
    groups.push(g);
  } while (c.take('and'));
  if (c.peek() !== undefined)
    return fail(`Biểu thức không hỗ trợ: ${RELEVANT_HELP.vi}`, `Unsupported expression: ${RELEVANT_HELP.en}`);
  const conditions: Condition[] = [];
  for (const g of groups) {
    const question = g[0]?.question ?? '';
    if (g.some((t) => t.question !== question)) return fail(RELEVANT_HELP.vi, RELEVANT_HELP.en);
    const q = earlier.get(question);
    if (!q) return fail(`\${${question}} không phải là câu hỏi đứng trước`, `\${${question}} is not an earlier question`);
    const anyOf: Condition['anyOf'] = [];
    for (const t of g) {
      const v = decodeConditionValue(q, t.literal);
      if (!v.ok) return v;
      anyOf.push(v.value);
    }
    conditions.push({ question, anyOf });
  }
  return { ok: true, value: conditions };
}

/** Writes `showIf` as a `relevant` cell (the inverse of `parseRelevant`). */
export function printRelevant(conditions: readonly Condition[], questions: ReadonlyMap<string, Question>): string {
  return conditions
    .map((c) => {
      const q = questions.get(c.question);
      const terms = c.anyOf.map((v) => {
        const lit = `'${q ? encodeValue(q, v) : String(v)}'`;
        return q?.type === 'multi_choice' ? `selected(\${${c.question}}, ${lit})` : `\${${c.question}} = ${lit}`;
      });
      return terms.length === 1 ? (terms[0] ?? '') : `(${terms.join(' or ')})`;
    })
    .join(' and ');
}

// ---- constraint -------------------------------------------------------------------------------

export type Limits = Pick<Question, 'min' | 'max' | 'maxLength' | 'maxSelections'>;

const LIMIT_TERMS: Array<[RegExp, keyof Limits, Question['type'][]]> = [
  [/^\.\s*>=\s*(-?\d+(?:\.\d+)?)$/, 'min', ['number']],
  [/^\.\s*<=\s*(-?\d+(?:\.\d+)?)$/, 'max', ['number']],
  [/^string-length\(\s*\.\s*\)\s*<=\s*(\d+)$/, 'maxLength', ['text']],
  [/^count-selected\(\s*\.\s*\)\s*<=\s*(\d+)$/, 'maxSelections', ['multi_choice']],
];

export function parseConstraint(src: string, type: Question['type']): Parsed<Limits> {
  const limits: Limits = {};
  for (const part of src.split(/\s+and\s+/)) {
    const hit = LIMIT_TERMS.map(([re, key, types]) => ({ m: re.exec(part.trim()), key, types })).find((h) => h.m);
    if (!hit?.m?.[1] || !hit.types.includes(type))
      return fail(
        `Ràng buộc không hỗ trợ "${part}" (chỉ . >= n, . <= n cho số; string-length(.) <= n cho chữ; count-selected(.) <= n cho chọn nhiều)`,
        `Unsupported constraint "${part}" (only . >= n, . <= n for numbers; string-length(.) <= n for text; count-selected(.) <= n for select_multiple)`,
      );
    const n = Number(hit.m[1]);
    if ((hit.key === 'maxLength' || hit.key === 'maxSelections') && n < 1)
      return fail(`Giới hạn phải lớn hơn 0: "${part}"`, `The limit must be above 0: "${part}"`);
    limits[hit.key] = n;
  }
  return { ok: true, value: limits };
}

export function printConstraint(q: Question): string {
  const parts: string[] = [];
  if (q.min !== undefined) parts.push(`. >= ${q.min}`);
  if (q.max !== undefined) parts.push(`. <= ${q.max}`);
  if (q.maxLength !== undefined) parts.push(`string-length(.) <= ${q.maxLength}`);
  if (q.maxSelections !== undefined) parts.push(`count-selected(.) <= ${q.maxSelections}`);
  return parts.join(' and ');
}
