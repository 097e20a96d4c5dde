/**
 * One ingest benchmark (kiosk, online form, enumerator sync) against the floor of lib-kiosk-load.ts,
 * at each size of SCALES: at 1× ROUNDS alternating rounds (API then floor, median round reported),
 * at 10× one round of each (ten times the sessions per client). Every round's sessions must be stored:
 * the rows the API wrote are counted in the database afterwards.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CLIENTS,
  describeRun,
  floorServer,
  load,
  loadAverage,
  medianRun,
  PER_CLIENT,
  SCALES,
  type FloorBody,
  type Run,
} from './lib-kiosk-load.ts';
import { benchEngine } from './lib-benchmarks-md.ts';
import type { TestApp } from '../support/build-app.ts';

/** Rounds at 1× (3 on the embedded PGlite, whose floor is slower: a run stays within minutes). */
export const ROUNDS = benchEngine === 'embedded' ? 3 : 5;
export const POOL = 10;
/**
 * On the embedded PGlite the API's pool is the launcher's (8) and the floor gets as many connections:
 * both share the one PGlite session through its socket server, as the API does with the worker.
 */
export const EMBEDDED_POOL = 8;
/** The floor's pool size on the engine this run uses. */
export const floorPool = benchEngine === 'embedded' ? EMBEDDED_POOL : POOL;

export interface IngestTarget {
  /** Short name used in profile labels and lines ('kiosk', 'online', 'sync'). */
  name: string;
  /** The channel of the rows it stores (the floor stores its rows under the same one). */
  channel: string;
  url: string | ((client: number, request: number) => string);
  headers: (client: number, request: number) => Record<string, string>;
  body: (client: number, request: number) => object;
  /** The same session as the floor receives it, with the source the API stores it under. */
  floorBody: (client: number, request: number) => FloorBody;
  ok: readonly number[];
  /** Rows the API has stored so far (checked against the requests sent). */
  stored: () => Promise<number>;
}

export interface ScaleResult {
  scale: number;
  api: Run;
  floor: Run;
  ratio: number;
  rounds: string;
}

export async function runIngest(t: TestApp, target: IngestTarget, onRound?: () => void): Promise<ScaleResult[]> {
  const warm = { perClient: 20, ok: target.ok };
  await load(target.url, target.headers, target.body, warm);
  const floor = await floorServer(t.database.url, floorPool, target.channel);
  try {
    const warmFloor = await load(floor.url, () => ({}), target.floorBody, { ...warm, ok: [201] });
    if (warmFloor.errors) throw new Error(`floor: ${warmFloor.errors} warm-up inserts failed`);
    const results: ScaleResult[] = [];
    for (const scale of SCALES) {
      // Same starting line for both sides: fresh statistics, and no timed checkpoint due mid-run.
      for (const q of ['vacuum analyze responses', 'vacuum analyze bench_floor', 'checkpoint']) await t.app.pg.pool.query(q);
      const perClient = PER_CLIENT * scale;
      const rounds = scale === 1 ? ROUNDS : 1;
      const apiRuns: Run[] = [];
      const floorRuns: Run[] = [];
      for (let r = 0; r < rounds; r++) {
        const before = await target.stored();
        const label = `${target.name}-${scale}x`;
        // PGlite has no backend processes to read the CPU time of: the process's own CPU covers it.
        const backends = benchEngine === 'embedded' ? undefined : t.app.pg.pool;
        apiRuns.push(
          await load(target.url, target.headers, target.body, { perClient, ok: target.ok, profile: `${label}-api`, backends }),
        );
        const stored = (await target.stored()) - before;
        if (stored !== CLIENTS * perClient)
          throw new Error(`${target.name}: ${CLIENTS * perClient} sessions sent, ${stored} stored`);
        const floorRun = await load(floor.url, () => ({}), target.floorBody, { perClient, profile: `${label}-floor`, backends });
        // A floor that fails its inserts answers fast and would flatter the API: stop instead.
        if (floorRun.errors) throw new Error(`floor: ${floorRun.errors} of ${CLIENTS * perClient} inserts failed`);
        floorRuns.push(floorRun);
        onRound?.();
      }
      const api = medianRun(apiRuns);
      const bare = medianRun(floorRuns);
      results.push({
        scale,
        api,
        floor: bare,
        ratio: api.rps / bare.rps,
        rounds: apiRuns.map((a, i) => `${Math.round(a.rps)} / ${Math.round(floorRuns[i]?.rps ?? 0)}`).join(', '),
      });
    }
    return results;
  } finally {
    await floor.close();
  }
}

/** The lines of a BENCHMARKS.md section: each size's rounds, API and floor runs, ratio to the floor, 10× vs 1×. */
export async function ingestLines(
  what: string,
  results: ScaleResult[],
  targets: { ratio: number; p99Ms: number; /** How the mark is named on each line (default 'target'). */ label?: string },
): Promise<{ lines: string[]; met: boolean }> {
  const lines: string[] = [];
  let met = true;
  for (const r of results) {
    const sessions = PER_CLIENT * r.scale;
    lines.push(`${r.scale}× (${CLIENTS} clients × ${sessions} sessions) rounds (API / floor req/s): ${r.rounds}`);
    lines.push(describeRun(`${r.scale}× ${what}${r.scale === 1 ? ' (median round)' : ''}`, r.api));
    lines.push(
      describeRun(`${r.scale}× floor (node:http + pg, one INSERT${benchEngine === 'embedded' ? ', same PGlite' : ''})`, r.floor),
    );
    const ok = r.ratio >= targets.ratio && r.api.p99 < targets.p99Ms;
    met &&= ok;
    lines.push(
      `${r.scale}×: ${(100 * r.ratio).toFixed(0)} % of the floor, p99 ${r.api.p99.toFixed(1)} ms (${targets.label ?? 'target'} ≥ ${(100 * targets.ratio).toFixed(0)} % and p99 < ${targets.p99Ms} ms: ${ok ? 'met' : 'NOT met'})`,
    );
  }
  const one = results.find((r) => r.scale === 1);
  const ten = results.find((r) => r.scale === 10);
  if (one && ten)
    lines.push(
      `10× vs 1×: req/s ratio ${(ten.api.rps / one.api.rps).toFixed(2)} (floor ${(ten.floor.rps / one.floor.rps).toFixed(2)}), CPU per request ratio ${(ten.api.cpuUs / one.api.cpuUs).toFixed(2)} (1.00 = cost grows linearly with size)`,
    );
  lines.push(`load average at the end (1, 5, 15 min; 2 cores): ${await loadAverage()}`);
  return { lines, met };
}

/** Unit codes of the seeded province (Sóc Trăng 2021): clients spread over units as across a province. */
export function provinceUnits(): string[] {
  return readFileSync(fileURLToPath(new URL('../../db/seed/units-soctrang-2021.csv', import.meta.url)), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0] ?? '')
    .filter(Boolean);
}

/** Responses stored through one channel so far. */
export async function storedCount(t: TestApp, channel: string): Promise<number> {
  const res = await t.app.pg.pool.query<{ n: number }>('select count(*)::int as n from responses where channel = $1', [channel]);
  return res.rows[0]?.n ?? 0;
}
