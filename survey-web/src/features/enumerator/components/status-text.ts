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

export function timeText(iso: string | undefined | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' })} ${d.toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit' })}`;
}
