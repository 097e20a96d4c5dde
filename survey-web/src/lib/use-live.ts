/**
 * Live figures by polling: `load` runs now, then every `ms` while the tab is visible; a hidden tab
 * polls nothing, and coming back loads at once and resumes.
 */
import { useEffect } from 'react';

export function useLive(load: () => void, ms: number): void {
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (timer !== undefined) return;
      load();
      timer = setInterval(load, ms);
    };
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => (document.visibilityState === 'hidden' ? stop() : start());
    if (document.visibilityState !== 'hidden') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [load, ms]);
}
