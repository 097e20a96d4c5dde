/**
 * Vitest global setup of the browser journeys: one Chromium for every journey file of the project,
 * started once (a launch and a close cost ~5 s per file on the 2-core machine). Each file connects
 * to it (`journeyBrowser()`, shared-browser.ts) and works in contexts of its own, which are closed
 * when it disconnects, so files stay as isolated as with a browser each.
 */
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumOptions } from './browser.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await chromium.launchServer(chromiumOptions());
  project.provide('browserEndpoint', server.wsEndpoint());
  return () => server.close();
}
