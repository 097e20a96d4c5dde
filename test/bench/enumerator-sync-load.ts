/**
 * Issue 16 benchmark: the enumerator sync (`POST /api/v1/enumerator/sync`) through the same load
 * harness and floor as the kiosk benchmark (lib-kiosk-load.ts): 32 enumerators, each logged in with
 * its own session and assignment, each request one finished interview (form 01/2021-TT, every question
 * answered) — the app syncing as soon as an interview ends, one row per request like the floor.
 * Each enumerator logs in and syncs from its own address (phones on their own networks; the API trusts
 * one proxy hop and reads X-Forwarded-For), so the per-address login limit counts as in production.
 * Batch throughput (1,000 forms a request) is enumerator-sync.ts. Updates its section of BENCHMARKS.md.
 */
import { postgresOnly, today, writeBenchSection } from './lib-benchmarks-md.ts';
import { ingestLines, POOL, provinceUnits, ROUNDS, runIngest, storedCount } from './lib-ingest-bench.ts';
import { CLIENTS, PER_CLIENT } from './lib-kiosk-load.ts';
import setup from '../support/global-setup.ts';
import { buildTestApp } from '../support/build-app.ts';
import { assign, createEnumerator, createFieldCampaign, fieldForm, interview } from '../../api/test/enumerator-fixtures.ts';

async function main() {
  if (postgresOnly('the floor it is compared with runs on PostgreSQL')) return;
  await setup();
  const t = await buildTestApp({ trustProxy: 1 });
  try {
    const campaignId = await createFieldCampaign(t);
    const units = provinceUnits();
    const enumerators: { cookie: string; assignmentId: string }[] = [];
    const addressOf = (c: number) => `10.20.${c >> 8}.${c & 255}`;
    for (let c = 0; c < CLIENTS; c++) {
      const e = await createEnumerator(t, undefined, addressOf(c));
      const assignmentId = await assign(t, campaignId, e.id, units[c % units.length] ?? 'ST34', 100_000);
      enumerators.push({ cookie: e.cookie, assignmentId });
    }
    const form = await fieldForm(t, enumerators[0]?.cookie ?? '');
    let seed = 0;
    const formOf = (c: number) => interview(enumerators[c]?.assignmentId ?? '', form, ++seed);
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const results = await runIngest(t, {
      name: 'sync',
      channel: 'enumerator',
      url: `${address}/api/v1/enumerator/sync`,
      headers: (c) => ({ cookie: enumerators[c]?.cookie ?? '', 'x-forwarded-for': addressOf(c) }),
      body: (c) => ({ forms: [formOf(c)] }),
      floorBody: (c) => ({ ...formOf(c), sourceId: enumerators[c]?.assignmentId }),
      ok: [200],
      stored: () => storedCount(t, 'enumerator'),
    });
    const { lines } = await ingestLines('enumerator sync API', results, {
      ratio: 1,
      p99Ms: 20,
      label: "the kiosk's mark, for comparison,",
    });
    for (const l of lines) console.log(l);
    writeBenchSection({
      key: 'enumerator-sync-load',
      title: 'Issue 16 — enumerator sync, one interview a request',
      how: `\`pnpm bench enumerator-sync-load\` (real PostgreSQL on 127.0.0.1, 2 cores shared by the database, the API and the load generator; fresh database, pool ${POOL}; at 1× ${ROUNDS} alternating rounds of API then floor, median round reported, at 10× one round of each; ${CLIENTS} enumerators, each logged in and syncing from its own address through one trusted proxy hop, one assignment each in 32 units, × ${PER_CLIENT} (1×) or ${PER_CLIENT * 10} (10×) sync requests of one form 01/2021-TT each; every interview checked stored; the same floor as the kiosk benchmark, the kiosk's mark shown for comparison; ${today()}):`,
      lines,
    });
  } finally {
    await t.close();
  }
}

await main();
