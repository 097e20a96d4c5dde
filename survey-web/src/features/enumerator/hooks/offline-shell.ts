/**
 * Makes /e installable and reloadable offline: links its manifest, registers the enumerator service
 * worker (public/enumerator-sw.js, scope /e, on the strategy shared with the kiosk in sw-core.js)
 * and — because Vite's hashed file names are not known to the worker in advance — puts the
 * same-origin files this page loaded into the worker's cache itself (the Cache API is shared between
 * a page and its worker). When that is done, `<html data-offline-ready="true">` says a reload with
 * no network will work. Same mechanism as the kiosk's helper; features do not import each other.
 */
const SHELL_CACHE = 'hl-e-shell-v1';

async function cacheLoadedFiles(): Promise<void> {
  const fromDom = [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="stylesheet"], link[rel="modulepreload"]')].map((el) =>
    el instanceof HTMLScriptElement ? el.src : el.href,
  );
  const timed = performance.getEntriesByType('resource').map((e) => e.name);
  const urls = [...fromDom, ...timed, import.meta.url].filter((u) => u.startsWith(window.location.origin) && !u.includes('/api/'));
  const cache = await caches.open(SHELL_CACHE);
  for (const u of new Set([...urls, '/e'])) {
    if (!(await cache.match(u))) await cache.add(u).catch(() => undefined);
  }
}

export function registerEnumeratorShell(): void {
  if (!document.querySelector('link[rel="manifest"]')) {
    const link = document.createElement('link');
    link.rel = 'manifest';
    link.href = '/enumerator.webmanifest';
    document.head.appendChild(link);
  }
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker
    .register('/enumerator-sw.js', { scope: '/e' })
    .then(() => navigator.serviceWorker.ready)
    .then(() => cacheLoadedFiles())
    .then(() => {
      document.documentElement.dataset.offlineReady = 'true';
    })
    .catch(() => undefined);
}
