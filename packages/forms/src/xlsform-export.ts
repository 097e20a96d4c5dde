/**
 * Writes a form definition as the sheets of an XLSForm-style workbook (`survey`, `choices`,
 * `settings`, `scoring`), as plain rows of text; the API turns them into an .xlsx file. The layout
 * is the one `formFromSheets` reads, so export → import gives the same definition.
 */
import type { FormDefinition, LocalizedText, Question } from './definition.ts';
import { likertLabels, notApplicableLabel, NOT_APPLICABLE } from './labels.ts';
import { encodeValue, printConstraint, printRelevant } from './xlsform-values.ts';

export interface WorkbookSheets {
  survey: string[][];
  choices: string[][];
  settings: string[][];
  scoring: string[][];
}

export const SURVEY_COLUMNS = [
  'type',
  'name',
  'label::vi',
  'label::en',
  'hint::vi',
  'hint::en',
  'required',
  'relevant',
  'constraint',
  'sipas_component',
  'staff_item',
  'max',
  'example',
] as const;
export const CHOICES_COLUMNS = ['list_name', 'name', 'label::vi', 'label::en'] as const;
export const SETTINGS_COLUMNS = [
  'form_id',
  'version',
  'kind',
  'respondent_group',
  'title::vi',
  'title::en',
  'short_title::vi',
  'short_title::en',
  'description::vi',
  'description::en',
] as const;
export const SCORING_COLUMNS = ['type', 'name', 'label::vi', 'label::en', 'question', 'values', 'weight'] as const;

/** Lists with a fixed meaning: the 1–5 satisfaction scale (with or without "no opinion") and yes/no. */
export const RESERVED_LISTS = { likert: 'likert5', likertNa: 'likert5_na', yesNo: 'yes_no' } as const;

type Row = Record<string, string>;
const toRows = (columns: readonly string[], rows: Row[]): string[][] => [
  [...columns],
  ...rows.map((r) => columns.map((c) => r[c] ?? '')),
];
const labels = (prefix: string, t: LocalizedText | undefined): Row =>
  t ? { [`${prefix}::vi`]: t.vi, [`${prefix}::en`]: t.en } : {};

function reservedChoices(): Row[] {
  const scale = ([1, 2, 3, 4, 5] as const).map((n) => ({ name: String(n), ...labels('label', likertLabels[n]) }));
  return [
    ...scale.map((r) => ({ list_name: RESERVED_LISTS.likert, ...r })),
    ...scale.map((r) => ({ list_name: RESERVED_LISTS.likertNa, ...r })),
    { list_name: RESERVED_LISTS.likertNa, name: NOT_APPLICABLE, ...labels('label', notApplicableLabel) },
    { list_name: RESERVED_LISTS.yesNo, name: 'yes', 'label::vi': 'Có', 'label::en': 'Yes' },
    { list_name: RESERVED_LISTS.yesNo, name: 'no', 'label::vi': 'Không', 'label::en': 'No' },
  ];
}

/** Choice lists: questions with the same options share one list, named after the first of them. */
function choiceLists(form: FormDefinition): { listOf: Map<string, string>; rows: Row[] } {
  const byOptions = new Map<string, string>();
  const listOf = new Map<string, string>();
  const rows: Row[] = [];
  for (const q of form.sections.flatMap((s) => s.questions)) {
    if (!q.options) continue;
    const key = JSON.stringify(q.options);
    let name = byOptions.get(key);
    if (!name) {
      // Never one of the reserved names ('~' cannot occur in a question id).
      name = (Object.values(RESERVED_LISTS) as string[]).includes(q.id) ? `${q.id}~` : q.id;
      byOptions.set(key, name);
      for (const o of q.options) rows.push({ list_name: name, name: o.code, ...labels('label', o.label) });
    }
    listOf.set(q.id, name);
  }
  return { listOf, rows };
}

function typeCell(q: Question, listOf: Map<string, string>): string {
  switch (q.type) {
    case 'likert5':
      return `select_one ${q.allowNotApplicable ? RESERVED_LISTS.likertNa : RESERVED_LISTS.likert}`;
    case 'yes_no':
      return `select_one ${RESERVED_LISTS.yesNo}`;
    case 'single_choice':
      return `select_one ${listOf.get(q.id) ?? q.id}`;
    case 'multi_choice':
      return `select_multiple ${listOf.get(q.id) ?? q.id}`;
    case 'number':
      return q.integer ? 'integer' : 'decimal';
    case 'text':
      return 'text';
  }
}

function surveyRows(form: FormDefinition, listOf: Map<string, string>): Row[] {
  const questions = new Map(form.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  const component = new Map(form.scoring.sipas?.components.flatMap((c) => c.criteria.map((id) => [id, c.code])) ?? []);
  const staff = new Map(form.scoring.par?.subCriteria.flatMap((s) => s.questions.map((id) => [id, s])) ?? []);
  return form.sections.flatMap((s) => [
    { type: 'begin group', name: s.id, ...labels('label', s.title) },
    ...s.questions.map((q): Row => {
      const example = form.example[q.id];
      return {
        type: typeCell(q, listOf),
        name: q.id,
        ...labels('label', q.label),
        ...labels('hint', q.help),
        required: q.required ? 'yes' : 'no',
        relevant: q.showIf ? printRelevant(q.showIf, questions) : '',
        constraint: printConstraint(q),
        sipas_component: component.get(q.id) ?? '',
        staff_item: staff.get(q.id)?.code ?? '',
        max: staff.has(q.id) ? String(staff.get(q.id)?.maxPoints) : '',
        example: example === undefined ? '' : encodeValue(q, example),
      };
    }),
    { type: 'end group', name: s.id },
  ]);
}

function scoringRows(form: FormDefinition): Row[] {
  const questions = new Map(form.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  const shares = (type: string, items: FormDefinition['scoring']['perception']): Row[] =>
    (items ?? []).map((p) => {
      const q = questions.get(p.questionId);
      const values = p.matches.map((m) => (q ? encodeValue(q, m) : String(m)));
      return { type, name: p.code, ...labels('label', p.label), question: p.questionId, values: values.join(' ') };
    });
  const { sipas, par } = form.scoring;
  return [
    ...(sipas?.components.map((c) => ({ type: 'component', name: c.code, ...labels('label', c.label) })) ?? []),
    ...(sipas?.overallQuestion ? [{ type: 'overall', question: sipas.overallQuestion }] : []),
    ...(par?.subCriteria.map((s) => ({ type: 'staff_item', name: s.code, ...labels('label', s.label) })) ?? []),
    ...Object.entries(par?.optionWeights ?? {}).map(([name, w]) => ({ type: 'option_weight', name, weight: String(w) })),
    ...shares('perception', form.scoring.perception),
    ...shares('expectation', form.scoring.expectations),
  ];
}

export function sheetsFromForm(form: FormDefinition): WorkbookSheets {
  const { listOf, rows: choiceRows } = choiceLists(form);
  const settings: Row = {
    form_id: form.code,
    version: String(form.version),
    kind: form.kind,
    respondent_group: form.respondentGroup ?? '',
    ...labels('title', form.title),
    ...labels('short_title', form.shortTitle),
    ...labels('description', form.description),
  };
  return {
    survey: toRows(SURVEY_COLUMNS, surveyRows(form, listOf)),
    choices: toRows(CHOICES_COLUMNS, [...reservedChoices(), ...choiceRows]),
    settings: toRows(SETTINGS_COLUMNS, [settings]),
    scoring: toRows(SCORING_COLUMNS, scoringRows(form)),
  };
}
