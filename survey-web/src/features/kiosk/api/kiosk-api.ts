/** Kiosk ↔ API: pairing, the outbox sender, the heartbeat and the form the heartbeat names. */
import type {
  KioskFormReply,
  KioskHeartbeatInput,
  KioskHeartbeatReply,
  KioskPaired,
  KioskResponseInput,
} from '@hailong/contracts';
import { api, ApiError } from '@/lib/api-client';

/** The app version a tablet reports: the product version and the web release it runs. */
export const KIOSK_APP_VERSION = `1.0.0+${__HL_RELEASE__}`;

export function pairKiosk(pairingCode: string): Promise<KioskPaired> {
  return api<KioskPaired>('/api/v1/kiosk/pair', { body: { pairingCode } });
}

export type KioskItem = KioskResponseInput;

/**
 * Sends one queued session; throws what the API answered (the outbox decides retry or park from the
 * error catalogue). A 401 also tells the page the tablet was revoked.
 */
export async function sendKioskItem(
  token: string,
  item: KioskItem,
  pendingCount: number,
  onUnauthorized: () => void,
): Promise<void> {
  try {
    await api('/api/v1/kiosk/responses', {
      body: { ...item, appVersion: KIOSK_APP_VERSION, pendingCount },
      headers: { authorization: `Bearer ${token}` },
      timeoutMs: 10_000,
    });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) onUnauthorized();
    throw err;
  }
}

/** One heartbeat; the answer carries the server clock, the open campaign and the admin's decisions. */
export async function sendHeartbeat(
  token: string,
  beat: KioskHeartbeatInput,
  onUnauthorized: () => void,
): Promise<KioskHeartbeatReply> {
  try {
    return await api<KioskHeartbeatReply>('/api/v1/kiosk/heartbeat', {
      body: beat,
      headers: { authorization: `Bearer ${token}` },
      timeoutMs: 10_000,
    });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) onUnauthorized();
    throw err;
  }
}

/** The form the tablet shows now (the campaign's kiosk form changed since pairing). */
export function fetchKioskForm(token: string): Promise<KioskFormReply> {
  return api<KioskFormReply>('/api/v1/kiosk/form', { headers: { authorization: `Bearer ${token}` }, timeoutMs: 15_000 });
}
