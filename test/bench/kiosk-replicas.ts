/**
 * Issue 15 benchmark: kiosk ingest through one API process and through two, from the compiled build
 * (`node server/dist/main.mjs api`, as in production), both behind the same round-robin reverse proxy
 * (test/support/round-robin-proxy.ts) with a separate worker folding the tallies, against the floor of
 * the kiosk-submit benchmark (a bare node:http + pg server, lib-kiosk-load.ts) in the same run.
 * Alternating rounds; the median round of each is reported. Updates its section of BENCHMARKS.md.
 */
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresOnly, today, writeBenchSection } from './lib-benchmarks-md.ts';
import { CLIENTS, floorServer, load, medianRun, PER_CLIENT, type Run } from './lib-kiosk-load.ts';
import setup from '../support/global-setup.ts';
import serverBuild from '../support/server-build.ts';
import { TEST_TOKEN_SECRET } from '../support/env.ts';
import { createTestDatabase, queryDatabase } from '../support/pg.ts';
import { removeKeys, TEST_REDIS_URL, uniquePrefix } from '../support/redis.ts';
import { startRoundRobinProxy } from '../support/round-robin-proxy.ts';
import { freePort, startServerProcess, waitForStatus, type ServerProcess } from '../support/server-process.ts';
import { kioskBody, quickAnswers } from '../../api/test/kiosk-fixtures.ts';

const ROUNDS = 5;
const API_POOL = 20; // the `api` role's pool (server/src/roles.ts)
const ADMIN = { email: 'admin@example.vn', password: 'Bench-Pass-2026!' };

/** POST JSON from a chosen loopback address (each tablet pairs as its own caller: pairing is limited per address). */
function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  localAddress?: string,
): Promise<{ status: number; text: string; cookie?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, ...(localAddress ? { localAddress } : {}) },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text,
            cookie: (res.headers['set-cookie'] ?? []).find((c) => c.startsWith('hl_session='))?.split(';')[0],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

async function pairTablets(baseUrl: string): Promise<string[]> {
  const login = await post(`${baseUrl}/api/v1/auth/login`, ADMIN);
  if (!login.cookie) throw new Error(`login: ${login.status} ${login.text}`);
  const cookie = { cookie: login.cookie };
  const campaign = await post(
    `${baseUrl}/api/v1/campaigns`,
    {
      kind: 'sipas',
      name: 'SIPAS bench',
      year: 2021,
      opensAt: '2020-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
      settings: {},
    },
    cookie,
  );
  if (campaign.status !== 201) throw new Error(`campaign: ${campaign.status} ${campaign.text}`);
  const units = readFileSync(fileURLToPath(new URL('../../db/seed/units-soctrang-2021.csv', import.meta.url)), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0] ?? '')
    .filter(Boolean);
  const tokens: string[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const kiosk = await post(
      `${baseUrl}/api/v1/kiosks`,
      { unitCode: units[c % units.length], counterName: `Quầy ${c + 1}`, minIntervalSeconds: 0, hourlyCap: 1_000_000 },
      cookie,
    );
    if (kiosk.status !== 201) throw new Error(`kiosk: ${kiosk.status} ${kiosk.text}`);
    const paired = await post(
      `${baseUrl}/api/v1/kiosk/pair`,
      { pairingCode: (JSON.parse(kiosk.text) as { pairingCode: string }).pairingCode },
      {},
      `127.0.1.${c + 1}`,
    );
    if (paired.status !== 200) throw new Error(`pair: ${paired.status} ${paired.text}`);
    tokens.push((JSON.parse(paired.text) as { deviceToken: string }).deviceToken);
  }
  return tokens;
}

const fmt = (r: Run) => `${Math.round(r.rps)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}`;

