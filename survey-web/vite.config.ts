import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}

/**
 * The release: a hash of what the web app is built from (its sources, public files and the shared
 * packages). It names the service workers' caches, so a new release installs a new worker that
 * deletes the previous release's files on activation, and tablets report it in their heartbeat.
 */
function releaseId(): string {
  const h = createHash('sha256');
  for (const dir of ['src', 'public', '../packages/contracts/src', '../packages/forms/src']) {
    for (const f of filesUnder(path.join(here, dir)).sort()) h.update(path.relative(here, f)).update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 12);
}

const RELEASE = releaseId();
const WORKERS = ['sw.js', 'enumerator-sw.js'];

/** Writes the release into the built service workers (they are copied from public/ as they are). */
function workerRelease(): Plugin {
  let outDir = 'dist';
  return {
    name: 'hl-worker-release',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    writeBundle() {
      for (const w of WORKERS) {
        const file = path.join(outDir, w);
        writeFileSync(file, readFileSync(file, 'utf8').replaceAll('__HL_RELEASE__', RELEASE));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), workerRelease()],
  define: { __HL_RELEASE__: JSON.stringify(RELEASE) },
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' } },
});
