/**
 * XLSForm-style workbook → form definition (the inverse of `sheetsFromForm`). All or nothing:
 * either a definition that `formDefinitionSchema` accepts, or every problem found, each naming its
 * cell ("survey!E12: …") in Vietnamese and English. Pure: the API reads the .xlsx into rows of text.
 */
import {
  formDefinitionSchema,
  formKinds,
  respondentGroups,
  type Answers,
  type FormDefinition,
  type FormKind,
  type Question,
  type RespondentGroup,
} from './definition.ts';
import { shownQuestionIds } from './conditions.ts';
import { validateAnswers } from './validator.ts';
import { readSurvey, type SurveyItem } from './xlsform-survey.ts';
import {
  Errors,
  readChoices,
  readScoring,
  Table,
  type Option,
  type ScoringRow,
  type Sheets,
  type WorkbookError,
} from './xlsform-sheet.ts';
import { decodeValue } from './xlsform-values.ts';

export type { WorkbookError } from './xlsform-sheet.ts';
export type FormImportOutcome = { ok: true; form: FormDefinition } | { ok: false; errors: WorkbookError[] };

type Head = Pick<FormDefinition, 'code' | 'version' | 'kind' | 'title' | 'shortTitle' | 'description' | 'respondentGroup'>;

function readSettings(t: Table): Head | null {
  const line = t.rows[0]?.line ?? 2;
  const code = t.at(line, 'form_id');
  if (!code || code.length > 40)
    t.error(line, 'form_id', 'Cần mã mẫu phiếu (tối đa 40 ký tự)', 'A form code (at most 40 characters) is needed');
  const versionCell = t.at(line, 'version');
  const version = Number(versionCell);
  if (!Number.isInteger(version) || version < 1)
    t.error(
      line,
      'version',
      `Phiên bản phải là số nguyên dương, không phải "${versionCell}"`,
      `The version must be a positive whole number, not "${versionCell}"`,
    );
  const kindCell = t.at(line, 'kind');
  const kind = (kindCell === 'sipas' ? 'sipas_counter' : kindCell) as FormKind;
  if (!formKinds.includes(kind))
    t.error(
      line,
      'kind',
      `Loại mẫu "${kindCell}" không có; dùng sipas, ${formKinds.join(', ')}`,
      `Unknown kind "${kindCell}"; use sipas, ${formKinds.join(', ')}`,
    );
  const group = t.at(line, 'respondent_group');
  if (group && !(respondentGroups as readonly string[]).includes(group))
    t.error(
      line,
      'respondent_group',
      `Nhóm "${group}" không có; dùng ${respondentGroups.join(', ')}`,
      `Unknown group "${group}"; use ${respondentGroups.join(', ')}`,
    );
  const title = t.text(line, 'title', true);
  const head: Head = { code, version, kind, title: title ?? { vi: '', en: '' } };
  const shortTitle = t.text(line, 'short_title', false);
  const description = t.text(line, 'description', false);
  if (shortTitle) head.shortTitle = shortTitle;
  if (description) head.description = description;
  if (group) head.respondentGroup = group as RespondentGroup;
  return title ? head : null;
}