async function main() {
  if (postgresOnly('two API processes share one PostgreSQL; the embedded database lives inside a single process')) return;
  const loadAtStart = os.loadavg()[0] ?? 0;
  await setup();
  serverBuild();
  const database = await createTestDatabase();
  const prefix = uniquePrefix();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hl-bench-replicas-'));
  const ports = [await freePort(), await freePort()];
  const one = await startRoundRobinProxy(ports.slice(0, 1));
  const two = await startRoundRobinProxy(ports);
  const env = (extra: Record<string, string> = {}) => ({
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    TOKEN_SECRET: TEST_TOKEN_SECRET,
    PUBLIC_URL: two.url,
    TRUST_PROXY: 'loopback',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    ...extra,
  });
  const processes: ServerProcess[] = [];
  try {
    const migrate = startServerProcess('migrate', env({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }));
    processes.push(migrate);
    if ((await migrate.exited) !== 0) throw new Error(`migrate failed:\n${migrate.output()}`);
    const apis = ports.map((port) => startServerProcess('api', env({ HOST: '127.0.0.1', PORT: String(port) })));
    processes.push(...apis, startServerProcess('worker', env()));
    await Promise.all(apis.map((p, i) => waitForStatus(`http://127.0.0.1:${ports[i]}/readyz`, p)));
    const tokens = await pairTablets(two.url);
    const auth = (c: number) => ({ authorization: `Bearer ${tokens[c] ?? ''}` });
    let n = 0;
    const body = () => kioskBody(quickAnswers(1 + (n++ % 5)), new Date(Date.parse('2021-11-03T01:00:00Z') + n * 1000));
    await load(`${two.url}/api/v1/kiosk/responses`, auth, body); // warm-up of both replicas
    const floor = await floorServer(database.url, API_POOL);
    await load(floor.url, () => ({}), body);
    for (const q of ['vacuum analyze responses', 'vacuum analyze kiosk_devices', 'vacuum analyze bench_floor', 'checkpoint'])
      await queryDatabase(database.url, q);
    const runs = { one: [] as Run[], two: [] as Run[], floor: [] as Run[] };
    for (let round = 0; round < ROUNDS; round++) {
      runs.one.push(await load(`${one.url}/api/v1/kiosk/responses`, auth, body));
      runs.two.push(await load(`${two.url}/api/v1/kiosk/responses`, auth, body));
      runs.floor.push(await load(floor.url, () => ({}), body));
    }
    await floor.close();
    const [a, b, f] = [medianRun(runs.one), medianRun(runs.two), medianRun(runs.floor)];
    const loadAtEnd = os.loadavg()[0] ?? 0;
    const lines = [
      `rounds (one process / two processes / floor, req/s): ${runs.one.map((r, i) => `${Math.round(r.rps)} / ${Math.round(runs.two[i]?.rps ?? 0)} / ${Math.round(runs.floor[i]?.rps ?? 0)}`).join(', ')}`,
      `one API process behind the proxy (median round): ${fmt(a)}`,
      `two API processes behind the proxy (median round): ${fmt(b)}; ${(b.rps / a.rps).toFixed(2)}× one process`,
      `floor (node:http + pg, one INSERT, direct; median round): ${fmt(f)}; one process ${((100 * a.rps) / f.rps).toFixed(0)} %, two processes ${((100 * b.rps) / f.rps).toFixed(0)} % of it`,
      `load average (1 min) at the start / end of the run: ${loadAtStart.toFixed(1)} / ${loadAtEnd.toFixed(1)} on ${os.cpus().length} cores (the machine was shared with other work: compare the columns of one round, not runs of different days)`,
    ];
    for (const l of lines) console.log(l);
    writeBenchSection({
      key: 'kiosk-replicas',
      title: 'Issue 15 — kiosk ingest through one and two API processes',
      how: `\`pnpm bench kiosk-replicas\` (the compiled build, \`node server/dist/main.mjs api\`, NODE_ENV=production, pool ${API_POOL} per process; real PostgreSQL and Redis on 127.0.0.1, a separate worker process folding tallies; both set-ups behind the same round-robin node:http proxy that sets X-Forwarded-For, running in the load generator's process; the floor is reached directly; ${ROUNDS} alternating rounds of one process / two processes / floor, median round reported; ${CLIENTS} concurrent keep-alive clients × ${PER_CLIENT} quick-form sessions each, one paired tablet per client; 2 cores shared by PostgreSQL, the API processes, the proxy and the load generator, so a second process adds no cores here; ${today()}):`,
      lines,
    });
  } finally {
    await Promise.allSettled(processes.map((p) => p.stop()));
    await one.close();
    await two.close();
    await removeKeys(prefix);
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
