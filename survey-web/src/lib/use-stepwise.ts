/**
 * Long content on a slow phone, a part at a time: how many of `count` items to render — `first` at
 * once, then `step` more in a task of their own after each frame that shows the ones before, so the
 * first screen is painted without waiting for the layout of everything below it, and a tap
 * meanwhile waits for one step at most (docs/0028, docs/0034). (An effect may run before that frame
 * when the frame is late, hence the animation frame before the task.)
 */
import { useEffect, useState } from 'react';

export function useStepwise(count: number, first: number, step: number): number {
  const [rendered, setRendered] = useState(first);
  useEffect(() => {
    if (rendered >= count) return;
    let task: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      task = setTimeout(() => setRendered((n) => n + step), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, [rendered, count, step]);
  return Math.min(rendered, count);
}
