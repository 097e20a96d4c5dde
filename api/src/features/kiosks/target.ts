/**
 * Where a citizen response goes: the open SIPAS campaign and the latest stored version of its form.
 * Both are read on every kiosk/online submission, so they are cached for a few seconds per process
 * (a campaign closed by an admin stops taking kiosk responses within CAMPAIGN_TTL_MS).
 */
import type { DbOrTx } from '@hailong/db';
import { AppError } from '../../errors.ts';
import { findOpenCampaign, type CampaignRow } from '../campaigns/repo.ts';
import { findStoredForm, type StoredForm } from '../forms/repo.ts';

const CAMPAIGN_TTL_MS = 2_000;
const FORM_TTL_MS = 60_000;

let campaignCache: { at: number; row: CampaignRow | undefined } | null = null;
const formCache = new Map<string, { at: number; form: StoredForm | undefined }>();

export async function openSipasCampaign(db: DbOrTx): Promise<CampaignRow> {
  const now = Date.now();
  const cached = campaignCache && now - campaignCache.at < CAMPAIGN_TTL_MS ? campaignCache.row : undefined;
  const fresh = cached && cached.closesAt.getTime() > now && !cached.closedAt ? cached : undefined;
  const row = fresh ?? (await findOpenCampaign(db, 'sipas'));
  campaignCache = row ? { at: fresh ? (campaignCache?.at ?? now) : now, row } : null;
  if (!row) throw new AppError('NO_OPEN_CAMPAIGN');
  return row;
}

/** Forgets the cached campaign (tests that create/close campaigns in sequence). */
export function resetTargetCache(): void {
  campaignCache = null;
  formCache.clear();
}

export async function latestForm(db: DbOrTx, code: string): Promise<StoredForm> {
  const now = Date.now();
  const hit = formCache.get(code);
  const form = hit && now - hit.at < FORM_TTL_MS ? hit.form : await findStoredForm(db, code);
  if (!hit || now - hit.at >= FORM_TTL_MS) formCache.set(code, { at: now, form });
  if (!form) throw new AppError('FORM_UNKNOWN', { field: 'formCode' });
  return form;
}
