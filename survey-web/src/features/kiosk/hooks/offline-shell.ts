/**
 * Makes /k (and /o/<unit>) installable and reloadable offline: links the PWA manifest, registers
 * the service worker (public/sw.js), and — because Vite's hashed file names are not known to the
 * worker in advance — puts the same-origin files this page has loaded into the worker's cache
 * (the Cache API is shared between a page and its worker).
 */
export const SHELL_CACHE = 'hl-shell-v1';

async function cacheLoadedFiles(): Promise<void> {
  // Scripts and styles in the document (Vite adds modulepreload/stylesheet links for lazy chunks),
  // this chunk itself, and whatever resource timing saw.
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

export function registerOfflineShell(manifest = '/kiosk.webmanifest'): void {
  if (!document.querySelector('link[rel="manifest"]')) {
    const link = document.createElement('link');
    link.rel = 'manifest';
    link.href = manifest;
    document.head.appendChild(link);
  }
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
