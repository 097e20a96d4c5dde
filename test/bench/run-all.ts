/**
 * `pnpm bench`: runs every benchmark script in test/bench (or those named on the command line, e.g.
 * `pnpm bench first-question enumerator-sync`)
 * one after another; each prints its figures and updates its section of BENCHMARKS.md, then the
 * summary of where each issue 16 target stands is rebuilt from what the scripts recorded.
 * `pnpm bench --embedded [names…]` runs them on the embedded PGlite instead of PostgreSQL (the
 * scripts that support it write embedded sections and figures beside the PostgreSQL ones).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTargetSummary } from './lib-benchmarks-md.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const embedded = args.includes('--embedded');
const wanted = args.filter((a) => !a.startsWith('--'));
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run-all.ts' && !f.startsWith('lib-'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f === w || f === `${w}.ts`))
  .sort();
if (scripts.length === 0) {
  console.error(`no benchmark matches ${wanted.join(', ')}`);
  process.exit(2);
}
const env = { ...process.env, ...(embedded ? { BENCH_ENGINE: 'embedded' } : {}) };
let failed = 0;
for (const s of scripts) {
  process.stdout.write(`\n=== ${s}${embedded ? ' (embedded)' : ''} ===\n`);
  const r = spawnSync(path.join(here, '../../node_modules/.bin/tsx'), [path.join(here, s)], { stdio: 'inherit', env });
  if (r.status !== 0) failed++;
}
writeTargetSummary();
process.exit(failed ? 1 : 0);
