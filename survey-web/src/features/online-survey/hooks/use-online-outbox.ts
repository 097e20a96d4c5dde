/**
 * The online form's IndexedDB outbox (scheduling in `useOutbox`, as the kiosk's and /e's): a
 * response gets its client UUID before the first send, is stored first, then sent; a failed send is
 * retried with backoff, when the browser comes back online, and after a reload. `submit` says what
 * happened to this response on its first attempt, so the page can thank, explain "saved, will be
 * sent", or show the error: a response refused at once is not kept (the respondent is there to fix
 * and send it again); one refused later stays parked on the device and is reported (`parked`).
 */
import { useCallback } from 'react';
import type { FailureReason } from '@/lib/api-client';
import { createOutbox } from '@/lib/offline-outbox';
import { useOutbox } from '@/lib/use-outbox';
import { sendOnlineItem, type OnlineItem } from '../api/online-api';

const outbox = createOutbox<OnlineItem>('online');

export type SubmitOutcome = 'sent' | 'queued' | { rejected: FailureReason };

const run = (force: boolean) => outbox.flush(sendOnlineItem, { force });

export function useOnlineOutbox() {
  const { pending, parked, add, discard } = useOutbox(outbox, run);

  const submit = useCallback(
    async (item: OnlineItem): Promise<SubmitOutcome> => {
      const { flushed } = await add(item);
      const res = await flushed;
      const refused = res?.parked.find((p) => p.item.clientId === item.clientId);
      if (refused) {
        await discard([item.clientId]);
        return { rejected: refused.reason };
      }
      if (res && (await outbox.list()).every((i) => i.clientId !== item.clientId)) return 'sent';
      return 'queued';
    },
    [add, discard],
  );

  return { pending, submit, parked };
}
