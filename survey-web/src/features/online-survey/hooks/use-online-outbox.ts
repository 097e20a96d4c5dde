/**
 * The online form's IndexedDB outbox (same module as the kiosk's): a response gets its client UUID
 * before the first send, is stored first, then sent; a failed send is retried with backoff, when
 * the browser comes back online, and after a reload. `submit` says what happened to this response
 * on its first attempt, so the page can thank, explain "saved, will be sent", or show the error.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '@/lib/api-client';
import { createOutbox } from '@/lib/offline-outbox';
import { sendOnlineItem, type OnlineItem, type SendResult } from '../api/online-api';

const outbox = createOutbox<OnlineItem>('online');

export type SubmitOutcome = 'sent' | 'queued' | { rejected: ApiError };

export function useOnlineOutbox() {
  const [pending, setPending] = useState(0);
  /** A queued response the server refused later (e.g. the dossier was already rated). */
  const [lateRejection, setLateRejection] = useState<ApiError | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(async (force = false): Promise<Map<string, SendResult>> => {
    const seen = new Map<string, SendResult>();
    const res = await outbox.flush(
      async (item) => {
        const r = await sendOnlineItem(item);
        seen.set(item.clientId, r);
        return r.outcome;
      },
      { force },
    );
    setPending(res.remaining);
    const refused = [...seen.values()].find((r) => r.error);
    if (refused?.error) setLateRejection(refused.error);
    if (timer.current) clearTimeout(timer.current);
    if (res.nextAttemptAt !== null) timer.current = setTimeout(() => void flush(), Math.max(1_000, res.nextAttemptAt - Date.now()));
    return seen;
  }, []);

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

  const submit = useCallback(
    async (item: OnlineItem): Promise<SubmitOutcome> => {
      await outbox.add(item);
      setPending(await outbox.count());
      const r = (await flush(true)).get(item.clientId);
      if (r?.outcome === 'done') return 'sent';
      if (r?.outcome === 'rejected' && r.error) {
        setLateRejection(null); // shown next to the form instead
        return { rejected: r.error };
      }
      return 'queued';
    },
    [flush],
  );

  return { pending, submit, lateRejection };
}
