/** The paired device (token, unit, form) kept in localStorage so a reload or restart keeps it. */
import type { KioskPaired } from '@hailong/contracts';

const KEY = 'hl-kiosk-device';

export function loadDevice(): KioskPaired | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as KioskPaired) : null;
  } catch {
    return null;
  }
}

export function saveDevice(d: KioskPaired): void {
  localStorage.setItem(KEY, JSON.stringify(d));
}

export function forgetDevice(): void {
  localStorage.removeItem(KEY);
}
