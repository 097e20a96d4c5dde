/** Headless Debian Chromium driven by playwright-core (no browser download). */
import { execSync } from 'node:child_process';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export function chromiumPath(): string {
  const p = execSync('command -v chromium || command -v chromium-browser || true', { encoding: 'utf8', shell: '/bin/sh' }).trim();
  if (!p) throw new Error('Chromium not found: apt-get install -y chromium');
  return p;
}

/** How the tests and benchmarks start Chromium. */
export function chromiumOptions(): LaunchOptions {
  return {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  };
}

/** A Chromium of this process's own (the benchmarks; journeys use `journeyBrowser()`, shared-browser.ts). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumOptions());
}

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const TABLET_LANDSCAPE = { viewport: { width: 1280, height: 800 }, hasTouch: true };
