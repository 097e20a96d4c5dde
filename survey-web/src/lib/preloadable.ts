/**
 * A screen whose code is a chunk of its own (`import()`), fetched before it is needed: the page calls
 * `preload()` once its first screen is painted, and a screen opened after the chunk has arrived
 * renders at once, in the same render as the tap that opens it (`lazy` would suspend first even with
 * the module loaded: it calls its loader only when it first renders). Opened before the chunk has
 * arrived, the screen shows `loading` until it has; if the chunk cannot be fetched (no network and
 * not kept offline yet), `failed` (with the screen's props, e.g. to offer a way back), and the next
 * opening tries again. docs/0038.
 */
import { createElement, useEffect, useState, type ComponentType, type ReactNode } from 'react';

export interface Preloadable<P extends object> {
  Component: ComponentType<P>;
  /** Fetches and evaluates the chunk (once); a failed load is tried again on the next call. */
  preload: () => Promise<ComponentType<P>>;
}

export function preloadable<P extends object>(
  load: () => Promise<ComponentType<P>>,
  view: { loading: ReactNode; failed: (props: P) => ReactNode },
): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        pending = null;
        throw e;
      },
    ));
  function PreloadedScreen(props: P) {
    const [screen, setScreen] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (screen) return;
      let live = true;
      preload().then(
        (c) => live && setScreen(() => c),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [screen]);
    if (screen) return createElement(screen, props);
    return failed ? view.failed(props) : view.loading;
  }
  return { Component: PreloadedScreen, preload };
}
