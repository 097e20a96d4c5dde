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

interface Cache {
  campaign: { at: number; row: CampaignRow } | null;
  /** The lookup in flight: requests arriving while the entry is refreshed wait for it instead of each querying. */
  campaignLookup: Promise<CampaignRow | undefined> | null;
  forms: Map<string, { at: number; form: StoredForm | undefined }>;
}
/** Keyed by the db handle, so apps (tests) on different databases never share entries. */
const caches = new WeakMap<object, Cache>();

function cacheOf(db: DbOrTx): Cache {
  let c = caches.get(db);
  if (!c) {
    c = { campaign: null, campaignLookup: null, forms: new Map() };
    caches.set(db, c);
  }
  return c;
}

export async function openSipasCampaign(db: DbOrTx): Promise<CampaignRow> {
  const now = Date.now();
  const cache = cacheOf(db);
  const hit = cache.campaign;
  if (hit && now - hit.at < CAMPAIGN_TTL_MS && hit.row.closesAt.getTime() > now) return hit.row;
  let lookup = cache.campaignLookup;
  if (!lookup) {
    lookup = findOpenCampaign(db, 'sipas');
    cache.campaignLookup = lookup;
    const settled = () => {
      if (cache.campaignLookup === lookup) cache.campaignLookup = null;
    };
    lookup.then((row) => {
      // Kept only if no reset happened meanwhile (resetTargetCache drops the whole entry).
      if (caches.get(db) === cache) cache.campaign = row ? { at: now, row } : null;
      settled();
    }, settled);
  }
  const row = await lookup;
  if (!row) throw new AppError('NO_OPEN_CAMPAIGN');
  return row;
}

/** Forgets cached entries (after an admin closes or opens a campaign in this process). */
export function resetTargetCache(db: DbOrTx): void {
  caches.delete(db);
}

export async function latestForm(db: DbOrTx, code: string): Promise<StoredForm> {
  const now = Date.now();
  const forms = cacheOf(db).forms;
  const hit = forms.get(code);
  const form = hit && now - hit.at < FORM_TTL_MS ? hit.form : await findStoredForm(db, code);
  if (!hit || now - hit.at >= FORM_TTL_MS) forms.set(code, { at: now, form });
  if (!form) throw new AppError('FORM_UNKNOWN', { field: 'formCode' });
  return form;
}
