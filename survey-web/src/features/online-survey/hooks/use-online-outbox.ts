/**
 * The online form's IndexedDB outbox (scheduling in `useOutbox`, as the kiosk's): a response gets
 * its client UUID before the first send, is stored first, then sent; a failed send is retried with
 * backoff, when the browser comes back online, and after a reload. `submit` says what happened to
 * this response on its first attempt, so the page can thank, explain "saved, will be sent", or show
 * the error.
 */
import { useCallback, useState } from 'react';
import type { ApiError } from '@/lib/api-client';
import { createOutbox } from '@/lib/offline-outbox';
import { useOutbox } from '@/lib/use-outbox';
import { sendOnlineItem, type OnlineItem, type SendResult } from '../api/online-api';

const outbox = createOutbox<OnlineItem>('online');

export type SubmitOutcome = 'sent' | 'queued' | { rejected: ApiError };

export function useOnlineOutbox() {
  /** A queued response the server refused later (e.g. the dossier was already rated). */
  const [lateRejection, setLateRejection] = useState<ApiError | null>(null);

  const run = useCallback(async (force: boolean) => {
    const seen = new Map<string, SendResult>();
    const res = await outbox.flush(
      async (item) => {
        const r = await sendOnlineItem(item);
        seen.set(item.clientId, r);
        return r.outcome;
      },
      { force },
    );
    const refused = [...seen.values()].find((r) => r.error);
    if (refused?.error) setLateRejection(refused.error);
    return { ...res, seen };
  }, []);
  const { pending, add } = useOutbox(outbox, run);

  const submit = useCallback(
    async (item: OnlineItem): Promise<SubmitOutcome> => {
      const { flushed } = await add(item);
      const r = (await flushed)?.seen.get(item.clientId);
      if (r?.outcome === 'done') return 'sent';
      if (r?.outcome === 'rejected' && r.error) {
        setLateRejection(null); // shown next to the form instead
        return { rejected: r.error };
      }
      return 'queued';
    },
    [add],
  );

  return { pending, submit, lateRejection };
}
