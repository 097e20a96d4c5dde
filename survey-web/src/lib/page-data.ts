/**
 * Data the server wrote into the page for its first screen (api/src/plugins/page-data.ts,
 * docs/0028), so the page need not ask the API for it before showing anything. Null when the page
 * has none (an unknown address, a page kept by the service worker without it, the dev server).
 */
export function pageData<T>(): T | null {
  const text = document.getElementById('hl-page-data')?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
