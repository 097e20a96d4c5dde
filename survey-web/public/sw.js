/*
 * Service worker for the kiosk (/k) and the online form (/o/<unit>), scope "/": keeps the app shell
 * so a tablet or phone can reload with no network. The strategy lives in sw-core.js (shared with
 * the enumerator app's worker); this file only names the pages and the cache.
 */
importScripts('/sw-core.js');

// Written by the build (vite.config.ts): each release caches under its own name.
const RELEASE = '__HL_RELEASE__';

const SHELL_PATHS = [/^\/k(\/|$)/, /^\/o\//];

shellWorker({
  cache: `hl-shell-${RELEASE}`,
  // Older versions of this cache only; the enumerator's 'hl-e-shell-*' caches are left alone.
  prefix: 'hl-shell-',
  precache: ['/k', '/kiosk.webmanifest', '/kiosk-icon.svg'],
  isShellPage: (url) => SHELL_PATHS.some((re) => re.test(url.pathname)),
  pageKey: (url) => url.pathname,
  // Each front door has its own page: an online form not kept yet falls back to another unit's
  // (the page reads its unit from the address), anything else to the kiosk.
  fallback: (url) => (url.pathname.startsWith('/o/') ? '/o/' : '/k'),
});
