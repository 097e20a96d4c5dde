/** Vietnamese-first explanations of automatic flags, review states and back-check outcomes (English after the switch). */
import { tr } from '@/lib/i18n';

export const FLAG_TEXT: Record<string, { vi: string; en: string }> = {
  short_interview: { vi: 'Phỏng vấn quá ngắn (dưới thời gian tối thiểu của đợt)', en: 'Interview shorter than the minimum' },
  outside_window: { vi: 'Phỏng vấn ngoài thời gian của đợt khảo sát', en: 'Interview outside the campaign window' },
  over_quota: { vi: 'Vượt chỉ tiêu được giao cho điều tra viên', en: 'Beyond the assignment quota' },
  identical_pattern: {
    vi: 'Câu trả lời giống hệt ít nhất 2 phiếu khác của cùng điều tra viên',
    en: 'Same answers as 2+ other forms by this enumerator',
  },
};

export const flagText = (flag: string) => FLAG_TEXT[flag] ?? { vi: flag, en: flag };

const STATE_TEXT: Record<string, { vi: string; en: string }> = {
  valid: { vi: 'Hợp lệ', en: 'Valid' },
  invalid: { vi: 'Không hợp lệ', en: 'Invalid' },
  pending: { vi: 'Chờ duyệt', en: 'Pending' },
  suspect: { vi: 'Nghi vấn', en: 'Suspect' },
};

export const stateText = (state: string) => {
  const s = STATE_TEXT[state];
  return s ? tr(s.vi, s.en) : state;
};

const OUTCOME_TEXT: Record<string, { vi: string; en: string }> = {
  pending: { vi: 'Chưa phúc tra', en: 'Not checked yet' },
  confirmed: { vi: 'Người dân xác nhận', en: 'Confirmed by the citizen' },
  not_reached: { vi: 'Không liên lạc được', en: 'Could not be reached' },
  contradicted: { vi: 'Người dân phủ nhận', en: 'Denied by the citizen' },
};

export const outcomeText = (outcome: string) => {
  const o = OUTCOME_TEXT[outcome];
  return o ? tr(o.vi, o.en) : outcome;
};

export const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }) : '—';

export const minutes = (start: string | null, end: string | null) =>
  start && end ? `${Math.round((new Date(end).getTime() - new Date(start).getTime()) / 60000)} ${tr('phút', 'min')}` : '—';
