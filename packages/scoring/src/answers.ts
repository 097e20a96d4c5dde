/**
 * Answer counts: the one input shape of the SIPAS and staff-survey computations. The API builds
 * them with SQL (`GROUP BY unit, question, answer`) and passes the rows to `countsFromRows`; tests
 * and small jobs build them in memory with `countAnswers`. Both paths key answers with `answerKey`,
 * so they give the same counts for the same responses.
 */

/** One answer as stored in a response (`Answers` of `@hailong/forms`), or missing. */
export type RawAnswer = number | string | boolean | readonly string[] | null | undefined;
export type ResponseAnswers = Readonly<Record<string, RawAnswer>>;

/** questionId → answer key → number of responses with that answer. */
export type AnswerCounts = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** A row of `SELECT question, answer, count(*) … GROUP BY question, answer`. */
export interface AnswerCountRow {
  questionId: string;
  /** The answer as text (`answers->>'q'` in Postgres) or as its JSON value. */
  answer: RawAnswer;
  count: number | bigint | string;
}

/**
 * The canonical text of an answer: numbers and booleans as in JSON, strings as they are, a
 * multi-choice array as its JSON text. Blank answers (missing, null, '', []) have no key.
 */
export function answerKey(value: RawAnswer): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) return value.length === 0 ? null : JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'string') return normaliseArrayText(value);
  return String(value);
}

/** Postgres prints jsonb arrays as `["a", "b"]`; give them the same key as JSON.stringify. */
function normaliseArrayText(text: string): string {
  if (!text.startsWith('[')) return text;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? JSON.stringify(parsed) : text;
  } catch {
    return text;
  }
}

/** The values an answer key stands for (several for a multi-choice answer). */
export function answerKeyValues(key: string): string[] {
  if (!key.startsWith('[')) return [key];
  try {
    const parsed: unknown = JSON.parse(key);
    return Array.isArray(parsed) ? parsed.map((v) => String(v)) : [key];
  } catch {
    return [key];
  }
}

function add(counts: Map<string, Map<string, number>>, questionId: string, key: string, n: number): void {
  let byAnswer = counts.get(questionId);
  if (!byAnswer) {
    byAnswer = new Map();
    counts.set(questionId, byAnswer);
  }
  byAnswer.set(key, (byAnswer.get(key) ?? 0) + n);
}

/** Counts the answers of a set of responses in memory (blank answers are not counted). */
export function countAnswers(responses: Iterable<ResponseAnswers>): AnswerCounts {
  const counts = new Map<string, Map<string, number>>();
  for (const response of responses) {
    for (const [questionId, value] of Object.entries(response)) {
      const key = answerKey(value);
      if (key !== null) add(counts, questionId, key, 1);
    }
  }
  return counts;
}

/** Builds counts from grouped SQL rows (pg returns count(*) as a string); blank answers are skipped. */
export function countsFromRows(rows: Iterable<AnswerCountRow>): AnswerCounts {
  const counts = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const key = answerKey(row.answer);
    const n = Number(row.count);
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`countsFromRows: bad count ${String(row.count)} for ${row.questionId}`);
    if (key !== null && n > 0) add(counts, row.questionId, key, n);
  }
  return counts;
}

/** Adds several count tables up (e.g. the answers of two versions of one form). */
export function mergeCounts(tables: Iterable<AnswerCounts>): AnswerCounts {
  const counts = new Map<string, Map<string, number>>();
  for (const table of tables) {
    for (const [questionId, byAnswer] of table) for (const [key, n] of byAnswer) add(counts, questionId, key, n);
  }
  return counts;
}

/** The count of one answer key for a question (0 when absent). */
export function countOf(counts: AnswerCounts, questionId: string, key: string): number {
  return counts.get(questionId)?.get(key) ?? 0;
}
