/**
 * What the two builds of the web app share (vite.config.ts: the staff console on React;
 * vite.respondent.config.ts: the respondent apps /k, /o/<unit>, /e on Preact): the release id, the
 * `@` alias, the dev proxy to the API and the compressed copies of what they write.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export const here = fileURLToPath(new URL('.', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}

/**
 * The release: a hash of what the web app is built from (its sources, public files, HTML entries and
 * the shared packages). It names the service workers' caches, so a new release installs a new worker
 * that deletes the previous release's files on activation, and tablets report it in their heartbeat.
 * Both builds compute the same value.
 */
function releaseId(): string {
  const h = createHash('sha256');
  const html = readdirSync(here)
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(here, f));
  const sources = ['src', 'public', '../packages/contracts/src', '../packages/forms/src'].flatMap((dir) =>
    filesUnder(path.join(here, dir)),
  );
  for (const f of [...html, ...sources].sort()) h.update(path.relative(here, f)).update(readFileSync(f));
  return h.digest('hex').slice(0, 12);
}

export const RELEASE = releaseId();

export const shared = {
  define: { __HL_RELEASE__: JSON.stringify(RELEASE) },
  alias: { '@': path.join(here, 'src') },
  proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' },
};

/**
 * Writes `.br` and `.gz` beside every script, style sheet and page the build emits, so the API server
 * sends them compressed without compressing per request (`preCompressed`, api/src/plugins/web.ts): a
 * tablet on a slow mobile link downloads the gzipped/brotli sizes that test/repo/bundle-size.test.ts
 * budgets, not the raw files.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'hl-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    writeBundle(_options, bundle) {
      for (const name of Object.keys(bundle).filter((f) => /\.(js|css|html)$/.test(f))) {
        const file = path.join(outDir, name);
        const raw = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}
