/*
 * Service worker for the kiosk (/k) and the online form (/o/<unit>): keeps the app shell so the
 * tablet can reload with no network. Pages are network-first (fresh when online, cached shell
 * when not); built assets (hashed, immutable) are cache-first. API calls are never cached —
 * responses waiting to be sent live in the page's IndexedDB outbox, not here.
 */
const CACHE = 'hl-shell-v1';
const SHELL_PATHS = [/^\/k(\/|$)/, /^\/o\//];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(['/k', '/kiosk.webmanifest', '/kiosk-icon.svg']).catch(() => undefined)));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function isShellPage(url) {
  return SHELL_PATHS.some((re) => re.test(url.pathname));
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (req.mode === 'navigate') {
    if (!isShellPage(url)) return;
    event.respondWith(
      fetch(req)
        .then((res) => {
          const copy = res.clone();
          if (res.ok) void caches.open(CACHE).then((c) => c.put(url.pathname, copy));
          return res;
        })
        .catch(() =>
          caches.open(CACHE).then((c) => c.match(url.pathname).then((hit) => hit || c.match('/k')).then((hit) => hit || Response.error())),
        ),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname.endsWith('.webmanifest') || url.pathname.endsWith('.svg')) {
    event.respondWith(
      caches.open(CACHE).then((c) =>
        c.match(req).then(
          (hit) =>
            hit ||
            fetch(req).then((res) => {
              if (res.ok) void c.put(req, res.clone());
              return res;
            }),
        ),
      ),
    );
  }
});
