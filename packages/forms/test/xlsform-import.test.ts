/** Reading an XLSForm-style workbook: supported expressions become showIf, anything else is refused on its cell. */
import { describe, expect, it } from 'vitest';
import { formFromSheets, validateAnswers, type WorkbookError } from '../src/index.ts';

const settings = [
  ['form_id', 'version', 'kind', 'title::vi', 'title::en'],
  ['TEST/2024', '1', 'sipas', 'Phiếu thử', 'Test form'],
];
const choices = [
  ['list_name', 'name', 'label::vi', 'label::en'],
  ['when', 'late', 'Trễ hẹn', 'Late'],
  ['when', 'on_time', 'Đúng hẹn', 'On time'],
  ['ways', 'post', 'Bưu điện', 'Post'],
  ['ways', 'online', 'Trực tuyến', 'Online'],
];
const header = ['type', 'name', 'label::vi', 'label::en', 'required', 'relevant', 'sipas_component'];
const survey = (...rows: string[][]) => [header, ['begin group', 'A', 'Phần A', 'Part A'], ...rows, ['end group', 'A']];
const scoring = [
  ['type', 'name', 'label::vi', 'label::en', 'question', 'values'],
  ['component', 'TC', 'Tiếp cận dịch vụ', 'Access to the service', '', ''],
];
const base = [
  ['select_one likert5_na', 'TC1', 'Nơi đón tiếp thuận tiện', 'Convenient reception', 'yes', '', 'TC'],
  ['select_one when', 'RT', 'Nhận kết quả', 'Result', 'yes', '', ''],
  ['select_one yes_no', 'AP', 'Có xin lỗi không?', 'Apology?', 'yes', "${RT} = 'late'", ''],
  ['select_multiple ways', 'W', 'Cách nhận', 'How received', 'no', '', ''],
  ['text', 'WHY', 'Vì sao?', 'Why?', 'no', "(selected(${W}, 'post') or selected(${W}, 'online')) and ${AP} = 'no'", ''],
];
const cells = (errors: WorkbookError[]) => errors.map((e) => e.cell);

describe('XLSForm import', () => {
  it('maps relevant expressions onto showIf and the mapping column onto SIPAS components', () => {
    const res = formFromSheets({ settings, choices, scoring, survey: survey(...base) });
    if (!res.ok) throw new Error(JSON.stringify(res.errors));
    const f = res.form;
    expect(f.kind).toBe('sipas_counter');
    const qs = f.sections[0]?.questions ?? [];
    expect(qs.find((q) => q.id === 'AP')?.showIf).toEqual([{ question: 'RT', anyOf: ['late'] }]);
    expect(qs.find((q) => q.id === 'WHY')?.showIf).toEqual([
      { question: 'W', anyOf: ['post', 'online'] },
      { question: 'AP', anyOf: [false] },
    ]);
    expect(qs[0]).toMatchObject({ type: 'likert5', allowNotApplicable: true });
    expect(f.scoring.sipas?.components).toEqual([
      { code: 'TC', label: { vi: 'Tiếp cận dịch vụ', en: 'Access to the service' }, criteria: ['TC1'] },
    ]);
    // No example column: the importer makes a complete valid response.
    expect(validateAnswers(f, f.example).ok).toBe(true);
  });

  it('refuses every unsupported cell with its address, in Vietnamese and English, and returns no form', () => {
    const res = formFromSheets({
      settings: [settings[0] ?? [], ['TEST/2024', '0', 'census', 'Phiếu thử', '']],
      choices,
      scoring,
      survey: survey(
        ...base.slice(0, 2),
        ['note', 'N1', 'Ghi chú', 'Note', '', '', ''],
        ['select_one yes_no', 'AP', 'Có xin lỗi không?', 'Apology?', 'yes', "${RT} != 'late'", ''],
        ['select_one when', 'LATER', 'X', 'X', 'maybe', "${RT} = 'late' or ${TC1} = '5'", ''],
        ['select_one nolist', 'Q9', 'Y', 'Y', 'no', "${ZZ} = 'x'", 'TC'],
        ['integer', 'N', 'Số', 'Number', 'no', "${RT} = 'sometimes'", 'XX'],
      ),
    });
    expect(res.ok).toBe(false);
    const errors = res.ok ? [] : res.errors;
    expect(cells(errors)).toEqual([
      'settings!B2',
      'settings!C2',
      'settings!E2',
      'survey!A5',
      'survey!F6',
      'survey!E7',
      'survey!F7',
      'survey!A8',
      'survey!F8',
      'survey!G8',
      'survey!F9',
      'survey!G9',
      'survey!G9',
    ]);
    const note = errors.find((e) => e.cell === 'survey!A5');
    expect(note?.message).toMatch(/^survey!A5: Loại câu hỏi "note" không được hỗ trợ/);
    expect(note?.messageEn).toMatch(/^survey!A5: Question type "note" is not supported/);
  });

  it('refuses an example answer the form itself would refuse', () => {
    const withExample = survey(...base).map((r, i) => [
      ...r,
      ...Array(7 - r.length).fill(''),
      i === 0 ? 'example' : i === 2 ? '7' : '',
    ]);
    const res = formFromSheets({ settings, choices, scoring, survey: withExample });
    expect(res.ok ? [] : cells(res.errors)).toContain('survey!H3');
  });

  it('refuses a workbook without a survey sheet, and a group left open', () => {
    const none = formFromSheets({ settings });
    expect(none.ok ? [] : cells(none.errors)).toEqual(['survey!A1']);
    const open = formFromSheets({ settings, choices, scoring, survey: survey(...base).slice(0, -1) });
    expect(open.ok ? [] : cells(open.errors)).toEqual(['survey!A2']);
  });
});
