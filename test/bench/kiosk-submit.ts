/**
 * Issues 5 and 16 benchmark: kiosk submissions over real HTTP at 32 concurrent clients, against a
 * floor started in the same run — a bare node:http + pg server doing one INSERT … ON CONFLICT DO
 * NOTHING per request into a table of the same shape as `responses` (same database, same pool size).
 * Target (issue 16): ≥ 100 % of the floor's requests/s, p99 < 20 ms, at 1× and 10× the sessions per
 * client. Also reports the gzipped JS the kiosk page loads (issue 16 target < 60 KB). Updates its
 * section of BENCHMARKS.md. `pnpm bench --embedded kiosk-submit` runs the API on the embedded PGlite
 * (as `pnpm start` without DATABASE_URL) and the floor on the same PGlite, and writes its own section.
 */
import { benchCommand, benchEngine, engineLabel, recordTargets, today, writeBenchSection } from './lib-benchmarks-md.ts';
import { floorPool, ingestLines, provinceUnits, ROUNDS, runIngest, storedCount } from './lib-ingest-bench.ts';
import { CLIENTS, PER_CLIENT } from './lib-kiosk-load.ts';
import setup from '../support/global-setup.ts';
import { frontDoors, initialJs } from '../support/bundle-size.ts';
import { buildTestApp } from '../support/build-app.ts';
import { EMBEDDED_TALLY_FOLD_BATCH, EMBEDDED_TALLY_FOLD_UNITS, foldTallies, TALLY_FOLD_BATCH } from '@hailong/worker';
import { kioskBody, openSipasCampaign, pairKiosk, quickAnswers, type PairedKiosk } from '../../api/test/kiosk-fixtures.ts';

async function main() {
  await setup();
  // With `--embedded` the API runs on the embedded PGlite and the floor inserts into the same PGlite.
  const t = await buildTestApp({}, { engine: benchEngine });
  try {
    await openSipasCampaign(t);
    // One tablet per client: submissions of one device are serialised by design (device row lock).
    const units = provinceUnits();
    const kiosks: PairedKiosk[] = [];
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
    let n = 0;
    const body = () => kioskBody(quickAnswers(1 + (n++ % 5)), new Date(Date.parse('2021-11-03T01:00:00Z') + n * 1000));
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    // As in production, the worker folds new responses into the SIPAS tallies every 2 s meanwhile.
    // Each fold that moved rows is timed: a burst of database CPU every 2 s that the floor's rounds do not
    // have (its rows are not folded), a likely source of the API's p99.
    // The worker's fold path on both engines: batches of TALLY_FOLD_BATCH on PostgreSQL, the launcher's
    // calls by units (EMBEDDED_TALLY_FOLD_BATCH, EMBEDDED_TALLY_FOLD_UNITS) on the embedded PGlite.
    const folds: number[] = [];
    const foldOnce = (): Promise<number> =>
      foldTallies(
        t.app.db,
        benchEngine === 'embedded'
          ? { batch: EMBEDDED_TALLY_FOLD_BATCH, units: EMBEDDED_TALLY_FOLD_UNITS }
          : { batch: TALLY_FOLD_BATCH },
      );
    const fold = setInterval(() => {
      const t0 = performance.now();
      void foldOnce().then(
        (n) => void (n > 0 && folds.push(performance.now() - t0)),
        () => undefined,
      );
    }, 2_000);
    const results = await runIngest(t, {
      name: 'kiosk',
      channel: 'kiosk',
      url: `${address}/api/v1/kiosk/responses`,
      headers: (c) => kiosks[c]?.auth ?? {},
      body,
      floorBody: (c) => ({ ...body(), sourceId: kiosks[c]?.id }),
      ok: [201],
      stored: () => storedCount(t, 'kiosk'),
    }).finally(() => clearInterval(fold));
    const { lines, met } = await ingestLines('kiosk API', results, { ratio: 1, p99Ms: 20 });
    folds.sort((a, b) => a - b);
    lines.push(
      `tally folds that moved rows during the run: ${folds.length}, median ${(folds[Math.floor(folds.length / 2)] ?? 0).toFixed(0)} ms, longest ${(folds.at(-1) ?? 0).toFixed(0)} ms`,
    );
    const one = results.find((r) => r.scale === 1);
    const ten = results.find((r) => r.scale === 10);
    if (one)
      recordTargets('kiosk-submit', [
        {
          target: 'ingest-floor',
          figure: `${(100 * one.ratio).toFixed(0)} % of the floor, p99 ${one.api.p99.toFixed(1)} ms (10×: ${ten ? `${(100 * ten.ratio).toFixed(0)} %, p99 ${ten.api.p99.toFixed(1)} ms` : 'not run'})`,
          met,
          // Time of the 10× run over the 1× run's (10 sessions for each one).
          ...(ten ? { ratio10x: (10 * one.api.rps) / ten.api.rps } : {}),
        },
      ]);
    const kb = initialJs(frontDoors.kiosk)?.kb ?? null;
    lines.push(
      `kiosk JS (what kiosk.html loads before its first question, gzipped): ${kb === null ? 'web app not built' : `${kb.toFixed(1)} KB (issue 16 target < 60 KB: ${kb < 60 ? 'met' : 'not met'})`}`,
    );
    for (const l of lines) console.log(l);
    writeBenchSection({
      key: 'kiosk-submit',
      title: 'Issues 5 and 16 — kiosk submissions',
      how: `\`${benchCommand('kiosk-submit')}\` (${engineLabel()}, 2 cores shared by the database, the API and the load generator; fresh database, pool ${floorPool}; at 1× ${ROUNDS} alternating rounds of API then floor, median round reported, at 10× one round of each; tally fold every 2 s through the worker's fold (${benchEngine === 'embedded' ? `calls of up to ${EMBEDDED_TALLY_FOLD_BATCH} responses of at most ${EMBEDDED_TALLY_FOLD_UNITS} units` : `batches of ${TALLY_FOLD_BATCH}`}); ${CLIENTS} concurrent keep-alive HTTP clients × ${PER_CLIENT} (1×) or ${PER_CLIENT * 10} (10×) quick-form sessions each, one paired tablet per client in 32 different units, against the API listening on loopback and against a bare node:http + pg server inserting into a table of the same shape in the same database${benchEngine === 'embedded' ? ' (the same PGlite, through its socket server, as the API)' : ''} (the columns, checks, indexes and foreign keys of \`responses\`, and an insert trigger recording each valid row as pending, as its tally trigger does; before 2026-12-02 the floor had neither the foreign keys nor the trigger); CPU per request is this process's (API or floor, and the load generator); design in docs/0005-kiosk-submit-path.md; build the web app first for the bundle figure; ${today()}):`,
      lines,
    });
  } finally {
    await t.close();
  }
}

await main();
