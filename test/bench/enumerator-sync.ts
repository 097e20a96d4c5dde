/**
 * Issue 6 benchmark: an enumerator batch sync of 10,000 forms (form 01/2021-TT, every question
 * answered) through the real route (`app.inject`, JSON in and out) into a fresh PostgreSQL
 * database, in batches of 1,000 (the app's outbox sends batches; the limit is 2,000). Then the same
 * 10,000 again (all duplicates). Target ≥ 2,000 forms/s. Updates its section of BENCHMARKS.md.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import setup from '../support/global-setup.ts';
import { buildTestApp } from '../support/build-app.ts';
import { assign, createEnumerator, createFieldCampaign, fieldForm, interview, sync } from '../../api/test/enumerator-fixtures.ts';

const TOTAL = 10_000;
const BATCH = 1_000;

async function timed(label: string, fn: () => Promise<number>) {
  const t0 = performance.now();
  const n = await fn();
  const s = (performance.now() - t0) / 1000;
  const line = `${label}: ${n} forms in ${s.toFixed(2)} s → ${Math.round(n / s)} forms/s`;
  console.log(line);
  return { line, rate: n / s };
}

async function main() {
  await setup();
  const t = await buildTestApp();
  try {
    const campaignId = await createFieldCampaign(t);
    const e = await createEnumerator(t);
    const a = await assign(t, campaignId, e.id, 'ST34', TOTAL);
    const form = await fieldForm(t, e.cookie);
    const forms = Array.from({ length: TOTAL }, (_, i) => interview(a, form, i + 1));
    const run = async (expect: string) => {
      let ok = 0;
      for (let i = 0; i < TOTAL; i += BATCH) ok += (await sync(t, e.cookie, forms.slice(i, i + BATCH))).filter((r) => r.status === expect).length;
      if (ok !== TOTAL) throw new Error(`expected ${TOTAL} ${expect}, got ${ok}`);
      return ok;
    };
    const first = await timed('first sync (all new)', () => run('stored'));
    const again = await timed('second sync (all duplicate)', () => run('duplicate'));
    writeSection([first.line, again.line], first.rate);
    if (first.rate < 2000) process.exitCode = 1;
  } finally {
    await t.close();
  }
}

function writeSection(lines: string[], rate: number) {
  const file = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
  const start = '<!-- bench:enumerator-sync -->';
  const end = '<!-- /bench:enumerator-sync -->';
  const section = [
    start,
    '## Issue 6 — enumerator batch sync',
    '',
    '`pnpm exec tsx test/bench/enumerator-sync.ts` (real PostgreSQL on 127.0.0.1, fresh database; `POST /api/v1/enumerator/sync` via `app.inject`, batches of 1,000 forms of 01/2021-TT; target ≥ 2,000 forms/s):',
    '',
    ...lines.map((l) => `- ${l}`),
    `- target ≥ 2,000 forms/s: ${rate >= 2000 ? 'met' : 'NOT met'} (${new Date().toISOString().slice(0, 10)})`,
    end,
  ].join('\n');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  writeFileSync(file, re.test(old) ? old.replace(re, section) : `${old.trimEnd()}\n\n${section}\n`);
}

await main();
