/**
 * Issue 16 benchmark: the online form 02 (`POST /api/v1/o/:unitCode/responses`) through the same load
 * harness and floor as the kiosk benchmark (lib-kiosk-load.ts): 32 concurrent clients, each answering
 * for its own unit, every form from its own address (citizens at home; the API trusts one proxy hop
 * and reads X-Forwarded-For, so the per-address rate limit and stuffing checks run as in production).
 * The unit limit is raised as the kiosk benchmark raises its tablets' caps: 32 units cannot take
 * 48,000 forms an hour without being flagged, and flagged bursts are not the path measured here.
 * Updates its section of BENCHMARKS.md; `pnpm bench --embedded online-submit` runs the API and the
 * floor on the embedded PGlite (as `pnpm start` without DATABASE_URL) and writes its own section.
 */
import { randomUUID } from 'node:crypto';
import { findForm } from '@hailong/forms';
import { benchCommand, benchEngine, engineLabel, today, writeBenchSection } from './lib-benchmarks-md.ts';
import { floorPool, ingestLines, provinceUnits, ROUNDS, runIngest, storedCount } from './lib-ingest-bench.ts';
import { CLIENTS, PER_CLIENT } from './lib-kiosk-load.ts';
import setup from '../support/global-setup.ts';
import { buildTestApp } from '../support/build-app.ts';
import { openSipasCampaign } from '../../api/test/kiosk-fixtures.ts';

const FORM = '02/2021-DVCTT';

async function main() {
  await setup();
  // Every form comes from its own address, so the default address limit (5 an hour) is never reached.
  const t = await buildTestApp(
    { trustProxy: 1, onlineLimits: { addressPerHour: 5, unitPerHour: 1_000_000 } },
    { engine: benchEngine },
  );
  try {
    await openSipasCampaign(t);
    const answers = findForm(FORM)?.example ?? {};
    const units = provinceUnits();
    let sent = 0;
    const body = () => ({ clientId: randomUUID(), formCode: FORM, answers });
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const unitOf = (c: number) => units[c % units.length] ?? 'ST34';
    const results = await runIngest(t, {
      name: 'online',
      channel: 'online',
      url: (c) => `${address}/api/v1/o/${unitOf(c)}/responses`,
      headers: () => {
        const n = sent++;
        return { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
      },
      body,
      // The API stores each form under its address's keyed hash: one new source per form here too.
      floorBody: () => ({ ...body(), sourceId: randomUUID() }),
      ok: [201],
      stored: () => storedCount(t, 'online'),
    });
    const { lines } = await ingestLines('online form API', results, {
      ratio: 1,
      p99Ms: 20,
      label: "the kiosk's mark, for comparison,",
    });
    for (const l of lines) console.log(l);
    writeBenchSection({
      key: 'online-submit',
      title: 'Issue 16 — online form 02 submissions',
      how: `\`${benchCommand('online-submit')}\` (${engineLabel()}, 2 cores shared by the database, the API and the load generator; fresh database, pool ${floorPool}; at 1× ${ROUNDS} alternating rounds of API then floor, median round reported, at 10× one round of each; ${CLIENTS} concurrent keep-alive HTTP clients × ${PER_CLIENT} (1×) or ${PER_CLIENT * 10} (10×) forms 02 each (the form's example answers), every form from its own address through one trusted proxy hop, unit limit raised to 1,000,000 an hour; the same floor as the kiosk benchmark${benchEngine === 'embedded' ? ', on the same PGlite as the API' : ''}; ${today()}):`,
      lines,
    });
  } finally {
    await t.close();
  }
}

await main();
