/**
 * The kiosk's outbox (scheduling and parking in `useOutbox`) and its heartbeat. Each session is sent
 * with the device token and the number still waiting behind it; a 401 means the tablet was revoked.
 * Every minute (and at start) the tablet reports its queue, parked sessions, last error and clock,
 * whether or not its submissions get through; the answer says whether a SIPAS campaign is open (the
 * start screen tells staff when none is) and what the admin decided about parked sessions. Sessions
 * parked for want of an open campaign are sent again by themselves once one covers their completion
 * time. The answer also names the form to show (`onFormNamed`; the page switches between sessions).
 */
import type { KioskHeartbeatReply } from '@hailong/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createOutbox, type ParkedItem } from '@/lib/offline-outbox';
import { useOutbox } from '@/lib/use-outbox';
import { KIOSK_APP_VERSION, sendHeartbeat, sendKioskItem, type KioskItem } from '../api/kiosk-api';

const outbox = createOutbox<KioskItem>('kiosk');

export const HEARTBEAT_MS = 60_000;
const WAITING_FOR_CAMPAIGN = new Set(['NO_OPEN_CAMPAIGN', 'CAMPAIGN_NOT_OPEN', 'CAMPAIGN_CLOSED']);

/** Whether a SIPAS campaign is open: unknown until the first heartbeat answer. */
export type CampaignKnown = 'unknown' | 'open' | 'none';

/** Parked sessions the campaign now open covers (they were parked only because none was). */
function coveredBy(parked: ParkedItem<KioskItem>[], campaign: KioskHeartbeatReply['openCampaign']): string[] {
  if (!campaign) return [];
  const from = Date.parse(campaign.opensAt);
  const to = Date.parse(campaign.closesAt);
  return parked
    .filter((p) => WAITING_FOR_CAMPAIGN.has(p.reason.code))
    .filter((p) => {
      const t = Date.parse(p.item.completedAt);
      return t >= from && t < to;
    })
    .map((p) => p.item.clientId);
}

export function useKioskOutbox(
  token: string | null,
  onUnauthorized: () => void,
  onFormNamed: (form: KioskHeartbeatReply['form']) => void = () => undefined,
) {
  const unauthorized = useRef(onUnauthorized);
  const formNamed = useRef(onFormNamed);
  useEffect(() => {
    unauthorized.current = onUnauthorized;
    formNamed.current = onFormNamed;
  }, [onUnauthorized, onFormNamed]);

  const [campaign, setCampaign] = useState<CampaignKnown>('unknown');

  const run = useCallback(
    async (force: boolean) => {
      if (!token) return null;
      let left = await outbox.count();
      const res = await outbox.flush(
        async (item) => {
          left -= 1;
          await sendKioskItem(token, item, Math.max(0, left), () => unauthorized.current());
        },
        { force },
      );
      // What the server just answered says as much as a heartbeat would.
      if (res.parked.some((p) => p.reason.code === 'NO_OPEN_CAMPAIGN')) setCampaign('none');
      else if (res.sent > 0) setCampaign('open');
      return res;
    },
    [token],
  );
  const box = useOutbox(outbox, run);
  const { add, release, discard } = box;
  const lastError = useRef(box.lastError);
  useEffect(() => {
    lastError.current = box.lastError;
  }, [box.lastError]);
  const beat = useCallback(async () => {
    if (!token) return;
    const [parked, queueLength] = await Promise.all([outbox.parked(), outbox.count()]);
    const err = lastError.current;
    let reply: KioskHeartbeatReply;
    try {
      reply = await sendHeartbeat(
        token,
        {
          appVersion: KIOSK_APP_VERSION,
          queueLength,
          parkedCount: parked.length,
          lastError: err ? { code: err.code.slice(0, 60), at: err.at } : null,
          clientTime: new Date().toISOString(),
          parked: parked.slice(0, 500).map((p) => ({
            clientId: p.item.clientId,
            code: p.reason.code.slice(0, 60),
            completedAt: p.item.completedAt,
            parkedAt: p.reason.at,
          })),
        },
        () => unauthorized.current(),
      );
    } catch {
      return; // no network or server trouble: the next beat will tell
    }
    setCampaign(reply.openCampaign ? 'open' : 'none');
    formNamed.current(reply.form);
    if (reply.discard.length > 0) await discard(reply.discard);
    const again = [...new Set([...reply.release, ...coveredBy(parked, reply.openCampaign)])].filter(
      (id) => !reply.discard.includes(id),
    );
    if (again.length > 0) await release(again);
  }, [token, discard, release]);

  useEffect(() => {
    void beat();
    const every = setInterval(() => void beat(), HEARTBEAT_MS);
    return () => clearInterval(every);
  }, [beat]);

  const enqueue = useCallback(
    async (item: KioskItem) => {
      const { flushed } = await add(item);
      void flushed;
    },
    [add],
  );
  return { pending: box.pending, parked: box.parked, sending: box.sending, campaign, enqueue };
}
