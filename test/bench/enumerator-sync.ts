/**
 * Issue 6 benchmark: an enumerator batch sync of forms (form 01/2021-TT, every question answered)
 * through the real route (`app.inject`, JSON in and out) into a fresh database, in batches of 1,000
 * (the app's outbox sends batches; the limit is 2,000), then the same forms again (all duplicates);
 * at 1,000 and 10× that, 10,000 forms. Target ≥ 2,000 forms/s at 10,000. Updates its section of
 * BENCHMARKS.md and records its target (`pnpm bench --embedded enumerator-sync` on the embedded PGlite).
 */
import { benchCommand, benchEngine, engineLabel, recordTargets, today, writeBenchSection } from './lib-benchmarks-md.ts';
import setup from '../support/global-setup.ts';
import { buildTestApp } from '../support/build-app.ts';
import { assign, createEnumerator, createFieldCampaign, fieldForm, interview, sync } from '../../api/test/enumerator-fixtures.ts';

const SIZES = [1_000, 10_000];
const BATCH = 1_000;
const TARGET = 2_000;

async function timed(label: string, fn: () => Promise<number>) {
  const t0 = performance.now();
  const n = await fn();
  const s = (performance.now() - t0) / 1000;
  const line = `${label}: ${n} forms in ${s.toFixed(2)} s → ${Math.round(n / s)} forms/s`;
  console.log(line);
  return { line, rate: n / s, s };
}

/** One size on its own fresh database: the first sync (all new) and the same forms again (all duplicates). */
async function measure(total: number) {
  const t = await buildTestApp({}, { engine: benchEngine });
  try {
    const campaignId = await createFieldCampaign(t);
    const e = await createEnumerator(t);
    const a = await assign(t, campaignId, e.id, 'ST34', total);
    const form = await fieldForm(t, e.cookie);
    const forms = Array.from({ length: total }, (_, i) => interview(a, form, i + 1));
    const run = async (expect: string) => {
      let ok = 0;
      for (let i = 0; i < total; i += BATCH)
        ok += (await sync(t, e.cookie, forms.slice(i, i + BATCH))).filter((r) => r.status === expect).length;
      if (ok !== total) throw new Error(`expected ${total} ${expect}, got ${ok}`);
      return ok;
    };
    const first = await timed(`${total.toLocaleString('en')} forms, first sync (all new)`, () => run('stored'));
    const again = await timed(`${total.toLocaleString('en')} forms, second sync (all duplicate)`, () => run('duplicate'));
    return { first, again };
  } finally {
    await t.close();
  }
}

async function main() {
  await setup();
  const [small, big] = [await measure(SIZES[0] ?? 0), await measure(SIZES[1] ?? 0)];
  if (!small || !big) throw new Error('no sizes');
  const ratio = big.first.s / small.first.s;
  const met = big.first.rate >= TARGET;
  writeBenchSection({
    key: 'enumerator-sync',
    title: 'Issue 6 — enumerator batch sync',
    how: `\`${benchCommand('enumerator-sync')}\` (${engineLabel()}, fresh database per size; \`POST /api/v1/enumerator/sync\` via \`app.inject\`, batches of 1,000 forms of 01/2021-TT; target ≥ 2,000 forms/s at 10,000 forms):`,
    lines: [
      small.first.line,
      small.again.line,
      big.first.line,
      big.again.line,
      `10,000 / 1,000 forms took ${ratio.toFixed(1)}× the time for 10× the forms (first sync)`,
      `target ≥ 2,000 forms/s: ${met ? 'met' : 'NOT met'} (${today()})`,
    ],
  });
  recordTargets('enumerator-sync', [
    {
      target: 'enumerator-sync',
      figure: `${Math.round(big.first.rate).toLocaleString('en')} forms/s at 10,000 forms`,
      met,
      ratio10x: ratio,
    },
  ]);
  if (!met) process.exitCode = 1;
}

await main();
