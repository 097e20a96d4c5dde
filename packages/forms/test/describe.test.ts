import { describe, expect, it } from 'vitest';
import { describeAnswers } from '../src/index.ts';
import { sipas01 } from '../src/definitions/index.ts';

describe('describeAnswers', () => {
  it('numbers every question of form 01 and gives each answer its Vietnamese and English label', () => {
    const lines = describeAnswers(sipas01, {
      ...sipas01.example,
      RESULT_TIME: 'late',
      TT4: 'na',
      IMPROVE: ['facilities', 'online'],
      HARASSMENT: false,
    });
    expect(lines).toHaveLength(36);
    const by = new Map(lines.map((l) => [l.questionId, l]));
    expect(by.get('TC1')).toMatchObject({
      number: 1,
      section: { vi: 'Tiếp cận dịch vụ' },
      answer: { vi: '4 · Hài lòng', en: '4 · Satisfied' },
    });
    expect(by.get('TT4')?.answer?.vi).toBe('Không ý kiến / không áp dụng');
    expect(by.get('V')?.answer?.vi).toBe('2 lần');
    expect(by.get('HARASSMENT')?.answer).toEqual({ vi: 'Không', en: 'No' });
    expect(by.get('IMPROVE')?.answer?.vi).toBe('Cơ sở vật chất, trang thiết bị; Mở rộng dịch vụ công trực tuyến');
    expect(by.get('PROCEDURE')?.answer?.vi).toBe('Cấp giấy chứng nhận quyền sử dụng đất');
    expect(by.get('LATE_NOTIFIED')?.answer).toBeNull();
    expect(by.get('RESPONDENT')).toBeUndefined();
  });

  it("leaves out the questions that did not apply (showIf), keeping the others' numbers", () => {
    const lines = describeAnswers(sipas01, { ...sipas01.example, RESULT_TIME: 'on_time' });
    expect(lines.map((l) => l.questionId)).not.toContain('LATE_NOTIFIED');
    expect(lines).toHaveLength(34);
    expect(lines.find((l) => l.questionId === 'HARASSMENT')?.number).toBe(28);
  });

  it('shows an unknown option code as it is rather than dropping it', () => {
    const v = describeAnswers(sipas01, { V: 'x9' }).find((l) => l.questionId === 'V');
    expect(v?.answer).toEqual({ vi: 'x9', en: 'x9' });
  });
});
