/**
 * The `survey` sheet of an XLSForm-style workbook → sections of questions. `begin group` /
 * `end group` make sections (one level, every question inside one); question types are the ones the
 * renderers show: `select_one likert5|likert5_na|yes_no|<list>`, `select_multiple <list>`, `text`,
 * `integer`, `decimal`. Anything else is refused on its cell.
 */
import type { Question, Section } from './definition.ts';
import { RESERVED_LISTS } from './xlsform-export.ts';
import { checkCode, type Option, type Table } from './xlsform-sheet.ts';
import { parseConstraint, parseRelevant } from './xlsform-values.ts';

/** A question with the mapping cells of its row. */
export interface SurveyItem {
  q: Question;
  line: number;
  component: string;
  staffItem: string;
  max: number | null;
}

const UNSUPPORTED_COLUMNS = ['choice_filter', 'calculation', 'default', 'repeat_count', 'trigger', 'read_only'];
const TYPES_HELP = 'select_one, select_multiple, text, integer, decimal, begin group, end group';

function required(t: Table, line: number): boolean {
  const v = t.at(line, 'required').toLowerCase();
  if (['yes', 'true', 'true()'].includes(v)) return true;
  if (['', 'no', 'false', 'false()'].includes(v)) return false;
  t.error(line, 'required', `"${v}" không hợp lệ; dùng yes hoặc no`, `"${v}" is not valid; use yes or no`);
  return false;
}

function questionShape(
  t: Table,
  line: number,
  lists: Map<string, Option[]>,
): Pick<Question, 'type' | 'options' | 'allowNotApplicable' | 'integer'> | null {
  const type = t.at(line, 'type').replace(/\s+/g, ' ');
  const select = /^(select_one|select_multiple) (\S+)$/.exec(type);
  if (type === 'text') return { type: 'text' };
  if (type === 'integer') return { type: 'number', integer: true };
  if (type === 'decimal') return { type: 'number' };
  if (!select) {
    t.error(
      line,
      'type',
      `Loại câu hỏi "${type}" không được hỗ trợ; dùng ${TYPES_HELP}`,
      `Question type "${type}" is not supported; use ${TYPES_HELP}`,
    );
    return null;
  }
  const [, kind, list = ''] = select;
  const reserved = (Object.values(RESERVED_LISTS) as string[]).includes(list);
  if (kind === 'select_one' && list === RESERVED_LISTS.likert) return { type: 'likert5' };
  if (kind === 'select_one' && list === RESERVED_LISTS.likertNa) return { type: 'likert5', allowNotApplicable: true };
  if (kind === 'select_one' && list === RESERVED_LISTS.yesNo) return { type: 'yes_no' };
  const options = lists.get(list);
  if (reserved || !options || options.length < 2) {
    t.error(
      line,
      'type',
      reserved ? `Danh sách ${list} chỉ dùng với select_one` : `Danh sách "${list}" cần ít nhất 2 lựa chọn trong trang choices`,
      reserved ? `List ${list} is for select_one only` : `List "${list}" needs at least 2 options in the choices sheet`,
    );
    return null;
  }
  return { type: kind === 'select_one' ? 'single_choice' : 'multi_choice', options };
}

function readQuestion(t: Table, line: number, lists: Map<string, Option[]>, earlier: Map<string, Question>): SurveyItem | null {
  const id = checkCode(t, line, 'name');
  const shape = questionShape(t, line, lists);
  const label = t.text(line, 'label', true);
  const help = t.text(line, 'hint', false);
  const q: Question = {
    id: id ?? '',
    required: required(t, line),
    label: label ?? { vi: '', en: '' },
    ...(shape ?? { type: 'text' }),
  };
  if (help) q.help = help;
  const relevant = t.at(line, 'relevant');
  if (relevant) {
    const r = parseRelevant(relevant, earlier);
    if (r.ok) q.showIf = r.value;
    else t.error(line, 'relevant', r.message.vi, r.message.en);
  }
  const constraint = t.at(line, 'constraint');
  if (constraint && shape) {
    const c = parseConstraint(constraint, shape.type);
    if (c.ok) Object.assign(q, c.value);
    else t.error(line, 'constraint', c.message.vi, c.message.en);
  }
  if (q.min !== undefined && q.max !== undefined && q.min > q.max)
    t.error(line, 'constraint', 'Giá trị nhỏ nhất lớn hơn giá trị lớn nhất', 'The minimum is above the maximum');
  if (id && earlier.has(id)) t.error(line, 'name', `Câu hỏi "${id}" lặp lại`, `Question "${id}" repeats`);
  const component = t.at(line, 'sipas_component');
  if (component && shape?.type !== 'likert5')
    t.error(
      line,
      'sipas_component',
      'Chỉ câu hỏi mức 1–5 (likert5) mới tính vào thành phần SIPAS',
      'Only 1–5 (likert5) questions feed a SIPAS component',
    );
  const staffItem = t.at(line, 'staff_item');
  const maxCell = t.at(line, 'max');
  const max = maxCell === '' ? null : Number(maxCell);
  if (staffItem && (max === null || !Number.isFinite(max) || max <= 0))
    t.error(line, 'max', 'Cần điểm tối đa là số dương cho tiêu chí thành phần', 'A staff item needs a positive maximum');
  if (!id || !shape || !label) return null;
  return { q, line, component, staffItem, max };
}

export interface SurveyResult {
  sections: Section[];
  items: SurveyItem[];
}

export function readSurvey(t: Table, lists: Map<string, Option[]>): SurveyResult {
  const sections: Section[] = [];
  const items: SurveyItem[] = [];
  const earlier = new Map<string, Question>();
  let open: { section: Section; line: number } | null = null;
  for (const { line } of t.rows) {
    for (const c of UNSUPPORTED_COLUMNS.filter((col) => t.at(line, col) !== ''))
      t.error(line, c, `Cột ${c} không được hỗ trợ`, `Column ${c} is not supported`);
    const type = t.at(line, 'type').replace(/[\s_]+/g, ' ');
    if (type === 'begin group') {
      if (open) t.error(line, 'type', 'Không hỗ trợ nhóm lồng nhau', 'Nested groups are not supported');
      const id = checkCode(t, line, 'name');
      const title = t.text(line, 'label', true);
      open = { section: { id: id ?? '', title: title ?? { vi: '', en: '' }, questions: [] }, line };
      continue;
    }
    if (type === 'end group') {
      if (!open) t.error(line, 'type', 'end group không có begin group tương ứng', 'end group without a begin group');
      else if (open.section.questions.length === 0)
        t.error(open.line, 'type', 'Nhóm không có câu hỏi nào', 'The group has no questions');
      else sections.push(open.section);
      open = null;
      continue;
    }
    if (!open) {
      t.error(
        line,
        'type',
        'Câu hỏi phải nằm trong một nhóm (begin group … end group)',
        'A question must be inside a group (begin group … end group)',
      );
      continue;
    }
    const item = readQuestion(t, line, lists, earlier);
    if (!item) continue;
    earlier.set(item.q.id, item.q);
    open.section.questions.push(item.q);
    items.push(item);
  }
  if (open) t.error(open.line, 'type', 'Nhóm chưa được đóng bằng end group', 'The group is not closed with end group');
  if (t.rows.length === 0) t.error(1, 'type', 'Trang survey không có câu hỏi', 'The survey sheet has no questions');
  return { sections, items };
}
