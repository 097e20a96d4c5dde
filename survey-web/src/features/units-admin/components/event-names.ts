import { tr } from '@/lib/i18n';

const EVENT_NAMES: Record<string, [vi: string, en: string]> = {
  rename: ['đổi tên', 'renamed'],
  merge: ['hợp nhất', 'merged'],
  split: ['chia tách', 'split'],
  transfer: ['chuyển', 'transferred'],
  dissolve: ['giải thể', 'dissolved'],
};

/** A reorganisation event in words, in the page's language. */
export const eventName = (event: string) => {
  const n = EVENT_NAMES[event];
  return n ? tr(...n) : event;
};
