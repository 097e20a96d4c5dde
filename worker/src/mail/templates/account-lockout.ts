/** Mail to the owner of an account that was locked after repeated failed logins. */
import type { RenderedMail } from '@hailong/runtime';

const VN_TIME = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });

export function renderLockoutMail(d: { fullName: string; lockedUntil: Date; failedLogins: number }): RenderedMail {
  const until = VN_TIME.format(d.lockedUntil);
  const subject = 'Tài khoản khảo sát CCHC tạm khóa do đăng nhập sai nhiều lần / Account locked after failed logins';
  const lines = [
    `Kính gửi ${d.fullName},`,
    '',
    `Tài khoản của anh/chị vừa bị nhập sai mật khẩu ${d.failedLogins} lần liên tiếp nên đã được tạm khóa đến ${until} (giờ Việt Nam).`,
    'Trong thời gian khóa, không mật khẩu nào được chấp nhận, kể cả mật khẩu đúng.',
    'Nếu không phải anh/chị đăng nhập, có thể ai đó đang dò mật khẩu: hãy báo quản trị viên Sở Nội vụ để mở khóa và đổi mật khẩu.',
    '',
    `Your account had ${d.failedLogins} failed logins in a row and is locked until ${until} (Vietnam time). No password, not even the right one, is accepted meanwhile. If this was not you, tell the administrator.`,
    '',
    'Sở Nội vụ',
  ];
  const text = lines.join('\n');
  const esc = (s: string) =>
    s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
  const html = `<!doctype html><html lang="vi"><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5">${lines
    .filter((l) => l !== '')
    .map((l) => `<p>${esc(l)}</p>`)
    .join('')}</body></html>`;
  return { subject, text, html };
}
