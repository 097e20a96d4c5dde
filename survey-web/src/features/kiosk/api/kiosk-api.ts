/** Kiosk ↔ API: pairing, and the outbox sender that maps HTTP outcomes to outbox decisions. */
import type { KioskPaired, KioskResponseInput } from '@hailong/contracts';
import { api, ApiError, NetworkError } from '@/lib/api-client';
import type { SendOutcome } from '@/lib/offline-outbox';

export const KIOSK_APP_VERSION = '1.0.0';

export function pairKiosk(pairingCode: string): Promise<KioskPaired> {
  return api<KioskPaired>('/api/v1/kiosk/pair', { body: { pairingCode } });
}

export type KioskItem = KioskResponseInput;

/** Codes that will never succeed on a resend: drop the item (the server keeps nothing of it). */
const PERMANENT = new Set(['ANSWERS_INVALID', 'FORM_UNKNOWN', 'SUBMISSION_CONFLICT', 'VALIDATION_FAILED', 'RATING_CODE_INVALID']);

export async function sendKioskItem(token: string, item: KioskItem, pendingCount: number, onUnauthorized: () => void): Promise<SendOutcome> {
  try {
    await api('/api/v1/kiosk/responses', {
      body: { ...item, appVersion: KIOSK_APP_VERSION, pendingCount },
      headers: { authorization: `Bearer ${token}` },
      timeoutMs: 10_000,
    });
    return 'done';
  } catch (err) {
    if (err instanceof NetworkError) return 'retry';
    if (err instanceof ApiError) {
      if (err.status === 401) onUnauthorized();
      if (PERMANENT.has(err.code)) return 'rejected';
    }
    return 'retry'; // 401 (kept until re-paired), 409 NO_OPEN_CAMPAIGN, 429, 5xx
  }
}
