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
];

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
