/**
 * Issue 5 benchmark: kiosk submissions over real HTTP at 32 concurrent clients, against a floor
 * started in the same run — a bare node:http + pg server doing one INSERT … ON CONFLICT DO NOTHING
 * per request into a table of the same shape as `responses` (same database, same pool size).
 * Targets: ≥ 60 % of the floor's requests/s, p99 < 50 ms. Also reports the gzipped JS the kiosk
 * page loads (issue 16 target < 60 KB). Updates its section of BENCHMARKS.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { today, writeBenchSection } from './lib-benchmarks-md.ts';
import { CLIENTS, floorServer, load, medianRun, PER_CLIENT, type Run } from './lib-kiosk-load.ts';
import setup from '../support/global-setup.ts';
import { frontDoors, initialJs } from '../support/bundle-size.ts';
import { buildTestApp } from '../support/build-app.ts';
import { kioskBody, openSipasCampaign, pairKiosk, quickAnswers, type PairedKiosk } from '../../api/test/kiosk-fixtures.ts';

const POOL = 10;
const ROUNDS = 5;

async function main() {
  await setup();
  const t = await buildTestApp();
  try {
    await openSipasCampaign(t);
    // One tablet per client: submissions of one device are serialised by design (device row lock).
    const kiosks: PairedKiosk[] = [];
    // Counters of different units, as across a province.
    const units = readFileSync(fileURLToPath(new URL('../../db/seed/units-soctrang-2021.csv', import.meta.url)), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0] ?? '')
      .filter(Boolean);
    for (let c = 0; c < CLIENTS; c++) {
      kiosks.push(
        await pairKiosk(t, {
          unitCode: units[c % units.length],
          counterName: `Quầy ${c + 1}`,
          minIntervalSeconds: 0,
          hourlyCap: 1_000_000,
        }),
      );
    }
    const auth = (c: number) => kiosks[c]?.auth ?? {};
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    let n = 0;
    const body = () => kioskBody(quickAnswers(1 + (n++ % 5)), new Date(Date.parse('2021-11-03T01:00:00Z') + n * 1000));
    await load(`${address}/api/v1/kiosk/responses`, auth, body); // warm-up
    const floor = await floorServer(t.database.url, POOL);
    await load(floor.url, () => ({}), body);
    // Same starting line for both sides: fresh statistics, and no timed checkpoint due mid-run.
    for (const q of ['vacuum analyze responses', 'vacuum analyze kiosk_devices', 'vacuum analyze bench_floor', 'checkpoint'])
      await t.app.pg.pool.query(q);
    // Alternate rounds so a change in machine load hits both sides alike; report the median round.
    // As in production, the worker folds new responses into the SIPAS tallies every 2 s meanwhile.
    const fold = setInterval(() => void t.app.pg.pool.query('select responses_tally_fold(5000)').catch(() => undefined), 2_000);
    const apiRuns: Run[] = [];
    const bareRuns: Run[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      apiRuns.push(await load(`${address}/api/v1/kiosk/responses`, auth, body));
      bareRuns.push(await load(floor.url, () => ({}), body));
    }
    clearInterval(fold);
    await floor.close();
    const api = medianRun(apiRuns);
    const bare = medianRun(bareRuns);
    const kb = initialJs(frontDoors.kiosk)?.kb ?? null;
    const ratio = api.rps / bare.rps;
    const lines = [
      `rounds (API / floor req/s): ${apiRuns.map((r, i) => `${Math.round(r.rps)} / ${Math.round(bareRuns[i]?.rps ?? 0)}`).join(', ')}`,
      `kiosk API (median round): ${Math.round(api.rps)} req/s, p50 ${api.p50.toFixed(1)} ms, p99 ${api.p99.toFixed(1)} ms, errors ${api.errors}`,
      `floor (node:http + pg, one INSERT; median round): ${Math.round(bare.rps)} req/s, p50 ${bare.p50.toFixed(1)} ms, p99 ${bare.p99.toFixed(1)} ms`,
      `ratio ${(100 * ratio).toFixed(0)} % of the floor (target ≥ 60 %: ${ratio >= 0.6 ? 'met' : 'NOT met'}); p99 < 50 ms: ${api.p99 < 50 ? 'met' : 'NOT met'}`,
      `kiosk JS (what kiosk.html loads before its first question, gzipped): ${kb === null ? 'web app not built' : `${kb.toFixed(1)} KB (issue 16 target < 60 KB: ${kb < 60 ? 'met' : 'not met'})`}`,
    ];
    for (const l of lines) console.log(l);
    writeBenchSection({
      key: 'kiosk-submit',
      title: 'Issue 5 — kiosk submissions',
      how: `\`pnpm exec tsx test/bench/kiosk-submit.ts\` (real PostgreSQL on 127.0.0.1, 2 cores shared by the database, the API and the load generator; fresh database, pool ${POOL}; ${ROUNDS} alternating rounds of API then floor, median round reported, tally fold every 2 s as the worker does; ${CLIENTS} concurrent keep-alive HTTP clients × ${PER_CLIENT} quick-form sessions each, one paired tablet per client in 32 different units, against the API listening on loopback and against a bare node:http + pg server inserting into a table of the same shape; design in docs/0005-kiosk-submit-path.md; build the web app first for the bundle figure; ${today()}):`,
      lines,
    });
  } finally {
    await t.close();
  }
}

await main();
