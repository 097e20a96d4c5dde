/**
 * The staff console (index.html: /admin, /supervision, /setup, /s/<token>) on React. The respondent
 * apps are a second build on Preact (vite.respondent.config.ts) into the same dist/; `pnpm build`
 * runs this one first (it empties dist/ and copies public/).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompress, RELEASE, shared } from './vite.shared.ts';

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
  plugins: [react(), workerRelease(), precompress()],
  define: shared.define,
  resolve: { alias: shared.alias },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { proxy: shared.proxy },
});
