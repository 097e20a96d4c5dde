/**
 * Makes a front door installable and reloadable offline (/k and /o/<unit> with public/sw.js, /e with
 * public/enumerator-sw.js; both on the strategy in public/sw-core.js): links the PWA manifest when
 * given, registers the service worker, and — because Vite's hashed file names are not known to the
 * worker in advance — puts the same-origin files this page has loaded into the worker's cache (the
 * Cache API is shared between a page and its worker). When that is done,
 * `<html data-offline-ready="true">` says a reload with no network will work from here on. All of it
 * happens once the page has settled (`whenSettled`), after its first screen.
 */
import { whenSettled } from './when-settled';

export interface OfflineShell {
  /** Service worker script and scope. */
  worker: string;
  scope: string;
  /** Cache the worker serves the shell from (must match the worker's). */
  cacheName: string;
  /** PWA manifest to link, if the page is installable. */
  manifest?: string;
  /** Page to keep for an offline reload (default: the current path). */
  page?: string;
  /** More paths to keep the same page under (e.g. '/o/', the worker's fallback for any online form). */
  alsoAs?: string[];
  /**
   * Code the page loads with `import()` later but needs offline (e.g. the form validator): loaded
   * before the files are put in the cache, so they are among them.
   */
  lazyParts?: () => Promise<unknown>;
}

async function cacheLoadedFiles(shell: OfflineShell): Promise<void> {
  // Scripts and styles in the document (Vite adds modulepreload/stylesheet links for lazy chunks),
  // this chunk itself, and whatever resource timing saw.
  const fromDom = [
    ...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>(
      'script[src], link[rel="stylesheet"], link[rel="modulepreload"]',
    ),
  ].map((el) => (el instanceof HTMLScriptElement ? el.src : el.href));
  const timed = performance.getEntriesByType('resource').map((e) => e.name);
  const urls = [...fromDom, ...timed, import.meta.url].filter(
    (u) => u.startsWith(window.location.origin) && !u.includes('/api/'),
  );
  const cache = await caches.open(shell.cacheName);
  for (const u of new Set([...urls, shell.page ?? window.location.pathname, ...(shell.alsoAs ?? [])])) {
    if (!(await cache.match(u))) await cache.add(u).catch(() => undefined);
  }
}

/** The release this page was built from (vite.config.ts); the workers cache under it. */
export const RELEASE = __HL_RELEASE__;

/** /k and /o/<unit> (public/sw.js; the online form adds itself as '/o/', the fallback for any unit). */
export const KIOSK_SHELL: OfflineShell = { worker: '/sw.js', scope: '/', cacheName: `hl-shell-${RELEASE}` };
/** /e (public/enumerator-sw.js). */
export const ENUMERATOR_SHELL: OfflineShell = {
  worker: '/enumerator-sw.js',
  scope: '/e',
  cacheName: `hl-e-shell-${RELEASE}`,
  manifest: '/enumerator.webmanifest',
  page: '/e',
};

export function registerOfflineShell(shell: OfflineShell): void {
  whenSettled(() => installShell(shell));
}

function installShell(shell: OfflineShell): void {
  if (shell.manifest && !document.querySelector('link[rel="manifest"]')) {
    const link = document.createElement('link');
    link.rel = 'manifest';
    link.href = shell.manifest;
    document.head.appendChild(link);
  }
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker
    .register(shell.worker, { scope: shell.scope })
    .then(() => navigator.serviceWorker.ready)
    .then(() => shell.lazyParts?.())
    .then(() => cacheLoadedFiles(shell))
    .then(() => {
      document.documentElement.dataset.offlineReady = 'true';
    })
    .catch(() => undefined);
}
