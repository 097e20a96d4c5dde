/**
 * Stuffing of the online form 02 (issue 11; docs/0009-abuse-limits.md). Anyone with the link may
 * answer, so a burst of forms (one script, or many addresses at once) must not move a unit's SIPAS.
 * Like a kiosk's limits, nothing is refused: beyond a rate the response is stored `suspect` with a
 * flag and a reason, left out of results until a reviewer accepts it on the results page.
 *
 *   address_rate  more than ONLINE_ADDRESS_MAX_PER_HOUR responses from one address (any unit)
 *   unit_rate     more than ONLINE_UNIT_MAX_PER_HOUR responses for one unit (any address)
 *
 * The response that crosses a limit also flags the others of the same address (or unit) in that
 * hour that were never flagged, so the whole burst leaves the results, not only its tail. The
 * address is never stored: `source_id` of an online response is an HMAC of it (installation secret,
 * scoped to the campaign), enough to recognise a burst and useless to look an address up. The
 * counts, the flags and the insert are one database call per batch of forms, `online_submit_batch`
 * (migration 0036), under transaction-scoped advisory locks on the units and addresses of the batch,
 * so concurrent submissions are counted one after the other; inside one API process the forms queue
 * in memory for the next batch (one in flight, submissions/batcher.ts), so a burst waits in line
 * instead of holding the whole pool on the locks.
 */
import { keyedHash } from '../../lib/tokens.ts';

/** The caller's address as `responses.source_id`: a campaign-scoped HMAC in UUID form. */
export function onlineAddressKey(secret: string, campaignId: string, address: string): string {
  const h = keyedHash(secret, 'online-address', `${campaignId}:${address}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
