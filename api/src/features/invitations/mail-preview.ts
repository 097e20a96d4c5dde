/**
 * What a send will do before it is done (issue 17 item 2): the exact mail with the personal link as a
 * placeholder, how many people it reaches and who is left out. Also the PUBLIC_URL rule: with SMTP
 * and no PUBLIC_URL every link would point at the server's own address, so sending is refused; with
 * the outbox folder it goes ahead with the same warning.
 */
import type { MailPreview } from '@hailong/contracts';
import type { Db } from '@hailong/db';
import { renderStaffMail } from '@hailong/runtime';
import { AppError, errorCatalogue } from '../../errors.ts';
import { getCampaign } from '../campaigns/service.ts';
import { audience } from './audience-repo.ts';

export interface MailConfig {
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  publicUrlSet: boolean;
  reminderMinGapHours: number;
  retentionDays: number;
}

type Warning = { vi: string; en: string };

/** Refuses an SMTP send without PUBLIC_URL; returns the warning to show in outbox mode. */
export function publicUrlWarning(c: MailConfig): { blocked: boolean; warning: Warning | null } {
  if (c.publicUrlSet) return { blocked: false, warning: null };
  const e = errorCatalogue.PUBLIC_URL_REQUIRED;
  if (c.smtpUrl) return { blocked: true, warning: { vi: e.vi, en: e.en } };
  return {
    blocked: false,
    warning: {
      vi: `Chưa đặt PUBLIC_URL: đường dẫn trong thư trỏ tới ${c.publicUrl}, chỉ mở được trên chính máy chủ. Thư được ghi vào thư mục outbox (chưa đặt SMTP_URL). Hãy đặt PUBLIC_URL trước khi gửi thật.`,
      en: `PUBLIC_URL is not set: links in the mail point at ${c.publicUrl}, which opens only on the server itself. Mail goes to the outbox folder (SMTP_URL is not set). Set PUBLIC_URL before real sending.`,
    },
  };
}

export function assertCanSend(c: MailConfig): Warning | undefined {
  const { blocked, warning } = publicUrlWarning(c);
  if (blocked) throw new AppError('PUBLIC_URL_REQUIRED', { set: 'PUBLIC_URL' });
  return warning ?? undefined;
}

export const gapStartOf = (c: MailConfig, now = new Date()) => new Date(now.getTime() - c.reminderMinGapHours * 3600_000);

export async function mailPreview(
  db: Db,
  c: MailConfig,
  campaignId: string,
  kind: 'invitation' | 'reminder',
): Promise<MailPreview> {
  const campaign = await getCampaign(db, campaignId);
  if (campaign.kind !== 'staff') throw new AppError('CAMPAIGN_NOT_STAFF');
  const link = `${c.publicUrl}/s/‹đường-dẫn-riêng-của-người-nhận›`;
  const mail = renderStaffMail({
    kind,
    round: 1,
    fullName: '‹Họ và tên người nhận›',
    unitName: '‹Đơn vị của người nhận›',
    campaignName: campaign.name,
    year: campaign.year,
    closesAt: campaign.closesAt,
    link,
    optOutLink: `${link}/opt-out`,
    retentionDays: c.retentionDays,
  });
  const reach = await audience(db, campaignId, kind, gapStartOf(c));
  const { blocked, warning } = publicUrlWarning(c);
  return {
    kind,
    from: c.mailFrom,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    ...reach,
    minGapHours: c.reminderMinGapHours,
    blocked,
    warning,
  };
}
