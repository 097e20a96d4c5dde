/*
 * The app-shell service worker shared by the offline front doors, loaded with importScripts by
 * `sw.js` (kiosk /k and online form /o/<unit>, scope "/") and `enumerator-sw.js` (/e, scope "/e").
 * Each wrapper only says which pages it keeps and under which cache name; the strategy is here once:
 *   - navigations to a shell page: network-first (fresh when online), the cached page when not,
 *     else the wrapper's fallback page;
 *   - built assets (hashed, immutable), manifests and icons: cache-first, stored on first fetch;
 *   - API calls and other origins: never touched — queued responses live in the page's IndexedDB
 *     outbox, not here.
 * Pages put the hashed files they loaded into the same cache themselves (the Cache API is shared
 * between a page and its worker), because Vite's file names are not known to the worker in advance.
 * On activation a worker deletes only its own older caches (same prefix), never the other
 * front door's.
 */
function shellWorker(opts) {
  const { cache: CACHE, prefix, precache, isShellPage, pageKey, fallback } = opts;

  self.addEventListener('install', (event) => {
    event.waitUntil(caches.open(CACHE).then((c) => c.addAll(precache).catch(() => undefined)));
    self.skipWaiting();
  });

  self.addEventListener('activate', (event) => {
    event.waitUntil(
      caches
        .keys()
        .then((keys) => Promise.all(keys.filter((k) => k.startsWith(prefix) && k !== CACHE).map((k) => caches.delete(k))))
        .then(() => self.clients.claim()),
    );
  });

  function networkFirstPage(req, url) {
    const key = pageKey(url);
    return fetch(req)
      .then((res) => {
        if (res.ok) {
          const copy = res.clone();
          void caches.open(CACHE).then((c) => c.put(key, copy));
        }
        return res;
      })
      .catch(() =>
        caches.open(CACHE).then((c) =>
          c
            .match(key)
            .then((hit) => hit || c.match(typeof fallback === 'function' ? fallback(url) : fallback))
            .then((hit) => hit || Response.error()),
        ),
      );
  }

  function cacheFirst(req) {
    return caches.open(CACHE).then((c) =>
      c.match(req).then(
        (hit) =>
          hit ||
          fetch(req).then((res) => {
            if (res.ok) void c.put(req, res.clone());
            return res;
          }),
      ),
    );
  }

  self.addEventListener('fetch', (event) => {
    const req = event.request;
    if (req.method !== 'GET') return;
    const url = new URL(req.url);
    if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
    if (req.mode === 'navigate') {
      if (isShellPage(url)) event.respondWith(networkFirstPage(req, url));
      return;
    }
    if (url.pathname.startsWith('/assets/') || url.pathname.endsWith('.webmanifest') || url.pathname.endsWith('.svg')) {
      event.respondWith(cacheFirst(req));
    }
  });
}
