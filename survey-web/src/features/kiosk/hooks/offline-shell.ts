/**
 * Makes /k (and /o/<unit>) installable and reloadable offline: links the PWA manifest, registers
 * the service worker (public/sw.js), and — because Vite's hashed file names are not known to the
 * worker in advance — hands it the same-origin files this page has loaded, to keep in its cache.
 */
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
    .catch(() => undefined);
}
