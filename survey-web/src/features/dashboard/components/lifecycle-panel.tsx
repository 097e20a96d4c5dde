/** Close a campaign early, or reopen it (with a new end when the old one has passed); a reason is required. */
import type { Campaign } from '@hailong/contracts';
import { useState, type FormEvent } from 'react';
import { StatusMessage, type ActionMessage } from '@/components/status-message';
import { formValue } from '@/lib/form-value';
import { errorMessage, useT } from '@/lib/i18n';
import { closeCampaign, reopenCampaign } from '../api/admin-api';
import { vnDayToIso } from './vn-date';

export function LifecyclePanel({ campaign, onChanged }: { campaign: Campaign; onChanged: (c: Campaign) => void }) {
  const t = useT();
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const closed = campaign.status === 'closed';
  const ended = new Date(campaign.closesAt) <= new Date();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const reason = formValue(f, 'reason');
    const newEnd = formValue(f, 'closesAt');
    const closesAt = newEnd ? vnDayToIso(newEnd, true) : undefined;
    if (closesAt === null)
      return setMessage({ ok: false, text: t('Ngày phải có dạng ngày/tháng/năm.', 'Dates must be day/month/year.') });
    if (!closed && !window.confirm(t(`Đóng đợt “${campaign.name}” ngay bây giờ?`, `Close “${campaign.name}” now?`))) return;
    try {
      const c = closed ? await reopenCampaign(campaign.id, reason, closesAt) : await closeCampaign(campaign.id, reason);
      form.reset();
      onChanged(c);
      setMessage({
        ok: true,
        text: closed
          ? t('Đã mở lại đợt khảo sát. Lý do đã được ghi vào nhật ký.', 'Campaign reopened. The reason is in the audit log.')
          : t('Đã đóng đợt khảo sát. Lý do đã được ghi vào nhật ký.', 'Campaign closed. The reason is in the audit log.'),
      });
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  };

  return (
    <section className="admin-card" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">
        {closed ? t('Mở lại đợt khảo sát', 'Reopen the campaign') : t('Đóng sớm đợt khảo sát', 'Close the campaign early')}
      </h2>
      <form className="admin-form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('Lý do (ghi vào nhật ký)', 'Reason (kept in the audit log)')}
          <input name="reason" required minLength={3} maxLength={500} />
        </label>
        {closed ? (
          <label>
            {ended
              ? t('Ngày kết thúc mới (bắt buộc, ngày/tháng/năm)', 'New end date (required, day/month/year)')
              : t('Ngày kết thúc mới (không bắt buộc)', 'New end date (optional)')}
            <input name="closesAt" required={ended} placeholder="30/11/2021" inputMode="numeric" />
          </label>
        ) : null}
        <button type="submit">{closed ? t('Mở lại', 'Reopen') : t('Đóng đợt ngay', 'Close now')}</button>
      </form>
      <StatusMessage message={message} />
    </section>
  );
}
