/**
 * Lets /o/<unit> reload with no network: registers the shared service worker (public/sw.js, scope
 * "/", which serves /o/* pages network-first from its cache) and, because Vite's hashed file names
 * are unknown to the worker in advance, puts the same-origin files this page loaded into the
 * worker's cache (the Cache API is shared between a page and its worker). The kiosk has the same
 * helper plus its PWA manifest; features do not import each other, hence the copy.
 */
const SHELL_CACHE = 'hl-shell-v1';

async function cacheLoadedFiles(): Promise<void> {
  const fromDom = [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="stylesheet"], link[rel="modulepreload"]')].map((el) =>
    el instanceof HTMLScriptElement ? el.src : el.href,
  );
  const timed = performance.getEntriesByType('resource').map((e) => e.name);
  const urls = [...fromDom, ...timed, import.meta.url].filter((u) => u.startsWith(window.location.origin) && !u.includes('/api/'));
  const cache = await caches.open(SHELL_CACHE);
  for (const u of new Set([...urls, window.location.pathname])) {
    if (!(await cache.match(u))) await cache.add(u).catch(() => undefined);
  }
}

export function registerOfflineShell(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then(() => navigator.serviceWorker.ready)
    .then(() => cacheLoadedFiles())
    .then(() => {
      // Everything this page needs is cached: a reload with no network will work from here on.
      document.documentElement.dataset.offlineReady = 'true';
    })
    .catch(() => undefined);
}
