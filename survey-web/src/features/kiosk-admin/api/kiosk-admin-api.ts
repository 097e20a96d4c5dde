/** Admin requests for counter kiosks (types from @hailong/contracts). */
import type { Kiosk, KioskCreate, KioskParkedItem, PairingCode } from '@hailong/contracts';
import { api } from '@/lib/api-client';

export interface UnitOption {
  code: string;
  name: string;
  group: string;
}

export const listKiosks = () => api<{ kiosks: Kiosk[] }>('/api/v1/kiosks');
export const listUnits = () => api<{ units: UnitOption[] }>('/api/v1/units');
export const createKiosk = (body: KioskCreate) => api<PairingCode>('/api/v1/kiosks', { body });
export const revokeKiosk = (id: string) => api<{ ok: true }>(`/api/v1/kiosks/${id}/revoke`, { method: 'POST', body: {} });
export const rePairKiosk = (id: string) => api<PairingCode>(`/api/v1/kiosks/${id}/pairing-code`, { method: 'POST', body: {} });

/** The URL a tablet opens (or scans) to pair: always on the origin the admin is using. */
export function pairUrl(code: string): string {
  return `${window.location.origin}/k?code=${encodeURIComponent(code)}`;
}

export const listParked = (id: string) => api<{ items: KioskParkedItem[] }>(`/api/v1/kiosks/${id}/parked`);
export const releaseParked = (id: string, clientIds?: string[]) =>
  api<{ count: number }>(`/api/v1/kiosks/${id}/parked/release`, { body: clientIds ? { clientIds } : {} });
export const discardParked = (id: string, clientIds: string[], reason: string) =>
  api<{ count: number }>(`/api/v1/kiosks/${id}/parked/discard`, { body: { clientIds, reason } });
