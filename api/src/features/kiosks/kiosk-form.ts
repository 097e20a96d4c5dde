/**
 * The form a tablet shows: the quick form in quick mode, otherwise the open SIPAS campaign's kiosk
 * form (the default 01/2021-TT without one). Handed over at pairing and, after an admin changes the
 * campaign's kiosk form, named in each heartbeat answer so the tablet fetches it (docs/0022).
 */
import { FORM_CODES } from '@hailong/forms';
import type { DbOrTx } from '@hailong/db';
import { channelFormCodes } from '../campaigns/channel-forms.ts';
import { findOpenCampaign, type CampaignRow } from '../campaigns/repo.ts';
import { findStoredForm, type StoredForm } from '../forms/repo.ts';
import type { KioskRow } from './repo.ts';

export function kioskFormCodeOf(campaign: CampaignRow | undefined, mode: KioskRow['mode']): string {
  if (mode !== 'full') return FORM_CODES.quick;
  return channelFormCodes(campaign, 'kiosk')[0] ?? FORM_CODES.counter;
}

export async function kioskFormCode(db: DbOrTx, mode: KioskRow['mode']): Promise<string> {
  return mode === 'full' ? kioskFormCodeOf(await findOpenCampaign(db, 'sipas'), mode) : FORM_CODES.quick;
}

/** The latest stored version of the form a tablet in this mode shows now. */
export async function currentKioskForm(db: DbOrTx, mode: KioskRow['mode']): Promise<StoredForm> {
  const form = await findStoredForm(db, await kioskFormCode(db, mode));
  if (!form) throw new Error('kiosk form missing');
  return form;
}
