import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One project per workspace package; each finds its own tests. Integration projects share the
// global setup that prepares a migrated template database (fresh database per test file).
//
// How many files run at once (docs/0025-test-concurrency.md). Vitest's default (cores − 1) is one
// file at a time on a 2-core machine, yet a test file mostly waits on PostgreSQL, Redis, Chromium or
// a timer, and files are isolated (own database, queue prefix, port), so a few run side by side.
const setting = (value: string | undefined): number | undefined => (Number(value) > 0 ? Math.floor(Number(value)) : undefined);
const fileWorkers = setting(process.env.TEST_WORKERS) ?? Math.max(2, availableParallelism());
// The browser journeys (e2e, e2e-embedded) run after the others, this many files at once in all
// (Vitest counts maxWorkers per group, and both projects are one group): by default one. Each
// project starts one Chromium that its files connect to (test/support/browser-server.ts).
const browserWorkers = setting(process.env.TEST_BROWSER_WORKERS) ?? 1;

// The files of a project share one process and its loaded modules instead of a fresh process
// each (docs/0025-test-concurrency.md): the pure packages, and the integration projects whose
// process-wide caches are per database handle (`databaseKey()`, db/src/client.ts), since their
// test databases, cloned from one template, reuse the same ids. A file sharing a process closes
// what it opens (apps, pools, Redis clients, workers, timers). Not yet `db` (its PGlite cases
// timed out sharing a process on a loaded machine; not compared alone) nor `server` (child processes).
const shared = { isolate: false } as const;
// A browser project's journey files share one process too and import the app once; each file still
// starts a system of its own (own database or PGlite copy, queue prefix, port 0) and closes it.
const browserJourneys = { sequence: { groupOrder: 1 }, maxWorkers: browserWorkers, ...shared } as const;

const api = {
  root: './api',
  globalSetup: ['../test/support/global-setup.ts'],
  testTimeout: 120_000,
  hookTimeout: 120_000,
};
const ownProcess = ['test/import-stall.test.ts'];

export default defineConfig({
  test: {
    maxWorkers: fileWorkers,
    projects: [
      { test: { name: 'forms', root: './packages/forms', include: ['test/**/*.test.ts'], ...shared } },
      { test: { name: 'scoring', root: './packages/scoring', include: ['test/**/*.test.ts'], ...shared } },
      { test: { name: 'repo', root: './test', include: ['repo/**/*.test.ts'], ...shared } },
      { test: { name: 'runtime', root: './packages/runtime', include: ['test/**/*.test.ts'], ...shared } },
      {
        test: {
          name: 'contracts',
          root: './packages/contracts',
          include: ['test/**/*.test.ts'],
          passWithNoTests: true,
          ...shared,
        },
      },
      {
        test: {
          name: 'db',
          root: './db',
          include: ['test/**/*.test.ts'],
          globalSetup: ['../test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'api',
          ...shared,
          ...api,
          include: ['test/**/*.test.ts'],
          exclude: ownProcess,
        },
      },
      // What these files measure is their own process (event-loop delay, memory growth), which
      // sharing it would add the earlier files' heap to: a fresh process each.
      { test: { name: 'api-own-process', ...api, include: ownProcess } },
      {
        test: {
          name: 'worker',
          ...shared,
          root: './worker',
          include: ['test/**/*.test.ts'],
          globalSetup: ['../test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'server',
          root: './server',
          include: ['test/**/*.test.ts'],
          globalSetup: ['../test/support/global-setup.ts', '../test/support/server-build.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Its own PostgreSQL cluster, Redis and SMTP sink; the short run of `pnpm test:faults`.
        test: {
          name: 'faults',
          root: './test',
          include: ['faults/**/*.test.ts'],
          globalSetup: ['./support/server-build.ts'],
          // ~60 s on a quiet machine; a process start alone took up to 50 s at a load of 35 on 2 cores.
          testTimeout: 480_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root: './test',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['./support/global-setup.ts', './support/browser-server.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          ...browserJourneys,
        },
      },
      // The same browser journeys on the embedded database `pnpm start` uses by default (PGlite):
      // every write path once (test/support/engine.ts; journeys that repeat a write path already
      // covered here run on PostgreSQL only).
      {
        test: {
          name: 'e2e-embedded',
          root: './test',
          include: ['e2e/**/*.test.ts'],
          exclude: [
            'e2e/kiosk-embedded.test.ts', // starts the embedded engine itself
            // PostgreSQL only: every write they make through the product runs on the embedded
            // engine in another journey, which opens the same pages there too.
            'e2e/console-pages.test.ts', // reads only
            'e2e/par-results.test.ts', // self-assessment dry run and import: officer-year
            'e2e/sipas-perception.test.ts', // its responses are inserted by the test; results page: sipas-results, channel-forms
            'e2e/live-rates.test.ts', // staff answer: staff-link-browser, officer-year (which reads the rates); kiosk session: kiosk-offline
          ],
          globalSetup: ['./support/global-setup.ts', './support/browser-server.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          ...browserJourneys,
          provide: { engine: 'embedded' },
        },
      },
    ],
  },
});
