/**
 * Background work of a respondent page — registering the offline shell, fetching and compiling the
 * form validator — waits until the page has loaded, nobody has touched it for a moment and the
 * browser has a quiet moment, so it does not compete with the first screen and the first taps on a
 * slow tablet (docs/0028, docs/0034): the validator's evaluation and the shell's cache writes are
 * long tasks at 4× CPU, and started at the first idle moment after the first screen they landed
 * just when the enumerator tapped "Phỏng vấn". Nothing on screen depends on it: the first check of
 * a form awaits the validator itself.
 */

/** No tap or key for this long (after the page has loaded) before background work starts. */
const QUIET_MS = 1500;

let lastInput = 0;
let listening = false;

function noteInput(): void {
  lastInput = performance.now();
}

export function whenSettled(work: () => void): void {
  if (!listening) {
    listening = true;
    for (const type of ['pointerdown', 'keydown']) window.addEventListener(type, noteInput, { capture: true, passive: true });
  }
  const idle = () => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => work(), { timeout: 3000 });
    else setTimeout(work, 300);
  };
  let since = 0;
  const quiet = () => {
    const wait = Math.max(lastInput, since) + QUIET_MS - performance.now();
    if (wait > 0) setTimeout(quiet, wait);
    else idle();
  };
  const loaded = () => {
    since = performance.now();
    setTimeout(quiet, QUIET_MS);
  };
  if (document.readyState === 'complete') loaded();
  else window.addEventListener('load', loaded, { once: true });
}
