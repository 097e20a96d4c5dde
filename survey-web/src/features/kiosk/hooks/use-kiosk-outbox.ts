/**
 * Keeps the kiosk outbox moving: flushes after each new response, when the browser comes back
 * online (ignoring backoff), at the next backoff deadline, and every 30 s as a safety net.
 * Exposes the number of responses still waiting, for the discreet staff counter.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createOutbox } from '@/lib/offline-outbox';
import { sendKioskItem, type KioskItem } from '../api/kiosk-api';

const outbox = createOutbox<KioskItem>('kiosk');

export function useKioskOutbox(token: string | null, onUnauthorized: () => void) {
  const [pending, setPending] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;

  const flush = useCallback(
    async (force = false) => {
      if (!token) return;
      const total = await outbox.count();
      let left = total;
      const res = await outbox.flush(
        async (item) => {
          const outcome = await sendKioskItem(token, item, Math.max(0, left - 1), () => unauthorized.current());
          if (outcome !== 'retry') left -= 1;
          return outcome;
        },
        { force },
      );
      setPending(res.remaining);
      if (timer.current) clearTimeout(timer.current);
      if (res.nextAttemptAt !== null) timer.current = setTimeout(() => void flush(), Math.max(1_000, res.nextAttemptAt - Date.now()));
    },
    [token],
  );

  useEffect(() => {
    void outbox.count().then(setPending);
    void flush(true);
    const online = () => void flush(true);
    window.addEventListener('online', online);
    const every = setInterval(() => void flush(), 30_000);
    return () => {
      window.removeEventListener('online', online);
      clearInterval(every);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [flush]);

  const enqueue = useCallback(
    async (item: KioskItem) => {
      await outbox.add(item);
      setPending(await outbox.count());
      void flush(true);
    },
    [flush],
  );

  return { pending, enqueue };
}
