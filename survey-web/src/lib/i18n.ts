/**
 * Language of the staff-facing pages: Vietnamese first, English by a switch that is remembered in
 * this browser (localStorage). Strings are written in place as pairs, `t('Đăng xuất', 'Sign out')`,
 * so a screen never shows both; numbers and dates follow the language (`16,67 %`, `1.798`, dd/mm/yyyy).
 */
import { useSyncExternalStore } from 'react';
import { ApiError, NetworkError } from './api-client';

export type Lang = 'vi' | 'en';
const KEY = 'hl-lang';
const listeners = new Set<() => void>();

function stored(): Lang {
  try {
    return window.localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

let current: Lang = typeof window === 'undefined' ? 'vi' : stored();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  try {
    window.localStorage.setItem(KEY, lang);
  } catch {
    // private mode: the switch still holds for this page
  }
  document.documentElement.lang = lang;
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The current language; components re-render when it is switched. */
export function useLang(): Lang {
  return useSyncExternalStore(subscribe, getLang, () => 'vi');
}

/** Picks the Vietnamese or English text of a pair in the current language. */
export function tr(vi: string, en: string): string {
  return current === 'en' ? en : vi;
}

/** `tr` bound to the language of this render. */
export function useT(): (vi: string, en: string) => string {
  const lang = useLang();
  return (vi, en) => (lang === 'en' ? en : vi);
}

const locale = () => (current === 'en' ? 'en-GB' : 'vi-VN');

/** `1.798` (vi) / `1,798` (en). */
export function fmtInt(n: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(n);
}

/** `16,67` (vi) / `16.67` (en), always 2 decimals unless told otherwise. */
export function fmtNum(n: number, digits = 2): string {
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** `16,67 %` (vi) / `16.67 %` (en). */
export function fmtPct(n: number, digits = 2): string {
  return `${fmtNum(n, digits)}\u00a0%`;
}

const VN = 'Asia/Ho_Chi_Minh';

/** dd/mm/yyyy in Vietnam time (both languages: the province's convention). */
export function fmtDate(iso: string | Date): string {
  return new Intl.DateTimeFormat('vi-VN', { timeZone: VN, day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(iso),
  );
}

/** dd/mm/yyyy hh:mm in Vietnam time. */
export function fmtDateTime(iso: string | Date): string {
  const d = new Date(iso);
  const time = new Intl.DateTimeFormat('vi-VN', { timeZone: VN, hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  return `${fmtDate(d)} ${time}`;
}

/** An API or network error in the current language (never both). */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return tr(err.messageVi, err.messageEn);
  if (err instanceof NetworkError) return tr('Không có kết nối mạng. Vui lòng thử lại.', 'No connection. Please try again.');
  return tr('Đã có lỗi xảy ra.', 'Something went wrong.');
}

/** A code's name from a table of [Vietnamese, English] pairs, in the current language; unknown codes give `fallback(code)`. */
export function pairName(
  table: Readonly<Record<string, readonly [string, string]>>,
  code: string,
  fallback: (code: string) => string = (c) => c,
): string {
  const pair = table[code];
  return pair ? tr(pair[0], pair[1]) : fallback(code);
}
