/** Debounced draft saving: the latest answers are saved `delayMs` after the last change. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '@/lib/api-client';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string };

export function useAutosave(save: (answers: Record<string, unknown>) => Promise<unknown>, delayMs = 1500) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<Record<string, unknown> | null>(null);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const answers = latest.current;
    if (!answers) return;
    latest.current = null;
    setState({ kind: 'saving' });
    try {
      await save(answers);
      setState({ kind: 'saved', at: new Date() });
    } catch (err) {
      setState({ kind: 'error', message: errorText(err) });
    }
  }, [save]);

  const schedule = useCallback(
    (answers: Record<string, unknown>) => {
      latest.current = answers;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    latest.current = null;
  }, []);

  useEffect(() => cancel, [cancel]);
  return { state, schedule, flush, cancel, pending: () => latest.current !== null };
}
