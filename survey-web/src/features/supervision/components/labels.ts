/** Vietnamese-first explanations of automatic flags, review states and back-check outcomes. */
export const FLAG_TEXT: Record<string, { vi: string; en: string }> = {
  short_interview: { vi: 'Phỏng vấn quá ngắn (dưới thời gian tối thiểu của đợt)', en: 'Interview shorter than the minimum' },
  outside_window: { vi: 'Phỏng vấn ngoài thời gian của đợt khảo sát', en: 'Interview outside the campaign window' },
  over_quota: { vi: 'Vượt chỉ tiêu được giao cho điều tra viên', en: 'Beyond the assignment quota' },
  identical_pattern: { vi: 'Câu trả lời giống hệt ít nhất 2 phiếu khác của cùng điều tra viên', en: 'Same answers as 2+ other forms by this enumerator' },
};

export const flagText = (flag: string) => FLAG_TEXT[flag] ?? { vi: flag, en: flag };

export const STATE_TEXT: Record<string, string> = {
  valid: 'Hợp lệ',
  invalid: 'Không hợp lệ',
  pending: 'Chờ duyệt',
  suspect: 'Nghi vấn',
};

export const OUTCOME_TEXT: Record<string, string> = {
  pending: 'Chưa phúc tra',
  confirmed: 'Người dân xác nhận',
  not_reached: 'Không liên lạc được',
  contradicted: 'Người dân phủ nhận',
};

export const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }) : '—';

export const minutes = (start: string | null, end: string | null) =>
  start && end ? `${Math.round((new Date(end).getTime() - new Date(start).getTime()) / 60000)} phút` : '—';
