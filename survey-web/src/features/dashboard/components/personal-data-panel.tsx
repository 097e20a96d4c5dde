/**
 * What the retention purge will remove from this campaign and when (issue 14 item 3, docs/0017):
 * counts of names/emails, phones, mail errors and notes, and the day it runs; or that it ran.
 */
import type { Campaign, RetentionPreview } from '@hailong/contracts';
import { useEffect, useState } from 'react';
import { errorMessage, fmtDate, fmtDateTime, fmtInt, useT } from '@/lib/i18n';
import { personalData } from '../api/admin-api';

const ROWS: [keyof RetentionPreview['willRemove'], string, string][] = [
  ['respondents', 'Họ tên và email người được mời', 'Names and emails of respondents'],
  ['phones', 'Số điện thoại', 'Phone numbers'],
  ['bounceReasons', 'Lý do thư bị trả lại (có ghi địa chỉ)', 'Bounce reasons (they quote addresses)'],
  ['mailErrors', 'Lỗi gửi thư (có ghi địa chỉ)', 'Mail errors (they quote addresses)'],
  ['interviewNotes', 'Ghi chú phỏng vấn trên phiếu', 'Interview notes on responses'],
  ['backCheckNotes', 'Ghi chú phúc tra', 'Back-check notes'],
];

export function PersonalDataPanel({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const [p, setP] = useState<RetentionPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    personalData(campaign.id).then(setP, (e: unknown) => setError(errorMessage(e)));
  }, [campaign.id, campaign.status, campaign.closesAt]);
  return (
    <section className="admin-card" aria-labelledby="personal-data-title">
      <h2 id="personal-data-title">{t('Dữ liệu cá nhân và thời hạn lưu', 'Personal data and retention')}</h2>
      {error ? (
        <p role="alert" className="admin-error">
          {error}
        </p>
      ) : null}
      {p?.purgedAt ? (
        <p role="status" data-testid="personal-data-state">
          {t(
            `Dữ liệu cá nhân của đợt này đã được xóa ngày ${fmtDateTime(p.purgedAt)}. Số liệu, tỷ lệ trả lời và câu trả lời ẩn danh vẫn giữ nguyên.`,
            `This campaign’s personal data was deleted on ${fmtDateTime(p.purgedAt)}. Counts, response rates and anonymous answers remain.`,
          )}
        </p>
      ) : p ? (
        <>
          <p data-testid="personal-data-state">
            {t(
              `Sẽ xóa ngày ${fmtDate(p.dueAt)} (${p.retentionDays} ngày sau khi đợt kết thúc). Số liệu, tỷ lệ trả lời và câu trả lời ẩn danh được giữ lại.`,
              `To be deleted on ${fmtDate(p.dueAt)} (${p.retentionDays} days after the campaign ends). Counts, response rates and anonymous answers are kept.`,
            )}
          </p>
          <table className="admin-table">
            <caption>{t('Những gì sẽ bị xóa', 'What will be removed')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Loại dữ liệu', 'Data')}</th>
                <th scope="col">{t('Số bản ghi', 'Records')}</th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map(([key, vi, en]) => (
                <tr key={key}>
                  <th scope="row">{t(vi, en)}</th>
                  <td data-testid={`remove-${key}`}>{fmtInt(p.willRemove[key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
