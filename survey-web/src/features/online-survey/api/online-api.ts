/**
 * Online form ↔ API. The server sends the form info inside the page (docs/0028), so the form shows
 * without asking the API first; a page without it (an unknown unit, the dev server) asks. The info
 * is kept in localStorage so the page still shows the form after a reload with no network (the
 * service worker serves the page, never API answers); the sender throws what the API answered and
 * the outbox decides retry or park, as for the kiosk.
 */
import type { OnlineFormInfo, OnlineResponseInput } from '@hailong/contracts';
import { api, NetworkError } from '@/lib/api-client';
import { pageData } from '@/lib/page-data';

/** One queued response: the API body plus the unit it is for. */
export interface OnlineItem extends OnlineResponseInput {
  unitCode: string;
}

const infoKey = (unitCode: string) => `hl-online-form-${unitCode}`;

/** The form info the page came with, if it is this unit's (a page kept offline may be another unit's). */
export function formInfoInPage(unitCode: string): OnlineFormInfo | null {
  const info = pageData<OnlineFormInfo>();
  return info?.unitCode === unitCode ? info : null;
}

/** Keeps the info for a reload with no network. */
export function keepFormInfo(info: OnlineFormInfo): void {
  localStorage.setItem(infoKey(info.unitCode), JSON.stringify(info));
}

export async function loadFormInfo(unitCode: string): Promise<OnlineFormInfo> {
  try {
    const info = await api<OnlineFormInfo>(`/api/v1/o/${encodeURIComponent(unitCode)}`);
    keepFormInfo(info);
    return info;
  } catch (err) {
    const cached = err instanceof NetworkError ? localStorage.getItem(infoKey(unitCode)) : null;
    if (cached) return JSON.parse(cached) as OnlineFormInfo;
    throw err;
  }
}

/** Sends one queued response; throws what the API answered (the outbox decides retry or park). */
export async function sendOnlineItem(item: OnlineItem): Promise<void> {
  const { unitCode, ...body } = item;
  await api(`/api/v1/o/${encodeURIComponent(unitCode)}/responses`, { body, timeoutMs: 10_000 });
}
