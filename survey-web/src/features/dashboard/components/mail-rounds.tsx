/** Every mail round of the campaign: when it went out and what it reached (refreshed every 10 s). */
import type { MailRounds } from '@hailong/contracts';
import { useEffect, useState } from 'react';
import { fmtDateTime, fmtInt, useT } from '@/lib/i18n';
import { mailRounds } from '../api/admin-api';

export function MailRoundsTable({ campaignId }: { campaignId: string }) {
  const t = useT();
  const [rounds, setRounds] = useState<MailRounds['rounds'] | null>(null);
  useEffect(() => {
    const load = () =>
      mailRounds(campaignId).then(
        (r) => setRounds(r.rounds),
        () => undefined,
      );
    void load();
    const timer = setInterval(() => void load(), 10_000);
    return () => clearInterval(timer);
  }, [campaignId]);
  if (!rounds) return null;
  const kind = (k: string) =>
    k === 'invitation'
      ? t('Thư mời', 'Invitation')
      : k === 'reminder'
        ? t('Thư nhắc', 'Reminder')
        : t('Thư tổng hợp cho đầu mối', 'Focal-point digest');
  return (
    <>
      <h3>{t('Các đợt đã gửi', 'Rounds sent')}</h3>
      {rounds.length === 0 ? (
        <p>{t('Chưa gửi thư nào.', 'No mail sent yet.')}</p>
      ) : (
        <div className="admin-scroll">
          <table className="admin-table" data-testid="mail-rounds">
            <thead>
              <tr>
                <th scope="col">{t('Loại thư', 'Kind')}</th>
                <th scope="col">{t('Lần', 'Round')}</th>
                <th scope="col">{t('Xếp hàng lúc', 'Queued at')}</th>
                <th scope="col">{t('Gửi xong lúc', 'Last sent at')}</th>
                <th scope="col">{t('Số thư', 'Mails')}</th>
                <th scope="col">{t('Đã gửi', 'Sent')}</th>
                <th scope="col">{t('Đang chờ', 'Waiting')}</th>
                <th scope="col">{t('Lỗi', 'Failed')}</th>
                <th scope="col">{t('Đã trả lời sau đó', 'Answered since')}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={`${r.kind}-${r.round}`}>
                  <th scope="row">{kind(r.kind)}</th>
                  <td>{r.round}</td>
                  <td>{fmtDateTime(r.firstQueuedAt)}</td>
                  <td>{r.lastSentAt ? fmtDateTime(r.lastSentAt) : '—'}</td>
                  <td>{fmtInt(r.total)}</td>
                  <td>{fmtInt(r.sent)}</td>
                  <td>{fmtInt(r.pending)}</td>
                  <td>{fmtInt(r.failed)}</td>
                  <td>{fmtInt(r.answeredAfter)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
