/**
 * Makes /e installable and reloadable offline: links its manifest, registers the enumerator service
 * worker (public/enumerator-sw.js, scope /e) and hands it the files this page loaded (Vite's hashed
 * names are not known to the worker in advance).
 */
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
    .then((reg) => {
      const urls = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => u.startsWith(window.location.origin) && !u.includes('/api/'));
      reg.active?.postMessage({ type: 'cache-shell', urls: [...urls, window.location.pathname] });
    })
    .catch(() => undefined);
}
