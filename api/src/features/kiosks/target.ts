/**
 * Where a citizen response goes: the open SIPAS campaign and the latest stored version of its form.
 * Both are read on every kiosk/online submission, so they are cached for a few seconds per process
 * (a campaign closed by an admin stops taking kiosk responses within CAMPAIGN_TTL_MS), and looked up
 * again in the background while still served (lib/refresh-ahead.ts), so no request waits for it.
 */
import type { DbOrTx } from '@hailong/db';
import { AppError } from '../../errors.ts';
import { findOpenCampaign, type CampaignRow } from '../campaigns/repo.ts';
import { findStoredForm, type StoredForm } from '../forms/repo.ts';
import { RefreshAhead } from '../../lib/refresh-ahead.ts';

const CAMPAIGN_TTL_MS = 2_000;
const FORM_TTL_MS = 60_000;

interface Cache {
  campaign: RefreshAhead<CampaignRow | undefined>;
  forms: Map<string, RefreshAhead<StoredForm | undefined>>;
}
/** Keyed by the db handle, so apps (tests) on different databases never share entries. */
const caches = new WeakMap<object, Cache>();

function cacheOf(db: DbOrTx): Cache {
  let c = caches.get(db);
  if (!c) {
    // A campaign found closed or none found is not kept: the next request looks again.
    const open = (row: CampaignRow | undefined, now: number) => row !== undefined && row.closesAt.getTime() > now;
    c = { campaign: new RefreshAhead(CAMPAIGN_TTL_MS, () => findOpenCampaign(db, 'sipas'), open), forms: new Map() };
    caches.set(db, c);
  }
  return c;
}

export async function openSipasCampaign(db: DbOrTx): Promise<CampaignRow> {
  const row = await cacheOf(db).campaign.get(Date.now());
  if (!row) throw new AppError('NO_OPEN_CAMPAIGN');
  return row;
}

/** Forgets cached entries (after an admin closes or opens a campaign in this process). */
export function resetTargetCache(db: DbOrTx): void {
  caches.delete(db);
}

export async function latestForm(db: DbOrTx, code: string): Promise<StoredForm> {
  const forms = cacheOf(db).forms;
  let slot = forms.get(code);
  if (!slot) {
    slot = new RefreshAhead(FORM_TTL_MS, () => findStoredForm(db, code));
    forms.set(code, slot);
  }
  const form = await slot.get(Date.now());
  if (!form) throw new AppError('FORM_UNKNOWN', { field: 'formCode' });
  return form;
}
