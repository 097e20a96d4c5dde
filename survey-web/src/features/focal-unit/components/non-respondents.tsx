/** Who of the unit has not answered yet, their mail state, and "Gửi lại lời mời" with a confirmation. */
import type { DeliveryStatus, NonRespondent, NonRespondentList } from '@hailong/contracts';
import { useCallback, useEffect, useState } from 'react';
import { groupName } from '@/lib/group-names';
import { errorMessage, fmtDateTime, pairName, useT } from '@/lib/i18n';
import { getNonRespondents, resendInvitation } from '../api/focal-api';

const DELIVERY: Record<DeliveryStatus, [string, string]> = {
  not_invited: ['Chưa gửi lời mời', 'Not invited yet'],
  queued: ['Đang chờ gửi', 'Waiting to be sent'],
  sent: ['Đã gửi', 'Sent'],
  delivered: ['Đã gửi tới hộp thư', 'Delivered'],
  bounced: ['Thư bị trả lại', 'Bounced'],
  failed: ['Gửi không thành công', 'Sending failed'],
  opted_out: ['Đã từ chối nhận thư', 'Opted out of mail'],
};
const canResend = (p: NonRespondent) => p.delivery === 'delivered' || p.delivery === 'sent' || p.delivery === 'failed';

export function NonRespondents({ campaignId }: { campaignId: string }) {
  const t = useT();
  const [list, setList] = useState<NonRespondentList | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const load = useCallback(() => {
    getNonRespondents(campaignId).then(setList, (e: unknown) => setMessage({ ok: false, text: errorMessage(e) }));
  }, [campaignId]);
  useEffect(load, [load]);

  const resend = async (p: NonRespondent) => {
    setMessage(null);
    if (
      !window.confirm(
        t(`Gửi lại lời mời tới ${p.fullName} (${p.email})?`, `Resend the invitation to ${p.fullName} (${p.email})?`),
      )
    )
      return;
    try {
      const r = await resendInvitation(campaignId, p.respondentId);
      const next = r.nextAllowedAt ? fmtDateTime(r.nextAllowedAt) : '';
      setMessage({
        ok: true,
        text:
          r.outcome === 'queued'
            ? t(`Đã gửi lại lời mời tới ${p.email}.`, `The invitation was resent to ${p.email}.`)
            : t(
                `${p.email} vừa được nhắc gần đây; không gửi thêm. Có thể gửi lại sau ${next}.`,
                `${p.email} was reminded recently; nothing more was sent. You can resend after ${next}.`,
              ),
      });
      load();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  };

  const titleId = `non-respondents-${campaignId}`;
  return (
    <div aria-labelledby={titleId} role="region">
      <h3 id={titleId}>{t('Người chưa trả lời', 'Not answered yet')}</h3>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'admin-message' : 'admin-error'}>
          {message.text}
        </p>
      ) : null}
      {list?.personalDataPurgedAt ? (
        <p role="status" className="admin-empty">
          {t(
            `Dữ liệu cá nhân của đợt này (họ tên, email) đã được xóa ngày ${fmtDateTime(list.personalDataPurgedAt)} theo thời hạn lưu trữ; tỷ lệ trả lời vẫn giữ nguyên.`,
            `This campaign’s personal data (names, emails) was deleted on ${fmtDateTime(list.personalDataPurgedAt)} at the end of its retention period; the response rates remain.`,
          )}
        </p>
      ) : list && list.people.length === 0 ? (
        <p role="status" className="admin-empty">
          {t('Mọi người trong đơn vị đã trả lời.', 'Everyone in your unit has answered.')}
        </p>
      ) : list ? (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('Họ tên', 'Name')}</th>
              <th scope="col">Email</th>
              <th scope="col">{t('Mẫu phiếu', 'Template')}</th>
              <th scope="col">{t('Tình trạng thư', 'Mail state')}</th>
              <th scope="col">{t('Nhắc lần cuối', 'Last reminder')}</th>
              <th scope="col">{t('Thao tác', 'Action')}</th>
            </tr>
          </thead>
          <tbody>
            {list.people.map((p) => (
              <tr key={p.respondentId}>
                <th scope="row">{p.fullName}</th>
                <td>{p.email}</td>
                <td>{groupName(p.group)}</td>
                <td>{pairName(DELIVERY, p.delivery)}</td>
                <td>{p.lastRemindedAt ? fmtDateTime(p.lastRemindedAt) : '—'}</td>
                <td>
                  {list.open && canResend(p) ? (
                    <button
                      type="button"
                      onClick={() => void resend(p)}
                      aria-label={t(`Gửi lại lời mời tới ${p.fullName}`, `Resend the invitation to ${p.fullName}`)}
                    >
                      {t('Gửi lại lời mời', 'Resend invitation')}
                    </button>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
