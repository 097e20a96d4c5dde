/** The focal point's digest: the unit's response rate and the colleagues who have not answered. */
import { vnDate, type RenderedMail } from '@hailong/runtime';

export interface DigestInput {
  unitName: string;
  campaignName: string;
  year: number;
  closesAt: Date;
  invited: number;
  completed: number;
  waiting: { fullName: string; email: string }[];
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function renderUnitDigest(d: DigestInput): RenderedMail {
  const rate = d.invited === 0 ? 0 : Math.round((10000 * d.completed) / d.invited) / 100;
  const deadline = vnDate(d.closesAt);
  const subject = `${d.unitName}: tỷ lệ trả lời khảo sát CCHC ${rate.toFixed(2)}% — còn ${d.waiting.length} người chưa trả lời`;
  const intro = `Đợt khảo sát "${d.campaignName}" (năm ${d.year}) kết thúc ngày ${deadline}. Đơn vị ${d.unitName} đã có ${d.completed}/${d.invited} người trả lời (${rate.toFixed(2)}%).`;
  const text = [
    'Kính gửi đầu mối CCHC của đơn vị,',
    '',
    intro,
    'Đề nghị đôn đốc các đồng chí sau hoàn thành phiếu (mỗi người đã nhận đường dẫn riêng qua email):',
    ...d.waiting.map((p, i) => `${i + 1}. ${p.fullName} <${p.email}>`),
    '',
    'Trân trọng.',
    'Sở Nội vụ',
  ].join('\n');
  const html = `<!doctype html><html lang="vi"><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5">
<p>Kính gửi đầu mối CCHC của đơn vị,</p><p>${escapeHtml(intro)}</p>
<p>Đề nghị đôn đốc các đồng chí sau hoàn thành phiếu (mỗi người đã nhận đường dẫn riêng qua email):</p>
<ol>${d.waiting.map((p) => `<li>${escapeHtml(p.fullName)} &lt;${escapeHtml(p.email)}&gt;</li>`).join('')}</ol>
<p>Trân trọng.<br>Sở Nội vụ</p></body></html>`;
  return { subject, text, html };
}
