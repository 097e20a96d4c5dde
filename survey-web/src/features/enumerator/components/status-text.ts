/**
 * The Vietnamese (English second) words the enumerator reads about sync: the summary after a round
 * and each form's state. Kept in one place so the same form never reads differently in two spots.
 */
import type { PublicForm } from '@hailong/contracts';
import { errorMessage } from '@hailong/contracts/errors';
import type { SyncedForm, SyncSummary } from '../hooks/field-store';

/** The server's message, else the catalogue's for its code. */
export function reasonText(r: SyncedForm): string {
  return r.message ?? (r.reason ? errorMessage(r.reason)?.vi : undefined) ?? r.reason ?? 'Không rõ lý do';
}

/** "Câu 3 (…label…): message" for each answer the server refused. */
export function answerErrors(r: SyncedForm, form: PublicForm | undefined): string[] {
  const questions = form?.sections.flatMap((s) => s.questions) ?? [];
  return (r.errors ?? []).map((e) => {
    const i = questions.findIndex((q) => q.id === e.questionId);
    const where = i >= 0 ? `Câu ${i + 1}` : e.questionId;
    return `${where}: ${e.message.vi}`;
  });
}

export function summaryText(s: SyncSummary): string {
  const sent = `Đã gửi ${s.stored} phiếu mới, ${s.duplicate} phiếu đã có trên máy chủ, ${s.rejected.length} phiếu bị từ chối.`;
  const partial = s.stored + s.duplicate + s.rejected.length > 0 ? `${sent} ` : '';
  switch (s.stopped) {
    case 'offline':
      return `${partial}Chưa có mạng: ${s.remaining} phiếu vẫn lưu an toàn trên máy, hãy đồng bộ lại khi có sóng. (Offline: ${s.remaining} pending.)`;
    case 'session':
      return `${partial}Phiên đăng nhập đã hết hạn: hãy đăng nhập lại để gửi ${s.remaining} phiếu còn lại (phiếu vẫn lưu trên máy). (Session expired — log in again.)`;
    case 'server':
      return `${partial}Máy chủ chưa nhận ${s.remaining} phiếu: ${s.error ? `${s.error.vi} (${s.error.en})` : 'lỗi máy chủ'}. Phiếu vẫn lưu trên máy.`;
    default:
      return `${sent} (${s.stored} stored, ${s.duplicate} already stored, ${s.rejected.length} rejected.)`;
  }
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * "14:05 02-12" in the phone's time zone: what `toLocaleTimeString('vi-VN')` and
 * `toLocaleDateString('vi-VN')` with two-digit fields print, written out by hand. The first
 * `vi-VN` formatter of a page loads the locale's data, ~200 ms on a slow phone, and the interview
 * screen shows a start time: that cost sat between the enumerator's tap and the first question.
 */
export function timeText(iso: string | undefined | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${two(d.getHours())}:${two(d.getMinutes())} ${two(d.getDate())}-${two(d.getMonth() + 1)}`;
}
