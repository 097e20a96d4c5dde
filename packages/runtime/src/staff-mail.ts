/**
 * The staff-survey invitation and reminder mails, Vietnamese first with a short English line.
 * Plain text and HTML carry the same content; everything interpolated into HTML is escaped. Each
 * mail ends with the respondent's opt-out link (/s/<token>/opt-out: a confirmation page, so a mail
 * scanner that follows links does not opt anyone out), also given as the List-Unsubscribe header.
 */
export interface StaffMailInput {
  kind: 'invitation' | 'reminder';
  round: number;
  fullName: string;
  unitName: string;
  campaignName: string;
  year: number;
  closesAt: Date;
  link: string;
  /** The respondent's opt-out page (`<link>/opt-out`). */
  optOutLink: string;
  /** Personal data is kept until closesAt + retentionDays (RETENTION_DAYS), then deleted. */
  retentionDays: number;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** For the List-Unsubscribe header. */
  listUnsubscribe?: string;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

// Built once: constructing an Intl.DateTimeFormat costs more than rendering the rest of a mail.
const vnDateFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** dd/mm/yyyy in Vietnam time. */
export function vnDate(d: Date): string {
  return vnDateFormat.format(d);
}

/**
 * Why the data is processed, by whom and until when (Decree 13/2023/NĐ-CP on personal data
 * protection): name, email and unit only to send the mails and count responses; answers stored
 * without any link to the person; deleted `retentionDays` after the close.
 */
export function privacyNotice(closesAt: Date, retentionDays: number): { vi: string; en: string } {
  const until = vnDate(new Date(closesAt.getTime() + retentionDays * 86_400_000));
  return {
    vi: `Về dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP): Sở Nội vụ là bên xử lý họ tên, email và đơn vị của anh/chị, chỉ để gửi thư mời, thư nhắc và tính tỷ lệ trả lời của đợt khảo sát này. Câu trả lời được lưu ẩn danh, không gắn với anh/chị. Dữ liệu cá nhân được lưu đến ngày ${until} rồi xóa.`,
    en: `Personal data: the Department of Home Affairs processes your name, email and unit only to send these mails and count responses; answers are stored anonymously. Your personal data is kept until ${until}, then deleted.`,
  };
}

export function renderStaffMail(m: StaffMailInput): RenderedMail {
  const deadline = vnDate(m.closesAt);
  const privacy = privacyNotice(m.closesAt, m.retentionDays);
  const reminder = m.kind === 'reminder';
  const subject = reminder
    ? `Nhắc lại: mời anh/chị trả lời phiếu khảo sát CCHC năm ${m.year} (hạn ${deadline})`
    : `Mời anh/chị tham gia khảo sát về cải cách hành chính năm ${m.year}`;
  const intro = reminder
    ? `Sở Nội vụ chưa nhận được phiếu khảo sát của anh/chị trong đợt "${m.campaignName}".`
    : `Sở Nội vụ trân trọng mời anh/chị tham gia đợt khảo sát "${m.campaignName}" phục vụ xác định Chỉ số cải cách hành chính năm ${m.year}.`;
  const lines = [
    `Kính gửi ${m.fullName},`,
    '',
    intro,
    `Đơn vị: ${m.unitName}`,
    `Hạn trả lời: ${deadline}`,
    '',
    'Phiếu khảo sát dành riêng cho anh/chị, vui lòng không chuyển tiếp thư này. Mở đường dẫn sau để trả lời (có thể lưu và tiếp tục sau):',
    m.link,
    '',
    'Trân trọng cảm ơn.',
    'Sở Nội vụ',
    '',
    `(English) You are invited to the ${m.year} administrative reform staff survey. Deadline ${deadline}. Your personal link: ${m.link}`,
    '',
    privacy.vi,
    `(English) ${privacy.en}`,
    '',
    `Không muốn nhận thêm thư mời và thư nhắc của đợt khảo sát này? Từ chối nhận thư: ${m.optOutLink}`,
    `(English) To stop invitation and reminder mails for this survey: ${m.optOutLink}`,
  ];
  const href = escapeHtml(m.link);
  const optOut = escapeHtml(m.optOutLink);
  const html = `<!doctype html><html lang="vi"><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5">
<p>Kính gửi ${escapeHtml(m.fullName)},</p>
<p>${escapeHtml(intro)}</p>
<p>Đơn vị: <strong>${escapeHtml(m.unitName)}</strong><br>Hạn trả lời: <strong>${escapeHtml(deadline)}</strong></p>
<p><a href="${href}" style="display:inline-block;padding:12px 20px;background:#0b4f8a;color:#fff;text-decoration:none;border-radius:8px">Trả lời phiếu khảo sát</a></p>
<p>Hoặc mở đường dẫn: <a href="${href}">${href}</a></p>
<p>Phiếu khảo sát dành riêng cho anh/chị, vui lòng không chuyển tiếp thư này.</p>
<p>Trân trọng cảm ơn.<br>Sở Nội vụ</p>
<p style="color:#555;font-size:13px">You are invited to the ${m.year} administrative reform staff survey. Deadline ${escapeHtml(deadline)}.</p>
<p style="color:#555;font-size:13px">${escapeHtml(privacy.vi)}<br>${escapeHtml(privacy.en)}</p>
<p style="color:#555;font-size:13px">Không muốn nhận thêm thư của đợt khảo sát này? <a href="${optOut}">Từ chối nhận thư</a> · <a href="${optOut}">Stop these mails</a></p>
</body></html>`;
  return { subject, text: lines.join('\n'), html, listUnsubscribe: m.optOutLink };
}
