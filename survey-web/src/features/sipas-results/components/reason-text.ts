/**
 * System notes stored with suspect responses are machine English ("another session of this device
 * within 20 s"); people read them in their language. Unknown notes are shown as stored.
 */
import { tr } from '@/lib/i18n';

const PATTERNS: { re: RegExp; vi: (m: RegExpExecArray) => string; en: (m: RegExpExecArray) => string }[] = [
  {
    re: /^another session of this device within (\d+) s$/,
    vi: (m) => `thiết bị này có một lượt đánh giá khác trong vòng ${m[1]} giây`,
    en: (m) => `another session of this device within ${m[1]} s`,
  },
  {
    re: /^(\d+) sessions of this device in the previous hour \(cap (\d+)\)$/,
    vi: (m) => `${m[1]} lượt đánh giá của thiết bị này trong một giờ trước đó (giới hạn ${m[2]})`,
    en: (m) => `${m[1]} sessions of this device in the previous hour (cap ${m[2]})`,
  },
  {
    re: /^more than (\d+) online responses from one address in the last hour \(limit \d+\)$/,
    vi: (m) => `hơn ${m[1]} phiếu trực tuyến từ cùng một địa chỉ trong một giờ qua`,
    en: (m) => `more than ${m[1]} online responses from one address in the last hour`,
  },
  {
    re: /^more than (\d+) online responses for this unit in the last hour \(limit \d+\)$/,
    vi: (m) => `hơn ${m[1]} phiếu trực tuyến cho đơn vị này trong một giờ qua`,
    en: (m) => `more than ${m[1]} online responses for this unit in the last hour`,
  },
  // As stored before the counts stopped at the limit.
  {
    re: /^(\d+) online responses from one address in the last hour \(limit (\d+)\)$/,
    vi: (m) => `${m[1]} phiếu trực tuyến từ cùng một địa chỉ trong một giờ qua (giới hạn ${m[2]})`,
    en: (m) => `${m[1]} online responses from one address in the last hour (limit ${m[2]})`,
  },
  {
    re: /^(\d+) online responses for this unit in the last hour \(limit (\d+)\)$/,
    vi: (m) => `${m[1]} phiếu trực tuyến cho đơn vị này trong một giờ qua (giới hạn ${m[2]})`,
    en: (m) => `${m[1]} online responses for this unit in the last hour (limit ${m[2]})`,
  },
  {
    re: /^device clock: completed at (\S+), (after the server's time|before the campaign opened|after the campaign closed)$/,
    vi: (m) => `đồng hồ của máy sai: hoàn thành lúc ${m[1]}, ${CLOCK_VI[m[2] ?? ''] ?? m[2]}`,
    en: (m) => `device clock: completed at ${m[1]}, ${m[2]}`,
  },
];

const CLOCK_VI: Record<string, string> = {
  "after the server's time": 'sau giờ của máy chủ',
  'before the campaign opened': 'trước khi đợt khảo sát mở',
  'after the campaign closed': 'sau khi đợt khảo sát đóng',
};

export function reasonText(note: string): string {
  return note
    .split(/;\s*/)
    .map((part) => {
      for (const p of PATTERNS) {
        const m = p.re.exec(part.trim());
        if (m) return tr(p.vi(m), p.en(m));
      }
      return part;
    })
    .join('; ');
}
