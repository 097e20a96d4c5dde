/**
 * Compiles a form version into a zod validator for a submitted response. The web form and the API
 * use the same compiled schema, so a citizen sees the same message the API would return.
 * Every issue carries `params.code` (one of `answerErrorCodes`) and the question id as its path.
 */
import { z } from 'zod';
import { allQuestions, shownQuestionIds, type FormLike } from './conditions.ts';
import { NOT_APPLICABLE, type Answers, type LocalizedText, type Question } from './definition.ts';

export const answerErrorCodes = {
  UNKNOWN_QUESTION: { vi: 'Câu hỏi không có trong mẫu phiếu', en: 'Question is not part of this form' },
  REQUIRED: { vi: 'Vui lòng trả lời câu hỏi này', en: 'This question is required' },
  INVALID_TYPE: { vi: 'Câu trả lời không đúng kiểu', en: 'Answer has the wrong type' },
  INVALID_OPTION: { vi: 'Lựa chọn không hợp lệ', en: 'Not one of the options' },
  OUT_OF_RANGE: { vi: 'Giá trị nằm ngoài khoảng cho phép', en: 'Value out of range' },
  TOO_LONG: { vi: 'Câu trả lời quá dài', en: 'Answer is too long' },
  TOO_MANY: { vi: 'Chọn quá nhiều phương án', en: 'Too many options selected' },
  NOT_APPLICABLE_HERE: {
    vi: 'Câu hỏi này không áp dụng với câu trả lời trước đó của Ông/Bà',
    en: 'This question does not apply given an earlier answer',
  },
} as const satisfies Record<string, LocalizedText>;
export type AnswerErrorCode = keyof typeof answerErrorCodes;

export interface AnswerError {
  questionId: string;
  code: AnswerErrorCode;
  message: LocalizedText;
}

const DEFAULT_TEXT_MAX = 2000;

function issue(ctx: z.RefinementCtx, questionId: string, code: AnswerErrorCode): void {
  ctx.addIssue({ code: 'custom', path: [questionId], message: answerErrorCodes[code].vi, params: { code } });
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Checks one non-blank answer; returns the error code or null. */
export function checkAnswer(q: Question, v: unknown): AnswerErrorCode | null {
  switch (q.type) {
    case 'likert5':
      if (v === NOT_APPLICABLE) return q.allowNotApplicable ? null : 'INVALID_OPTION';
      if (typeof v !== 'number' || !Number.isInteger(v)) return 'INVALID_TYPE';
      return v >= 1 && v <= 5 ? null : 'OUT_OF_RANGE';
    case 'single_choice':
      if (typeof v !== 'string') return 'INVALID_TYPE';
      return q.options?.some((o) => o.code === v) ? null : 'INVALID_OPTION';
    case 'multi_choice': {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return 'INVALID_TYPE';
      const codes = new Set(q.options?.map((o) => o.code));
      if (v.some((x) => !codes.has(x as string)) || new Set(v).size !== v.length) return 'INVALID_OPTION';
      return q.maxSelections !== undefined && v.length > q.maxSelections ? 'TOO_MANY' : null;
    }
    case 'yes_no':
      return typeof v === 'boolean' ? null : 'INVALID_TYPE';
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'INVALID_TYPE';
      if (q.integer && !Number.isInteger(v)) return 'INVALID_TYPE';
      if ((q.min !== undefined && v < q.min) || (q.max !== undefined && v > q.max)) return 'OUT_OF_RANGE';
      return null;
    case 'text':
      if (typeof v !== 'string') return 'INVALID_TYPE';
      return v.length > (q.maxLength ?? DEFAULT_TEXT_MAX) ? 'TOO_LONG' : null;
  }
}

export interface CompileOptions {
  /** Drafts may leave required questions blank. */
  partial?: boolean;
}

/** Builds the zod schema of a response's `answers` for this form version. Blank answers are dropped. */
export function compileAnswersSchema(form: FormLike, options: CompileOptions = {}): z.ZodType<Answers> {
  const questions = new Map(allQuestions(form).map((q) => [q.id, q]));
  return z.record(z.string(), z.unknown()).transform((raw, ctx) => {
    const out: Answers = {};
    const shown = shownQuestionIds(form, raw);
    for (const [id, v] of Object.entries(raw)) {
      const q = questions.get(id);
      if (!q) {
        issue(ctx, id, 'UNKNOWN_QUESTION');
        continue;
      }
      if (isBlank(v)) continue;
      if (!shown.has(id)) {
        issue(ctx, id, 'NOT_APPLICABLE_HERE');
        continue;
      }
      const code = checkAnswer(q, v);
      if (code) issue(ctx, id, code);
      else out[id] = v as Answers[string];
    }
    if (!options.partial) {
      for (const q of questions.values()) {
        // Own properties only: a question id such as `constructor` must not find Object.prototype's.
        if (q.required && shown.has(q.id) && (!Object.hasOwn(raw, q.id) || isBlank(raw[q.id]))) issue(ctx, q.id, 'REQUIRED');
      }
    }
    return out;
  });
}

export type ValidationResult = { ok: true; answers: Answers } | { ok: false; errors: AnswerError[] };

const compiled = new WeakMap<FormLike, { full: z.ZodType<Answers>; partial: z.ZodType<Answers> }>();

/** Validates answers against a form version; errors are per question, in form order. */
export function validateAnswers(form: FormLike, answers: unknown, options: CompileOptions = {}): ValidationResult {
  let c = compiled.get(form);
  if (!c) {
    c = { full: compileAnswersSchema(form), partial: compileAnswersSchema(form, { partial: true }) };
    compiled.set(form, c);
  }
  const res = (options.partial ? c.partial : c.full).safeParse(answers);
  if (res.success) return { ok: true, answers: res.data };
  const order = new Map(allQuestions(form).map((q, i) => [q.id, i]));
  const errors = res.error.issues.map((i): AnswerError => {
    const questionId = i.path.length > 0 ? String(i.path[0]) : '';
    const code = (i as { params?: { code?: AnswerErrorCode } }).params?.code ?? 'INVALID_TYPE';
    return { questionId, code, message: answerErrorCodes[code] };
  });
  errors.sort((a, b) => (order.get(a.questionId) ?? 1e9) - (order.get(b.questionId) ?? 1e9));
  return { ok: false, errors };
}
