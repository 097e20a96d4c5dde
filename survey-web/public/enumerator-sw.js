/*
 * Service worker of the enumerator app (/e), scope "/e": keeps the app shell so the phone can reload
 * with no network for days. The strategy lives in sw-core.js (shared with the kiosk/online worker);
 * this file only names the page and the cache. The page puts the hashed files it loaded into this
 * cache itself (see features/enumerator/hooks/offline-shell.ts).
 */
importScripts('/sw-core.js');

// Written by the build (vite.config.ts): each release caches under its own name.
const RELEASE = '__HL_RELEASE__';

shellWorker({
  cache: `hl-e-shell-${RELEASE}`,
  prefix: 'hl-e-shell-',
  precache: ['/e', '/enumerator.webmanifest', '/kiosk-icon.svg'],
  // Every navigation in scope is the one /e page (the app has no sub-routes).
  isShellPage: () => true,
  pageKey: () => '/e',
  fallback: '/e',
});
