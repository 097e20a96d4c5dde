/**
 * Issue 5 benchmark: kiosk submissions over real HTTP at 32 concurrent clients, against a floor
 * started in the same run — a bare node:http + pg server doing one INSERT … ON CONFLICT DO NOTHING
 * per request into a table of the same shape as `responses` (same database, same pool size).
 * Targets: ≥ 60 % of the floor's requests/s, p99 < 50 ms. Also reports the gzipped JS the kiosk
 * page loads (target < 150 KB). Updates its section of BENCHMARKS.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { today, writeBenchSection } from './lib-benchmarks-md.ts';
import pg from 'pg';
import setup from '../support/global-setup.ts';
import { buildTestApp } from '../support/build-app.ts';
import { kioskBody, openSipasCampaign, pairKiosk, quickAnswers, type PairedKiosk } from '../../api/test/kiosk-fixtures.ts';

const CLIENTS = 32;
const PER_CLIENT = 150;
const POOL = 10;
const ROUNDS = 5;

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, headersOf: (client: number) => Record<string, string>, body: () => object): Promise<Run> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const lat: number[] = [];
  let errors = 0;
  const one = (payload: string, headers: Record<string, string>) =>
    new Promise<number>((resolve) => {
      const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
      req.end(payload);
    });
  const client = async (c: number) => {
    for (let i = 0; i < PER_CLIENT; i++) {
      const payload = JSON.stringify(body());
      const t0 = performance.now();
      const status = await one(payload, headersOf(c));
      lat.push(performance.now() - t0);
      if (status !== 201) errors++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  const s = (performance.now() - t0) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0;
  return { rps: lat.length / s, p50: pct(0.5), p99: pct(0.99), errors };
}

/** The round with the median throughput (its latencies are reported with it). */
function medianRun(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  return sorted[Math.floor(sorted.length / 2)] ?? { rps: 0, p50: 0, p99: 0, errors: 0 };
}

async function floorServer(url: string): Promise<{ url: string; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  await pool.query('create table if not exists bench_floor (like responses including defaults including indexes)');
  const ids = (await pool.query<{ campaign_id: string; form_id: number; unit_id: number }>('select campaign_id, form_id, unit_id from responses limit 1')).rows[0];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const b = JSON.parse(Buffer.concat(chunks).toString()) as { clientId: string; answers: unknown };
      pool
        .query(
          `insert into bench_floor (client_id, campaign_id, form_id, unit_id, channel, answers, payload_hash)
           values ($1, $2, $3, $4, 'kiosk', $5, 'x') on conflict (client_id) do nothing returning id`,
          [b.clientId, ids?.campaign_id, ids?.form_id, ids?.unit_id, JSON.stringify(b.answers)],
        )
        .then((r) => {
          res.writeHead(r.rowCount ? 201 : 200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: r.rows[0]?.id }));
        })
        .catch(() => {
          res.writeHead(500);
          res.end();
        });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      await new Promise((r) => server.close(r));
      await pool.end();
    },
  };
}

/** Gzipped size of the JS the kiosk page loads: the entry plus the kiosk chunk's static imports. */
function kioskBundleKb(): number | null {
  const dir = fileURLToPath(new URL('../../survey-web/dist/assets/', import.meta.url));
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir);
  const entry = files.find((f) => /^index-.*\.js$/.test(f));
  const kiosk = files.find((f) => /^kiosk-page-.*\.js$/.test(f));
  if (!entry || !kiosk) return null;
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f) || !files.includes(f)) return;
    seen.add(f);
    const src = readFileSync(dir + f, 'utf8');
    for (const m of src.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) if (m[1]) visit(m[1]);
  };
  visit(entry);
  visit(kiosk);
  return [...seen].reduce((a, f) => a + gzipSync(readFileSync(dir + f)).length, 0) / 1024;
}

async function main() {
  await setup();
  const t = await buildTestApp();
  try {
    await openSipasCampaign(t);
    // One tablet per client: submissions of one device are serialised by design (device row lock).
    const kiosks: PairedKiosk[] = [];
    // Counters of different units, as across a province.
    const units = readFileSync(fileURLToPath(new URL('../../db/seed/units-soctrang-2021.csv', import.meta.url)), 'utf8').split('\n').slice(1).map((l) => l.split(',')[0] ?? '').filter(Boolean);
    for (let c = 0; c < CLIENTS; c++) {
      kiosks.push(await pairKiosk(t, { unitCode: units[c % units.length], counterName: `Quầy ${c + 1}`, minIntervalSeconds: 0, hourlyCap: 1_000_000 }));
    }
    const auth = (c: number) => kiosks[c]?.auth ?? {};
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    let n = 0;
    const body = () => kioskBody(quickAnswers(1 + (n++ % 5)), new Date(Date.parse('2021-11-03T01:00:00Z') + n * 1000));
    await load(`${address}/api/v1/kiosk/responses`, auth, body); // warm-up
    const floor = await floorServer(t.database.url);
    await load(floor.url, () => ({}), body);
    // Same starting line for both sides: fresh statistics, and no timed checkpoint due mid-run.
    for (const q of ['vacuum analyze responses', 'vacuum analyze kiosk_devices', 'vacuum analyze bench_floor', 'checkpoint']) await t.app.pg.pool.query(q);
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
    const kb = kioskBundleKb();
    const ratio = api.rps / bare.rps;
    const lines = [
      `rounds (API / floor req/s): ${apiRuns.map((r, i) => `${Math.round(r.rps)} / ${Math.round(bareRuns[i]?.rps ?? 0)}`).join(', ')}`,
      `kiosk API (median round): ${Math.round(api.rps)} req/s, p50 ${api.p50.toFixed(1)} ms, p99 ${api.p99.toFixed(1)} ms, errors ${api.errors}`,
      `floor (node:http + pg, one INSERT; median round): ${Math.round(bare.rps)} req/s, p50 ${bare.p50.toFixed(1)} ms, p99 ${bare.p99.toFixed(1)} ms`,
      `ratio ${(100 * ratio).toFixed(0)} % of the floor (target ≥ 60 %: ${ratio >= 0.6 ? 'met' : 'NOT met'}); p99 < 50 ms: ${api.p99 < 50 ? 'met' : 'NOT met'}`,
      `kiosk JS (entry + kiosk chunk and its imports, gzipped): ${kb === null ? 'web app not built' : `${kb.toFixed(1)} KB (target < 150 KB: ${kb < 150 ? 'met' : 'NOT met'})`}`,
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
