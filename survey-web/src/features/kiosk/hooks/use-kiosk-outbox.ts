/**
 * The kiosk's outbox (scheduling in `useOutbox`): each response is sent with the device token and
 * the number still waiting behind it, for the dashboard's pending count; a 401 means the tablet was
 * revoked.
 */
import { useCallback, useEffect, useRef } from 'react';
import { createOutbox } from '@/lib/offline-outbox';
import { useOutbox } from '@/lib/use-outbox';
import { sendKioskItem, type KioskItem } from '../api/kiosk-api';

const outbox = createOutbox<KioskItem>('kiosk');

export function useKioskOutbox(token: string | null, onUnauthorized: () => void) {
  const unauthorized = useRef(onUnauthorized);
  useEffect(() => {
    unauthorized.current = onUnauthorized;
  }, [onUnauthorized]);

  const run = useCallback(
    async (force: boolean) => {
      if (!token) return null;
      let left = await outbox.count();
      return outbox.flush(
        async (item) => {
          const outcome = await sendKioskItem(token, item, Math.max(0, left - 1), () => unauthorized.current());
          if (outcome !== 'retry') left -= 1;
          return outcome;
        },
        { force },
      );
    },
    [token],
  );
  const { pending, add } = useOutbox(outbox, run);
  const enqueue = useCallback(
    async (item: KioskItem) => {
      const { flushed } = await add(item);
      void flushed;
    },
    [add],
  );
  return { pending, enqueue };
}
