/**
 * Mail you can trust: "Gửi thư mời" and "Nhắc ngay" first show the exact mail (sender, subject,
 * body with the link placeholder) and how many people will receive it, and who is skipped and why;
 * only "Xác nhận gửi" sends. The result appears next to the buttons and takes the focus.
 * Below, every round with when it went out and what it reached.
 */
import type { Campaign, MailPreview, SendResult } from '@hailong/contracts';
import { useCallback, useRef, useState } from 'react';
import { errorMessage, fmtInt, useT } from '@/lib/i18n';
import { mailPreview, remindNow, sendInvitations } from '../api/admin-api';
import { MailRoundsTable } from './mail-rounds';
import { skipReasonText } from './skip-reasons';

type Kind = 'invitation' | 'reminder';

export function MailPanel({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const [preview, setPreview] = useState<MailPreview | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [roundsKey, setRoundsKey] = useState(0);
  const resultRef = useRef<HTMLParagraphElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const show = useCallback((r: { ok: boolean; text: string }) => {
    setResult(r);
    requestAnimationFrame(() => resultRef.current?.focus());
  }, []);

  const open = async (kind: Kind) => {
    setResult(null);
    try {
      setPreview(await mailPreview(campaign.id, kind));
      requestAnimationFrame(() => previewRef.current?.focus());
    } catch (err) {
      show({ ok: false, text: errorMessage(err) });
    }
  };
  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const r: SendResult = preview.kind === 'invitation' ? await sendInvitations(campaign.id) : await remindNow(campaign.id);
      const skipped = (r.skipped ?? []).reduce((s, x) => s + x.count, 0);
      show({
        ok: true,
        text:
          preview.kind === 'invitation'
            ? t(`Đã xếp hàng gửi ${fmtInt(r.queued)} thư mời.`, `${fmtInt(r.queued)} invitations queued.`)
            : t(
                `Đã xếp hàng gửi ${fmtInt(r.queued)} thư nhắc; bỏ qua ${fmtInt(skipped)} người.`,
                `${fmtInt(r.queued)} reminders queued; ${fmtInt(skipped)} people skipped.`,
              ),
      });
      setPreview(null);
      setRoundsKey((k) => k + 1);
    } catch (err) {
      show({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-card" aria-labelledby="mail-title">
      <h2 id="mail-title">{t('Gửi thư', 'Mail')}</h2>
      <div className="admin-actions">
        <button type="button" className="admin-primary" onClick={() => void open('invitation')}>
          {t('Gửi thư mời', 'Send invitations')}
        </button>
        <button type="button" onClick={() => void open('reminder')}>
          {t('Nhắc ngay', 'Remind now')}
        </button>
      </div>
      {result ? (
        <p
          ref={resultRef}
          tabIndex={-1}
          role={result.ok ? 'status' : 'alert'}
          className={result.ok ? 'admin-message' : 'admin-error'}
        >
          {result.text}
        </p>
      ) : null}
      {preview ? (
        <div ref={previewRef} tabIndex={-1} className="mail-preview" role="group" aria-labelledby="mail-preview-title">
          <h3 id="mail-preview-title">
            {preview.kind === 'invitation'
              ? t('Xem trước thư mời', 'Invitation preview')
              : t('Xem trước thư nhắc', 'Reminder preview')}
          </h3>
          {preview.warning ? (
            <p role="alert" className="admin-warning">
              {t(preview.warning.vi, preview.warning.en)}
            </p>
          ) : null}
          <dl className="mail-head">
            <dt>{t('Người gửi', 'From')}</dt>
            <dd>{preview.from}</dd>
            <dt>{t('Tiêu đề', 'Subject')}</dt>
            <dd>{preview.subject}</dd>
          </dl>
          <pre className="mail-body">{preview.text}</pre>
          <p>
            <strong data-testid="mail-recipients">
              {t(
                `Thư này sẽ được gửi tới ${fmtInt(preview.recipients)} người.`,
                `This mail will go to ${fmtInt(preview.recipients)} people.`,
              )}
            </strong>
          </p>
          {preview.skipped.length > 0 ? (
            <div>
              <p>{t('Không gửi cho:', 'Not sent to:')}</p>
              <ul>
                {preview.skipped.map((s) => (
                  <li key={s.reason}>
                    {fmtInt(s.count)} · {skipReasonText(s.reason, preview.minGapHours)}
                    {s.people.length > 0
                      ? `: ${s.people.map((p) => p.fullName).join(', ')}${s.count > s.people.length ? '…' : ''}`
                      : ''}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="admin-actions">
            <button
              type="button"
              className="admin-primary"
              disabled={busy || preview.recipients === 0 || preview.blocked}
              onClick={() => void confirm()}
            >
              {t(`Xác nhận gửi tới ${fmtInt(preview.recipients)} người`, `Confirm: send to ${fmtInt(preview.recipients)} people`)}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {t('Hủy', 'Cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <MailRoundsTable key={roundsKey} campaignId={campaign.id} />
    </section>
  );
}
