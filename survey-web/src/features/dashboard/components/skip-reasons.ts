import type { MailSkipReason } from '@hailong/contracts';
import { tr } from '@/lib/i18n';

export function skipReasonText(reason: MailSkipReason, gapHours: number): string {
  switch (reason) {
    case 'recently_reminded':
      return tr(`đã được nhắc trong vòng ${gapHours} giờ qua`, `reminded within the last ${gapHours} hours`);
    case 'already_invited':
      return tr('đã nhận thư mời', 'already invited');
    case 'completed':
      return tr('đã trả lời', 'already answered');
    case 'opted_out':
      return tr('đã từ chối nhận thư', 'opted out');
    case 'bounced':
      return tr('địa chỉ email lỗi', 'address bounced');
    case 'not_invited':
      return tr('chưa được gửi thư mời', 'not invited yet');
  }
}
