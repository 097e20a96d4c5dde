/** Headless Debian Chromium driven by playwright-core (no browser download). */
import { execSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

export function chromiumPath(): string {
  const p = execSync('command -v chromium || command -v chromium-browser || true', { encoding: 'utf8', shell: '/bin/sh' }).trim();
  if (!p) throw new Error('Chromium not found: apt-get install -y chromium');
  return p;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
  });
}

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const TABLET_LANDSCAPE = { viewport: { width: 1280, height: 800 }, hasTouch: true };
