/**
 * The form definition format. A form version is data: sections of questions plus the scoring map
 * that says which question feeds which SIPAS criterion/component or which PAR sub-criterion.
 * The same definition renders the web form, builds the server-side validator and drives scoring.
 */
import { z } from 'zod';

export const textSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof textSchema>;

export const questionTypes = ['likert5', 'single_choice', 'multi_choice', 'yes_no', 'number', 'text'] as const;
export type QuestionType = (typeof questionTypes)[number];

export { likertLabels, notApplicableLabel, NOT_APPLICABLE } from './labels.ts';

const codeSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/);

export const optionSchema = z.object({ code: codeSchema, label: textSchema });

/**
 * A condition on an earlier answer: the question is shown only when the answer to `question` is one
 * of `anyOf` (for a multi-choice answer: when any chosen option is). A question with several
 * conditions is shown when all of them hold, and never when the question it depends on is hidden.
 */
export const conditionSchema = z.object({
  question: codeSchema,
  anyOf: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1),
});
export type Condition = z.infer<typeof conditionSchema>;

export const questionSchema = z
  .object({
    id: codeSchema,
    type: z.enum(questionTypes),
    required: z.boolean(),
    label: textSchema,
    help: textSchema.optional(),
    options: z.array(optionSchema).min(2).optional(),
    allowNotApplicable: z.boolean().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    maxLength: z.number().int().positive().optional(),
    maxSelections: z.number().int().positive().optional(),
    /** Asked only when every condition holds (METHOD.md: conditional items). */
    showIf: z.array(conditionSchema).min(1).optional(),
  })
  .superRefine((q, ctx) => {
    const choice = q.type === 'single_choice' || q.type === 'multi_choice';
    if (choice && !q.options) ctx.addIssue({ code: 'custom', message: `${q.id}: choice question needs options` });
    if (!choice && q.options) ctx.addIssue({ code: 'custom', message: `${q.id}: only choice questions have options` });
    if (q.options && new Set(q.options.map((o) => o.code)).size !== q.options.length)
      ctx.addIssue({ code: 'custom', message: `${q.id}: duplicate option code` });
  });
export type Question = z.infer<typeof questionSchema>;

export const sectionSchema = z.object({
  id: codeSchema,
  title: textSchema,
  questions: z.array(questionSchema).min(1),
});
export type Section = z.infer<typeof sectionSchema>;

/** SIPAS: criteria (one Likert question each) grouped into components. */
export const sipasScoringSchema = z.object({
  components: z.array(z.object({ code: codeSchema, label: textSchema, criteria: z.array(codeSchema).min(1) })).min(1),
  /** The overall-satisfaction question, used by the quick form's "satisfied" rule. */
  overallQuestion: codeSchema.optional(),
});

/** A perception share: % of answered forms whose answer is one of `matches`. */
export const perceptionSchema = z.object({
  code: codeSchema,
  questionId: codeSchema,
  label: textSchema,
  matches: z.array(z.union([z.string(), z.boolean(), z.number()])).min(1),
});

/** PAR staff survey: each question feeds one sub-criterion with a max number of points. */
export const parScoringSchema = z.object({
  /** Weight in percent of each answer option; options not listed ("E không đánh giá được") are excluded. */
  optionWeights: z.record(z.string(), z.number().min(0).max(100)),
  subCriteria: z
    .array(
      z.object({
        code: codeSchema,
        label: textSchema,
        maxPoints: z.number().positive(),
        questions: z.array(codeSchema).min(1),
      }),
    )
    .min(1),
});

export const formKinds = ['sipas_counter', 'sipas_online', 'sipas_quick', 'staff'] as const;
export type FormKind = (typeof formKinds)[number];
export const respondentGroups = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'] as const;
export type RespondentGroup = (typeof respondentGroups)[number];

export const answerValueSchema = z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]);
export type AnswerValue = z.infer<typeof answerValueSchema>;
export type Answers = Record<string, AnswerValue>;

export const formDefinitionSchema = z
  .object({
    code: z.string().min(1).max(40),
    version: z.number().int().positive(),
    kind: z.enum(formKinds),
    title: textSchema,
    /** A few words naming the form on buttons and lists (e.g. "Phiếu khảo sát trực tiếp – mẫu 01"). */
    shortTitle: textSchema.optional(),
    description: textSchema.optional(),
    respondentGroup: z.enum(respondentGroups).optional(),
    sections: z.array(sectionSchema).min(1),
    scoring: z.object({
      sipas: sipasScoringSchema.optional(),
      perception: z.array(perceptionSchema).optional(),
      /** What respondents want improved: shares reported from the highest down (e.g. answering "rất nhiều"). */
      expectations: z.array(perceptionSchema).optional(),
      par: parScoringSchema.optional(),
    }),
    /** A complete valid response, used by tests and as documentation. */
    example: z.record(z.string(), answerValueSchema),
  })
  .superRefine((f, ctx) => {
    const ids = f.sections.flatMap((s) => s.questions.map((q) => q.id));
    const known = new Set(ids);
    if (known.size !== ids.length) ctx.addIssue({ code: 'custom', message: `${f.code}: duplicate question id` });
    const refs = [
      ...(f.scoring.sipas?.components.flatMap((c) => c.criteria) ?? []),
      ...(f.scoring.sipas?.overallQuestion ? [f.scoring.sipas.overallQuestion] : []),
      ...(f.scoring.perception?.map((p) => p.questionId) ?? []),
      ...(f.scoring.expectations?.map((p) => p.questionId) ?? []),
      ...(f.scoring.par?.subCriteria.flatMap((s) => s.questions) ?? []),
    ];
    for (const r of refs) {
      if (!known.has(r)) ctx.addIssue({ code: 'custom', message: `${f.code}: scoring refers to unknown question ${r}` });
    }
    const earlier = new Set<string>();
    for (const q of f.sections.flatMap((s) => s.questions)) {
      for (const c of q.showIf ?? []) {
        if (!earlier.has(c.question))
          ctx.addIssue({
            code: 'custom',
            message: `${f.code}: ${q.id} depends on ${c.question}, which is not an earlier question`,
          });
      }
      earlier.add(q.id);
    }
  });
export type FormDefinition = z.infer<typeof formDefinitionSchema>;
