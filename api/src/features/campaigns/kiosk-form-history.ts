/**
 * The full forms a SIPAS campaign's kiosks have been handed (docs/0022): the current choice plus every
 * kiosk form its `campaign.channel_forms` audit entries name (the first entry's `before` is the default
 * 01/2021-TT). A tablet paired before a change, or sessions queued offline before it, still carry the
 * old code; they are honest answers and are accepted.
 *
 * The current form needs no query. Only another code reads the history, cached per campaign and
 * dropped by `setChannelForms`; a code missing from a cached history is re-read at most every
 * RECHECK_MS (a change saved by another process), so an unrelated code cannot make a query per request.
 */
import { schema, type DbOrTx } from '@hailong/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { channelFormCodes } from './channel-form-codes.ts';
import type { CampaignRow } from './repo.ts';

const RECHECK_MS = 2_000;

interface Entry {
  at: number;
  codes: Promise<Set<string>>;
}
/** Keyed by the db handle (apps on different databases never share entries), then by campaign id. */
const caches = new WeakMap<object, Map<string, Entry>>();

function kioskCode(side: unknown): string | null {
  if (!side || typeof side !== 'object') return null;
  const kiosk = (side as { kiosk?: unknown }).kiosk;
  return typeof kiosk === 'string' ? kiosk : null;
}

/** Every kiosk form named before or after a change of this campaign's channel forms. */
export async function readKioskFormHistory(db: DbOrTx, campaignId: string): Promise<Set<string>> {
  const { auditLog } = schema;
  const rows = await db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(
      and(eq(auditLog.action, 'campaign.channel_forms'), eq(auditLog.entity, 'campaign'), eq(auditLog.entityId, campaignId)),
    );
  const codes = new Set<string>();
  for (const { details } of rows) {
    const d = details as { before?: unknown; after?: unknown };
    for (const code of [kioskCode(d.before), kioskCode(d.after)]) if (code) codes.add(code);
  }
  return codes;
}

function lookup(db: DbOrTx, campaignId: string): Entry {
  let byCampaign = caches.get(db);
  if (!byCampaign) {
    byCampaign = new Map();
    caches.set(db, byCampaign);
  }
  const entry: Entry = { at: Date.now(), codes: readKioskFormHistory(db, campaignId) };
  byCampaign.set(campaignId, entry);
  // A failed read is not kept: the next request reads again.
  entry.codes.catch(() => {
    if (byCampaign.get(campaignId) === entry) byCampaign.delete(campaignId);
  });
  return entry;
}

/** Refuses a full form the campaign's kiosks were never offered (400 FORM_NOT_OFFERED). */
export async function requireKioskOffered(db: DbOrTx, campaign: CampaignRow, code: string): Promise<void> {
  if (channelFormCodes(campaign, 'kiosk').includes(code)) return;
  const hit = caches.get(db)?.get(campaign.id);
  if (hit && (await hit.codes).has(code)) return;
  if (!hit || Date.now() - hit.at >= RECHECK_MS) {
    if ((await lookup(db, campaign.id).codes).has(code)) return;
  }
  throw new AppError('FORM_NOT_OFFERED', { field: 'formCode' });
}

/** Forgets cached histories (after a campaign's channel forms are saved in this process). */
export function resetKioskFormHistory(db: DbOrTx): void {
  caches.delete(db);
}
