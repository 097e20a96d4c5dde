/*
 * Service worker of the enumerator app (/e), scope /e: keeps the app shell so the phone can reload
 * with no network for days. Navigations are network-first with the cached shell as fallback; the
 * page hands over the hashed asset URLs it loaded (message `cache-shell`), served cache-first.
 * API calls are never cached: queued interviews live in the page's IndexedDB outbox.
 */
const CACHE = 'hl-e-shell-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(['/e', '/enumerator.webmanifest']).catch(() => undefined)));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('hl-e-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'cache-shell' || !Array.isArray(data.urls)) return;
  event.waitUntil(caches.open(CACHE).then((c) => Promise.all(data.urls.map((u) => c.add(u).catch(() => undefined)))));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) { const copy = res.clone(); void caches.open(CACHE).then((c) => c.put('/e', copy)); }
          return res;
        })
        .catch(() => caches.open(CACHE).then((c) => c.match('/e')).then((hit) => hit || Response.error())),
    );
    return;
  }
  event.respondWith(caches.open(CACHE).then((c) => c.match(req).then((hit) => hit || fetch(req))));
});
