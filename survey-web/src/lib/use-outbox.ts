/**
 * Keeps an offline outbox moving — the one schedule of /k, /o and /e: a flush on mount, when the
 * browser comes back online (ignoring backoff), at the next backoff deadline, and every 30 s as a
 * safety net (`useFlushSchedule`). `useOutbox` adds the state staff and users see: how many items
 * wait, which are parked and why, whether a send is running, the last error. `add` resolves once
 * the item is stored; `flushed` is the send attempt it starts at once (callers that must not wait
 * for the network, like the kiosk's thank-you screen, do not await it). `run` does one flush round
 * (the caller's sending rules); `null` means "cannot send now" (e.g. no device token).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FailureReason } from './api-client';
import type { FlushResult, Outbox, OutboxItem, ParkedItem } from './offline-outbox';

const PERIOD_MS = 30_000;

export function useFlushSchedule<R extends { nextAttemptAt: number | null }>(run: (force: boolean) => Promise<R | null>) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The latest flush, for the backoff timer it schedules itself. */
  const latest = useRef<(force?: boolean) => Promise<R | null>>(async () => null);
  const flush = useCallback(
    async (force = false): Promise<R | null> => {
      const res = await run(force);
      if (timer.current) clearTimeout(timer.current);
      if (res && res.nextAttemptAt !== null)
        timer.current = setTimeout(() => void latest.current(), Math.max(1_000, res.nextAttemptAt - Date.now()));
      return res;
    },
    [run],
  );
  useEffect(() => {
    latest.current = flush;
  }, [flush]);
  useEffect(() => {
    void flush(true);
    const online = () => void flush(true);
    window.addEventListener('online', online);
    const every = setInterval(() => void flush(), PERIOD_MS);
    return () => {
      window.removeEventListener('online', online);
      clearInterval(every);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [flush]);
  return flush;
}

export interface OutboxState<T> {
  pending: number;
  parked: ParkedItem<T>[];
  sending: boolean;
  lastError: FailureReason | null;
}

export function useOutbox<T extends OutboxItem, R extends FlushResult<T>>(
  outbox: Outbox<T>,
  run: (force: boolean) => Promise<R | null>,
) {
  const [state, setState] = useState<OutboxState<T>>({ pending: 0, parked: [], sending: false, lastError: null });
  const refresh = useCallback(async () => {
    const [pending, parked] = await Promise.all([outbox.count(), outbox.parked()]);
    setState((s) => ({ ...s, pending, parked }));
  }, [outbox]);
  const tracked = useCallback(
    async (force: boolean): Promise<R | null> => {
      setState((s) => ({ ...s, sending: true }));
      try {
        const res = await run(force);
        if (res) setState((s) => ({ ...s, lastError: res.lastError ?? (res.sent > 0 ? null : s.lastError) }));
        return res;
      } finally {
        await refresh();
        setState((s) => ({ ...s, sending: false }));
      }
    },
    [run, refresh],
  );
  const flush = useFlushSchedule(tracked);

  const add = useCallback(
    async (item: T): Promise<{ flushed: Promise<R | null> }> => {
      await outbox.add(item);
      await refresh();
      return { flushed: flush(true) };
    },
    [outbox, flush, refresh],
  );
  /** Parked items go back in the queue (all, or those ids) and are sent at once. */
  const release = useCallback(
    async (clientIds?: string[]) => {
      const n = await outbox.release(clientIds);
      if (n > 0) await flush(true);
      else await refresh();
      return n;
    },
    [outbox, flush, refresh],
  );
  const discard = useCallback(
    async (clientIds: string[]) => {
      for (const id of clientIds) await outbox.remove(id);
      await refresh();
    },
    [outbox, refresh],
  );
  return { ...state, add, release, discard, flush };
}
