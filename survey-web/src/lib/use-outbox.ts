/**
 * Keeps an offline outbox moving (kiosk, online form): flushes on mount, when the browser comes back
 * online (ignoring backoff), at the next backoff deadline, and every 30 s as a safety net. `add`
 * resolves once the item is stored; `flushed` is the send attempt it starts at once (callers that
 * must not wait for the network, like the kiosk's thank-you screen, do not await it). `pending` is what still waits, for the
 * discreet "n đang chờ gửi" counter. `run` does one flush round (the caller's sending rules) and
 * may return more than the `FlushResult`; `null` means "cannot send now" (e.g. no device token).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FlushResult, Outbox, OutboxItem } from './offline-outbox';

export function useOutbox<T extends OutboxItem, R extends FlushResult>(outbox: Outbox<T>, run: (force: boolean) => Promise<R | null>) {
  const [pending, setPending] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The latest flush, for the backoff timer it schedules itself. */
  const latest = useRef<(force?: boolean) => Promise<R | null>>(async () => null);

  const flush = useCallback(
    async (force = false): Promise<R | null> => {
      const res = await run(force);
      if (!res) return null;
      setPending(res.remaining);
      if (timer.current) clearTimeout(timer.current);
      if (res.nextAttemptAt !== null) timer.current = setTimeout(() => void latest.current(), Math.max(1_000, res.nextAttemptAt - Date.now()));
      return res;
    },
    [run],
  );
  useEffect(() => {
    latest.current = flush;
  }, [flush]);

  useEffect(() => {
    void outbox.count().then(setPending);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- an asynchronous send: its state changes come after the await
    void flush(true);
    const online = () => void flush(true);
    window.addEventListener('online', online);
    const every = setInterval(() => void flush(), 30_000);
    return () => {
      window.removeEventListener('online', online);
      clearInterval(every);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [outbox, flush]);

  const add = useCallback(
    async (item: T): Promise<{ flushed: Promise<R | null> }> => {
      await outbox.add(item);
      setPending(await outbox.count());
      return { flushed: flush(true) };
    },
    [outbox, flush],
  );

  return { pending, add };
}
