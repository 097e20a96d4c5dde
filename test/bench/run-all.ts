/**
 * `pnpm bench`: runs every benchmark script in test/bench (or those named on the command line)
 * one after another; each prints its figures and updates its section of BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run-all.ts' && !f.startsWith('lib-'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();
let failed = 0;
for (const s of scripts) {
  process.stdout.write(`\n=== ${s} ===\n`);
  const r = spawnSync(path.join(here, '../../node_modules/.bin/tsx'), [path.join(here, s)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
