/**
 * Online form ↔ API. The form info is kept in localStorage so the page still shows the form after
 * a reload with no network (the service worker serves the page, never API answers); the sender
 * maps HTTP outcomes to outbox decisions like the kiosk's.
 */
import type { OnlineFormInfo, OnlineResponseInput } from '@hailong/contracts';
import { api, ApiError, NetworkError } from '@/lib/api-client';
import type { SendOutcome } from '@/lib/offline-outbox';

/** One queued response: the API body plus the unit it is for. */
export interface OnlineItem extends OnlineResponseInput {
  unitCode: string;
}

const infoKey = (unitCode: string) => `hl-online-form-${unitCode}`;

export async function loadFormInfo(unitCode: string): Promise<OnlineFormInfo> {
  try {
    const info = await api<OnlineFormInfo>(`/api/v1/o/${encodeURIComponent(unitCode)}`);
    localStorage.setItem(infoKey(unitCode), JSON.stringify(info));
    return info;
  } catch (err) {
    const cached = err instanceof NetworkError ? localStorage.getItem(infoKey(unitCode)) : null;
    if (cached) return JSON.parse(cached) as OnlineFormInfo;
    throw err;
  }
}

/** Codes that will never succeed on a resend: drop the item and tell the respondent why. */
const PERMANENT = new Set(['ANSWERS_INVALID', 'FORM_UNKNOWN', 'SUBMISSION_CONFLICT', 'VALIDATION_FAILED', 'RATING_CODE_INVALID', 'DOSSIER_ALREADY_RATED', 'UNIT_UNKNOWN']);

export interface SendResult {
  outcome: SendOutcome;
  error?: ApiError;
}

export async function sendOnlineItem(item: OnlineItem): Promise<SendResult> {
  const { unitCode, ...body } = item;
  try {
    await api(`/api/v1/o/${encodeURIComponent(unitCode)}/responses`, { body, timeoutMs: 10_000 });
    return { outcome: 'done' };
  } catch (err) {
    if (err instanceof ApiError && PERMANENT.has(err.code)) return { outcome: 'rejected', error: err };
    return { outcome: 'retry' }; // offline, timeout, 409 NO_OPEN_CAMPAIGN, 429, 5xx
  }
}
