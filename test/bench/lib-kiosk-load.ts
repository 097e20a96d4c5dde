/**
 * Shared by the ingest benchmarks (kiosk, online form, enumerator sync): the load generator (CLIENTS
 * concurrent keep-alive HTTP clients × PER_CLIENT requests each, latencies, throughput and the CPU time
 * this process spent per request), the median of alternating rounds, and the floor — a bare
 * node:http + pg server doing one INSERT … ON CONFLICT DO NOTHING per request into a table of the
 * same shape as `responses`.
 *
 * `BENCH_CPU_PROFILE=<dir>` writes a V8 CPU profile of each labelled round there (load generator and
 * server share this process, so compare a server's profile with the floor's of the same run).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';

export const CLIENTS = 32;
export const PER_CLIENT = 150;
/** Size factors every ingest benchmark runs at (issue 16: cost must grow linearly). */
export const SCALES = [1, 10] as const;

export interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time (user + system) of this process per request, µs: server and load generator together. */
  cpuUs: number;
}

export interface LoadOptions {
  /** Requests per client (default PER_CLIENT). */
  perClient?: number;
  /** Statuses counted as success (default 201). */
  ok?: readonly number[];
  /** Label of the round's CPU profile when BENCH_CPU_PROFILE is set. */
  profile?: string;
}

const profileDir = process.env.BENCH_CPU_PROFILE;
let inspector: Session | undefined;

async function profiled<T>(label: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!profileDir || !label) return fn();
  if (!inspector) {
    inspector = new Session();
    inspector.connect();
    await inspector.post('Profiler.enable');
  }
  await inspector.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await inspector.post('Profiler.stop');
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(path.join(profileDir, `${label}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
  }
}

export async function load(
  url: string | ((client: number, request: number) => string),
  headersOf: (client: number, request: number) => Record<string, string>,
  body: (client: number, request: number) => object,
  opts: LoadOptions = {},
): Promise<Run> {
  const perClient = opts.perClient ?? PER_CLIENT;
  const ok = opts.ok ?? [201];
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const lat: number[] = [];
  let errors = 0;
  const urlOf = typeof url === 'string' ? () => url : url;
  const one = (target: string, payload: string, headers: Record<string, string>) =>
    new Promise<number>((resolve) => {
      const req = http.request(
        target,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(payload);
    });
  const client = async (c: number) => {
    for (let i = 0; i < perClient; i++) {
      const payload = JSON.stringify(body(c, i));
      const t0 = performance.now();
      const status = await one(urlOf(c, i), payload, headersOf(c, i));
      lat.push(performance.now() - t0);
      if (!ok.includes(status)) errors++;
    }
  };
  return profiled(opts.profile, async () => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    const s = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    agent.destroy();
    lat.sort((a, b) => a - b);
    const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0;
    return { rps: lat.length / s, p50: pct(0.5), p99: pct(0.99), errors, cpuUs: (cpu.user + cpu.system) / lat.length };
  });
}

/** The round with the median throughput (its latencies are reported with it). */
export function medianRun(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  return sorted[Math.floor(sorted.length / 2)] ?? { rps: 0, p50: 0, p99: 0, errors: 0, cpuUs: 0 };
}

/** One line per run: req/s, latencies, errors and CPU per request. */
export function describeRun(label: string, r: Run): string {
  return `${label}: ${Math.round(r.rps)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}, CPU ${Math.round(r.cpuUs)} µs/request`;
}

/** The machine's load average (1, 5, 15 min), printed with every figure: the machine is shared. */
export async function loadAverage(): Promise<string> {
  const { loadavg } = await import('node:os');
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
}

export async function floorServer(url: string, poolSize = 10): Promise<{ url: string; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  await pool.query('create table if not exists bench_floor (like responses including defaults including indexes)');
  const ids = (
    await pool.query<{ campaign_id: string; form_id: number; unit_id: number }>(
      'select campaign_id, form_id, unit_id from responses limit 1',
    )
  ).rows[0];
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
