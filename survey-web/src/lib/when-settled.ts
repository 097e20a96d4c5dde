/**
 * Background work of a respondent page — registering the offline shell, fetching and compiling the
 * form validator — waits until the page has loaded and the browser has a quiet moment, so it does
 * not compete with the first screen and the first tap on a slow tablet (docs/0028). Nothing on
 * screen depends on it: the first check of a form awaits the validator itself.
 */
export function whenSettled(work: () => void): void {
  const idle = () => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => work(), { timeout: 3000 });
    else setTimeout(work, 300);
  };
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}
