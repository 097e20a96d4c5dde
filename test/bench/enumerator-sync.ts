/**
 * Issue 6 benchmark: an enumerator batch sync of 10,000 forms (form 01/2021-TT, every question
 * answered) through the real route (`app.inject`, JSON in and out) into a fresh PostgreSQL
 * database, in batches of 1,000 (the app's outbox sends batches; the limit is 2,000). Then the same
 * 10,000 again (all duplicates). Target ≥ 2,000 forms/s. Updates its section of BENCHMARKS.md.
 */
import { today, writeBenchSection } from './lib-benchmarks-md.ts';
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
      for (let i = 0; i < TOTAL; i += BATCH)
        ok += (await sync(t, e.cookie, forms.slice(i, i + BATCH))).filter((r) => r.status === expect).length;
      if (ok !== TOTAL) throw new Error(`expected ${TOTAL} ${expect}, got ${ok}`);
      return ok;
    };
    const first = await timed('first sync (all new)', () => run('stored'));
    const again = await timed('second sync (all duplicate)', () => run('duplicate'));
    writeBenchSection({
      key: 'enumerator-sync',
      title: 'Issue 6 — enumerator batch sync',
      how: '`pnpm exec tsx test/bench/enumerator-sync.ts` (real PostgreSQL on 127.0.0.1, fresh database; `POST /api/v1/enumerator/sync` via `app.inject`, batches of 1,000 forms of 01/2021-TT; target ≥ 2,000 forms/s):',
      lines: [first.line, again.line, `target ≥ 2,000 forms/s: ${first.rate >= 2000 ? 'met' : 'NOT met'} (${today()})`],
    });
    if (first.rate < 2000) process.exitCode = 1;
  } finally {
    await t.close();
  }
}

await main();
