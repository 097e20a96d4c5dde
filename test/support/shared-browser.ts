/**
 * The Chromium a browser journey drives: the project's shared one (browser-server.ts) when the run
 * started it, else one of the file's own. `close()` on it closes the file's contexts and disconnects
 * (or stops its own browser).
 */
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser } from './browser.ts';

declare module 'vitest' {
  interface ProvidedContext {
    browserEndpoint: string;
  }
}

export async function journeyBrowser(): Promise<Browser> {
  const endpoint = inject('browserEndpoint');
  return endpoint ? chromium.connect(endpoint) : launchBrowser();
}
