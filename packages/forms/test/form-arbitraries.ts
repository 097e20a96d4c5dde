/**
 * fast-check arbitraries for whole form definitions in the canonical shape a workbook describes:
 * criteria of a component and questions of a staff item in form order, examples that are complete
 * valid responses, and conditions only on earlier choice questions.
 */
import { fc } from '@fast-check/vitest';
import {
  formKinds,
  respondentGroups,
  shownQuestionIds,
  type AnswerValue,
  type Condition,
  type FormDefinition,
  type LocalizedText,
  type Question,
} from '../src/index.ts';

const chars = fc.constantFrom(..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĐÝ0189 ,.?()%–ầếộữỳ'".split(''));
const word = fc
  .string({ unit: chars, minLength: 1, maxLength: 16 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const textArb: fc.Arbitrary<LocalizedText> = fc.record({ vi: word, en: word });
const codeArb = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,11}$/);

const optionsArb = fc
  .uniqueArray(codeArb, { minLength: 2, maxLength: 4 })
  .chain((codes) => fc.tuple(...codes.map((code) => textArb.map((label) => ({ code, label })))));

function questionArb(id: string): fc.Arbitrary<Question> {
  const base = fc.record({ required: fc.boolean(), label: textArb, help: fc.option(textArb, { nil: undefined }) });
  const shape: fc.Arbitrary<Partial<Question>> = fc.oneof(
    fc.boolean().map((na) => (na ? { type: 'likert5' as const, allowNotApplicable: true } : { type: 'likert5' as const })),
    optionsArb.map((options) => ({ type: 'single_choice' as const, options })),
    optionsArb.chain((options) =>
      fc
        .option(fc.integer({ min: 1, max: options.length }), { nil: undefined })
        .map((maxSelections) => ({ type: 'multi_choice' as const, options, ...(maxSelections ? { maxSelections } : {}) })),
    ),
    fc.constant({ type: 'yes_no' as const }),
    fc
      .tuple(
        fc.boolean(),
        fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
        fc.option(fc.integer({ min: 5, max: 50 }), { nil: undefined }),
      )
      .map(([integer, min, max]) => ({
        type: 'number' as const,
        ...(integer ? { integer } : {}),
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
      })),
    fc
      .option(fc.integer({ min: 1, max: 500 }), { nil: undefined })
      .map((maxLength) => ({ type: 'text' as const, ...(maxLength ? { maxLength } : {}) })),
  );
  return fc.tuple(base, shape).map(([b, s]) => {
    const q = { id, required: b.required, label: b.label, ...s } as Question;
    if (b.help) q.help = b.help;
    return q;
  });
}

/** The single values a question takes (a multi-choice question's values are its option codes). */
function singleValues(q: Question): AnswerValue[] {
  if (q.type === 'likert5') return [1, 2, 3, 4, 5, ...(q.allowNotApplicable ? ['na'] : [])];
  if (q.type === 'yes_no') return [true, false];
  return q.options?.map((o) => o.code) ?? [];
}

function conditionArb(earlier: Question[]): fc.Arbitrary<Condition[] | undefined> {
  const choices = earlier.filter((q) => ['likert5', 'single_choice', 'multi_choice', 'yes_no'].includes(q.type));
  if (choices.length === 0) return fc.constant(undefined);
  const one = fc
    .constantFrom(...choices)
    .chain((q) =>
      fc.subarray(singleValues(q), { minLength: 1, maxLength: 2 }).map((anyOf) => ({ question: q.id, anyOf }) as Condition),
    );
  return fc.option(fc.array(one, { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 2 });
}

function answerArb(q: Question): fc.Arbitrary<AnswerValue> {
  if (q.type === 'multi_choice')
    return fc.subarray(singleValues(q) as string[], { minLength: 1, maxLength: q.maxSelections ?? q.options?.length ?? 1 });
  if (q.type === 'number') return fc.integer({ min: q.min ?? -5, max: q.max ?? 50 });
  if (q.type === 'text') return word.map((w) => w.slice(0, q.maxLength ?? 2000).trim()).filter((w) => w.length > 0);
  return fc.constantFrom(...singleValues(q));
}

export const formDefinitionArb: fc.Arbitrary<FormDefinition> = fc
  .uniqueArray(codeArb, { minLength: 1, maxLength: 8 })
  .chain((ids) => fc.tuple(...ids.map((id) => questionArb(id))))
  .chain((questions) =>
    fc.tuple(
      fc.constant(questions),
      fc.tuple(...questions.map((_, i) => conditionArb(questions.slice(0, i)))),
      fc.integer({ min: 1, max: 3 }),
      fc.tuple(...questions.map((q) => fc.tuple(answerArb(q), fc.boolean()))),
      fc.tuple(...questions.map(() => fc.integer({ min: 0, max: 2 }))),
    ),
  )
  .chain(([qs, conditions, nSections, answers, buckets]) => {
    const questions = qs.map((q, i) => (conditions[i] ? { ...q, showIf: conditions[i] } : q));
    const size = Math.ceil(questions.length / nSections);
    const sections = Array.from({ length: Math.ceil(questions.length / size) }, (_, j) => ({
      id: `S${j}`,
      title: { vi: `Phần ${j}`, en: `Part ${j}` },
      questions: questions.slice(j * size, (j + 1) * size),
    }));
    const example: Record<string, AnswerValue> = {};
    for (const [i, q] of questions.entries()) {
      const [value, include] = answers[i] ?? [0, false];
      if ((q.required || include) && shownQuestionIds({ sections }, example).has(q.id)) example[q.id] = value;
    }
    const likerts = questions.filter((q) => q.type === 'likert5');
    const group = <T>(pick: (q: Question, i: number) => T | null) =>
      questions.flatMap((q, i) => {
        const v = pick(q, i);
        return v === null ? [] : [[v, q.id] as const];
      });
    const inComponent = group((q, i) => (q.type === 'likert5' && buckets[i] !== 0 ? `C${buckets[i]}` : null));
    const components = ['C1', 'C2']
      .map((code) => ({
        code,
        label: { vi: `Thành phần ${code}`, en: `Component ${code}` },
        criteria: inComponent.filter(([c]) => c === code).map(([, id]) => id),
      }))
      .filter((c) => c.criteria.length > 0);
    const staffIds = group((q, i) => (q.type === 'single_choice' && buckets[i] !== 0 ? `I${buckets[i]}` : null));
    const subCriteria = ['I1', 'I2']
      .map((code, k) => ({
        code,
        label: { vi: `Tiêu chí ${code}`, en: `Item ${code}` },
        maxPoints: k + 0.5,
        questions: staffIds.filter(([c]) => c === code).map(([, id]) => id),
      }))
      .filter((s) => s.questions.length > 0);
    const shareable = questions.filter((q) => singleValues(q).length > 0);
    return fc
      .record({
        code: fc.stringMatching(/^[0-9A-Z][0-9A-Za-z/_.-]{0,20}$/),
        version: fc.integer({ min: 1, max: 99 }),
        kind: fc.constantFrom(...formKinds),
        title: textArb,
        shortTitle: fc.option(textArb, { nil: undefined }),
        respondentGroup: fc.option(fc.constantFrom(...respondentGroups), { nil: undefined }),
        overall: fc.option(fc.constantFrom(...(likerts.length > 0 ? likerts : [undefined])), { nil: undefined }),
        perception:
          shareable.length === 0
            ? fc.constant<NonNullable<FormDefinition['scoring']['perception']>>([])
            : fc.array(
                fc.constantFrom(...shareable).chain((q) =>
                  fc
                    .tuple(codeArb, textArb, fc.subarray(singleValues(q), { minLength: 1, maxLength: 2 }))
                    .map(([code, label, matches]) => ({
                      code,
                      questionId: q.id,
                      label,
                      matches: matches as (string | number | boolean)[],
                    })),
                ),
                { maxLength: 2 },
              ),
        weights: fc.dictionary(codeArb, fc.integer({ min: 0, max: 100 }), { minKeys: 1, maxKeys: 3 }),
      })
      .map((r): FormDefinition => {
        const form: FormDefinition = {
          code: r.code,
          version: r.version,
          kind: r.kind,
          title: r.title,
          sections,
          scoring: {},
          example,
        };
        if (r.shortTitle) form.shortTitle = r.shortTitle;
        if (r.respondentGroup) form.respondentGroup = r.respondentGroup;
        if (components.length > 0) {
          form.scoring.sipas = { components };
          if (r.overall) form.scoring.sipas.overallQuestion = r.overall.id;
        }
        if (subCriteria.length > 0) form.scoring.par = { optionWeights: r.weights, subCriteria };
        if (r.perception.length > 0) {
          form.scoring.perception = r.perception;
          form.scoring.expectations = [...r.perception].reverse();
        }
        return form;
      });
  });