function scoringOf(rows: ScoringRow[], items: SurveyItem[], survey: Table, scoring: Table | null): FormDefinition['scoring'] {
  const questions = new Map(items.map((i) => [i.q.id, i.q]));
  const out: FormDefinition['scoring'] = {};
  const err = (r: ScoringRow, col: string, vi: string, en: string) => scoring?.error(r.line, col, vi, en);
  const known = (type: string) => new Set(rows.filter((r) => r.type === type).map((r) => r.name));
  for (const [type, column] of [
    ['component', 'sipas_component'],
    ['staff_item', 'staff_item'],
  ] as const) {
    const declared = known(type);
    for (const i of items) {
      const code = type === 'component' ? i.component : i.staffItem;
      if (code && !declared.has(code))
        survey.error(
          i.line,
          column,
          `"${code}" chưa được khai báo (type ${type}) trong trang scoring`,
          `"${code}" is not declared (type ${type}) in the scoring sheet`,
        );
    }
  }
  const members = (r: ScoringRow, pick: (i: SurveyItem) => string) => {
    const found = items.filter((i) => pick(i) === r.name);
    if (found.length === 0) err(r, 'name', `Không có câu hỏi nào thuộc "${r.name}"`, `No question belongs to "${r.name}"`);
    return found;
  };
  const components = rows.filter((r) => r.type === 'component');
  const overall = rows.filter((r) => r.type === 'overall');
  if (components.length > 0 || overall.length > 0) {
    out.sipas = {
      components: components.map((r) => ({
        code: r.name,
        label: r.label ?? { vi: '', en: '' },
        criteria: members(r, (i) => i.component).map((i) => i.q.id),
      })),
    };
    for (const r of overall.slice(1)) err(r, 'type', 'Chỉ một dòng overall', 'Only one overall row');
    const ov = overall[0];
    if (ov && questions.get(ov.question)?.type !== 'likert5')
      err(ov, 'question', `"${ov.question}" không phải câu hỏi mức 1–5`, `"${ov.question}" is not a 1–5 question`);
    else if (ov) out.sipas.overallQuestion = ov.question;
  }
  const staff = rows.filter((r) => r.type === 'staff_item');
  if (staff.length > 0) {
    const optionWeights: Record<string, number> = {};
    for (const r of rows.filter((x) => x.type === 'option_weight')) {
      const w = Number(r.weight);
      if (r.weight === '' || !(w >= 0 && w <= 100))
        err(r, 'weight', 'Trọng số phải từ 0 đến 100', 'The weight must be from 0 to 100');
      else optionWeights[r.name] = w;
    }
    if (Object.keys(optionWeights).length === 0)
      err(staff[0] as ScoringRow, 'type', 'Cần các dòng option_weight cho phiếu CBCCVC', 'Staff items need option_weight rows');
    const subCriteria = staff.map((r) => {
      const qs = members(r, (i) => i.staffItem);
      const maxima = new Set(qs.map((i) => i.max));
      if (maxima.size > 1)
        for (const i of qs.slice(1))
          survey.error(
            i.line,
            'max',
            `Điểm tối đa của "${r.name}" không thống nhất`,
            `The maximum of "${r.name}" differs between rows`,
          );
      return { code: r.name, label: r.label ?? { vi: '', en: '' }, maxPoints: qs[0]?.max ?? 0, questions: qs.map((i) => i.q.id) };
    });
    out.par = { optionWeights, subCriteria };
  }
  for (const type of ['perception', 'expectation'] as const) {
    const list = rows
      .filter((r) => r.type === type)
      .flatMap((r) => {
        const q = questions.get(r.question);
        if (!q) {
          err(r, 'question', `"${r.question}" không phải câu hỏi của mẫu`, `"${r.question}" is not a question of the form`);
          return [];
        }
        const single: Question = q.type === 'multi_choice' ? { ...q, type: 'single_choice' } : q;
        const matches = r.values
          .split(/\s+/)
          .filter(Boolean)
          .map((v) => decodeValue(single, v));
        const bad = matches.find((m) => !m.ok);
        if (bad && !bad.ok) err(r, 'values', bad.message.vi, bad.message.en);
        if (matches.length === 0) err(r, 'values', 'Cần ít nhất một đáp án', 'At least one answer is needed');
        const values = matches.flatMap((m) => (m.ok && !Array.isArray(m.value) ? [m.value] : []));
        return [{ code: r.name, questionId: q.id, label: r.label ?? { vi: '', en: '' }, matches: values }];
      });
    if (list.length > 0) out[type === 'perception' ? 'perception' : 'expectations'] = list;
  }
  return out;
}

/** A plausible complete answer to a question, for forms whose workbook gives no example column. */
function sampleAnswer(q: Question): Answers[string] | undefined {
  if (!q.required) return undefined;
  switch (q.type) {
    case 'likert5':
      return 4;
    case 'yes_no':
      return false;
    case 'single_choice':
      return q.options?.[0]?.code;
    case 'multi_choice':
      return q.options?.[0] ? [q.options[0].code] : undefined;
    case 'number':
      return q.min ?? (q.max !== undefined && q.max < 0 ? q.max : 0);
    case 'text':
      return 'Ví dụ';
  }
}

function exampleOf(items: SurveyItem[], t: Table): Answers {
  const given = items.some((i) => t.at(i.line, 'example') !== '');
  const example: Answers = {};
  for (const i of items) {
    const cell = t.at(i.line, 'example');
    if (!given) {
      const shown = shownQuestionIds({ sections: [{ questions: items.map((x) => x.q) }] }, example).has(i.q.id);
      const v = shown ? sampleAnswer(i.q) : undefined;
      if (v !== undefined) example[i.q.id] = v;
      continue;
    }
    if (cell === '') continue;
    const v = decodeValue(i.q, cell);
    if (v.ok) example[i.q.id] = v.value;
    else t.error(i.line, 'example', v.message.vi, v.message.en);
  }
  if (given) {
    const form = { sections: [{ questions: items.map((i) => i.q) }] };
    const res = validateAnswers(form, example);
    if (!res.ok) {
      const lineOf = new Map(items.map((i) => [i.q.id, i.line]));
      for (const e of res.errors)
        t.error(lineOf.get(e.questionId) ?? 1, 'example', `Câu trả lời mẫu: ${e.message.vi}`, `Example answer: ${e.message.en}`);
    }
  }
  return example;
}

export function formFromSheets(sheets: Sheets): FormImportOutcome {
  const errors = new Errors();
  const table = (name: string) => {
    const rows = sheets[name];
    return rows ? new Table(name, rows, errors) : null;
  };
  const [survey, choices, settings, scoring] = [table('survey'), table('choices'), table('settings'), table('scoring')];
  for (const [name, t] of [
    ['survey', survey],
    ['settings', settings],
  ] as const)
    if (!t) errors.add(name, 1, '', 0, `Thiếu trang ${name}`, `The ${name} sheet is missing`);
  if (!survey || !settings) return { ok: false, errors: errors.list };
  const head = readSettings(settings);
  const { sections, items } = readSurvey(survey, choices ? readChoices(choices) : new Map<string, Option[]>());
  const scoringMap = scoringOf(readScoring(scoring), items, survey, scoring);
  const example = exampleOf(items, survey);
  if (errors.list.length > 0 || !head) return { ok: false, errors: errors.list };
  const parsed = formDefinitionSchema.safeParse({ ...head, sections, scoring: scoringMap, example });
  if (parsed.success) return { ok: true, form: parsed.data };
  for (const issue of parsed.error.issues) errors.add('settings', 1, '', 0, issue.message, issue.message);
  return { ok: false, errors: errors.list };
}
