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
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
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
  /** CPU time of the database's PostgreSQL backends per request, µs (when the round was given a pool to find them). */
  pgCpuUs?: number;
  /** Where a tail can come from in this process: event-loop delay p99 and the longest GC pause of the round, ms. */
  loopP99Ms?: number;
  gcMaxMs?: number;
}

export interface LoadOptions {
  /** Requests per client (default PER_CLIENT). */
  perClient?: number;
  /** Statuses counted as success (default 201). */
  ok?: readonly number[];
  /** Label of the round's CPU profile when BENCH_CPU_PROFILE is set. */
  profile?: string;
  /** A pool on the benchmark's database: the CPU time of its PostgreSQL backends is measured too. */
  backends?: pg.Pool;
}

/**
 * CPU time (user + system, µs) of every client backend of the pool's database so far, by pid, read
 * from /proc/<pid>/stat (PostgreSQL runs on this machine). Taken before and after a round, it gives
 * the database's share of a request: far steadier under a shared machine's load than requests/s.
 */
async function backendCpu(pool: pg.Pool): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`,
  );
  const tickUs = 1e6 / 100; // CLK_TCK is 100 on Linux
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the line.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(f[11]) + Number(f[12])) * tickUs);
    } catch {
      // The backend ended meanwhile.
    }
  }
  return out;
}

function backendCpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let us = 0;
  for (const [pid, t] of after) us += t - (before.get(pid) ?? 0);
  return us;
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
    const pg0 = opts.backends ? await backendCpu(opts.backends) : undefined;
    const loop = monitorEventLoopDelay({ resolution: 1 });
    let gcMaxMs = 0;
    const gc = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) gcMaxMs = Math.max(gcMaxMs, e.duration);
    });
    gc.observe({ entryTypes: ['gc'] });
    loop.enable();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    const s = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    loop.disable();
    gc.disconnect();
    const pgUs = pg0 && opts.backends ? backendCpuSince(pg0, await backendCpu(opts.backends)) : undefined;
    agent.destroy();
    lat.sort((a, b) => a - b);
    const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0;
    return {
      rps: lat.length / s,
      p50: pct(0.5),
      p99: pct(0.99),
      errors,
      cpuUs: (cpu.user + cpu.system) / lat.length,
      loopP99Ms: loop.percentile(99) / 1e6,
      gcMaxMs,
      ...(pgUs === undefined ? {} : { pgCpuUs: pgUs / lat.length }),
    };
  });
}

/** The round with the median throughput (its latencies are reported with it). */
export function medianRun(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  return sorted[Math.floor(sorted.length / 2)] ?? { rps: 0, p50: 0, p99: 0, errors: 0, cpuUs: 0 };
}

/** One line per run: req/s, latencies, errors and CPU per request (the process's, and PostgreSQL's when measured). */
export function describeRun(label: string, r: Run): string {
  const db = r.pgCpuUs === undefined ? '' : `, PostgreSQL backends ${Math.round(r.pgCpuUs)} µs/request`;
  const tail =
    r.loopP99Ms === undefined
      ? ''
      : `, event-loop delay p99 ${r.loopP99Ms.toFixed(1)} ms, longest GC pause ${(r.gcMaxMs ?? 0).toFixed(1)} ms`;
  return `${label}: ${Math.round(r.rps)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}, CPU ${Math.round(r.cpuUs)} µs/request${db}${tail}`;
}

/** The machine's load average (1, 5, 15 min), printed with every figure: the machine is shared. */
export async function loadAverage(): Promise<string> {
  const { loadavg } = await import('node:os');
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
}

/**
 * The floor's table has the shape of `responses`: its columns, defaults, checks and indexes (LIKE …
 * INCLUDING ALL), its foreign keys, and an insert trigger doing what `responses_tally_insert` does
 * (mark the form used, record the row pending in a table shaped like `tally_pending`). Each request
 * inserts the row the API would store for that channel (source, completion time), so the same
 * partial indexes take an entry: one INSERT per request into a table of the same shape.
 */
async function createFloorTable(pool: pg.Pool): Promise<void> {
  const exists = await pool.query(`select 1 from pg_class where relname = 'bench_floor'`);
  if (exists.rowCount) return;
  for (const q of [
    'create table bench_floor (like responses including all)',
    `alter table bench_floor add foreign key (campaign_id) references campaigns (id),
       add foreign key (form_id) references forms (id), add foreign key (unit_id) references units (id)`,
    'create table bench_floor_pending (like tally_pending including all)',
    `create function bench_floor_insert() returns trigger language plpgsql as $$
     begin
       update forms set first_used_at = now() where first_used_at is null and id in (select distinct form_id from new_rows);
       insert into bench_floor_pending (response_id, campaign_id, valid, unit_id, form_id, day, question_ids, answer_texts)
       select n.id, n.campaign_id, true, n.unit_id, n.form_id, response_tally_day(n.completed_at, n.received_at), a.question_ids, a.answer_texts
         from new_rows n cross join lateral response_tally_pairs(n.answers) a where n.review_state = 'valid';
       return null;
     end $$`,
    `create trigger bench_floor_insert after insert on bench_floor referencing new table as new_rows
       for each statement execute function bench_floor_insert()`,
  ])
    await pool.query(q);
}

/** What the floor receives: the session, and the source the API would store it under (device, address key). */
export interface FloorBody {
  clientId: string;
  answers: unknown;
  sourceId?: string;
  startedAt?: string;
  completedAt?: string;
}

export async function floorServer(
  url: string,
  poolSize = 10,
  channel = 'kiosk',
): Promise<{ url: string; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  await createFloorTable(pool);
  const ids = (
    await pool.query<{ campaign_id: string; form_id: number; unit_id: number }>(
      'select campaign_id, form_id, unit_id from responses limit 1',
    )
  ).rows[0];
  const hash = 'f'.repeat(64); // as long as a payload hash
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const b = JSON.parse(Buffer.concat(chunks).toString()) as FloorBody;
      pool
        .query(
          `insert into bench_floor (client_id, campaign_id, form_id, unit_id, channel, source_id, answers, payload_hash,
                                    started_at, completed_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10, now())) on conflict (client_id) do nothing returning id`,
          [
            b.clientId,
            ids?.campaign_id,
            ids?.form_id,
            ids?.unit_id,
            channel,
            b.sourceId ?? null,
            JSON.stringify(b.answers),
            hash,
            b.startedAt ?? null,
            b.completedAt ?? null,
          ],
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
