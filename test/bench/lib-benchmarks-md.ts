/**
 * Shared by the benchmark scripts: replaces (or appends) one script's section of BENCHMARKS.md,
 * delimited by `<!-- bench:<key> -->` … `<!-- /bench:<key> -->`, so each script owns its figures.
 *
 * Each script also states where the issue 16 targets it measures stand, with one `recordTargets()`
 * call: the figures go to test/bench/results/<script>[.embedded].json (with date, engine and load
 * average), and the "where each target stands" section of BENCHMARKS.md is rebuilt from every
 * result file (`writeTargetSummary()`, also run at the end of `pnpm bench`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCHMARKS_MD = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
const RESULTS_DIR = fileURLToPath(new URL('./results', import.meta.url));

/** The database a benchmark runs on: PostgreSQL, or with `pnpm bench --embedded` the embedded PGlite. */
export type BenchEngine = 'postgres' | 'embedded';
export const benchEngine: BenchEngine = process.env.BENCH_ENGINE === 'embedded' ? 'embedded' : 'postgres';
export const engineLabel = (engine: BenchEngine = benchEngine): string =>
  engine === 'embedded' ? 'embedded PGlite (as `pnpm start` without DATABASE_URL)' : 'real PostgreSQL on 127.0.0.1';
/** The command that runs one benchmark on this run's engine, e.g. `pnpm bench --embedded kiosk-submit`. */
export const benchCommand = (name: string): string => `pnpm bench${benchEngine === 'embedded' ? ' --embedded' : ''} ${name}`;

export interface BenchSection {
  key: string;
  title: string;
  /** The command and the conditions it ran under (one paragraph). */
  how: string;
  lines: string[];
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function replaceSection(key: string, body: string[]): void {
  const start = `<!-- bench:${key} -->`;
  const end = `<!-- /bench:${key} -->`;
  const section = [start, ...body, end].join('\n');
  const old = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : '# Benchmarks\n';
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  writeFileSync(BENCHMARKS_MD, re.test(old) ? old.replace(re, () => section) : `${old.trimEnd()}\n\n${section}\n`);
}

/**
 * For a script that measures nothing the embedded engine changes, or cannot run on it: on
 * `pnpm bench --embedded` it says why and writes no section (a section titled "embedded PGlite"
 * must hold figures measured on it). Returns true when the script should stop.
 */
export function postgresOnly(why: string): boolean {
  if (benchEngine !== 'embedded') return false;
  console.log(`PostgreSQL only: ${why} (no embedded section written)`);
  return true;
}

/** A script's section; a run on the embedded engine writes its own section beside the PostgreSQL one. */
export function writeBenchSection({ key, title, how, lines }: BenchSection): void {
  const embedded = benchEngine === 'embedded';
  replaceSection(embedded ? `${key}.embedded` : key, [
    `## ${title}${embedded ? ' — embedded PGlite' : ''}`,
    '',
    how,
    '',
    ...lines.map((l) => `- ${l}`),
  ]);
}

/** The targets of issue 16 (and the enumerator sync target of issue 6), in the order the summary lists them. */
export const TARGETS = {
  'ingest-floor': 'Kiosk ingest ≥ 100 % of the one-INSERT-per-request floor, p99 < 20 ms at 32 concurrent clients',
  'fold-rate': 'Tally fold ≥ 3× the peak ingest rate',
  'results-unfolded': 'Results pages < 100 ms with 10⁵ responses unfolded',
  'respondent-js': 'Initial JavaScript: kiosk < 60 KB, online form and enumerator < 100 KB gzipped',
  'first-question': 'First question visible < 1.5 s on the throttled tablet profile (4× CPU, fast 3G)',
  'staff-mail': '61,100 invitations queued and delivered to a loopback SMTP server < 3 min',
  'response-rates': 'Response rates p95 < 100 ms at 10⁶ invitations',
  'respondent-import': 'Respondent import of 61,100 rows (CSV and XLSX) < 30 s with the per-row error report',
  'enumerator-sync': 'Enumerator batch sync ≥ 2,000 forms/s (issue 6)',
} as const;
export type TargetId = keyof typeof TARGETS;

/** The script whose section of BENCHMARKS.md holds each target's figures. */
const MEASURED_BY: Record<TargetId, string> = {
  'ingest-floor': 'kiosk-submit',
  'fold-rate': 'sipas-aggregate',
  'results-unfolded': 'sipas-aggregate',
  'respondent-js': 'first-question',
  'first-question': 'first-question',
  'staff-mail': 'staff-mail',
  'response-rates': 'staff-mail',
  'respondent-import': 'respondent-import',
  'enumerator-sync': 'enumerator-sync',
};

export interface TargetFigure {
  target: TargetId;
  /** The figure as a reader should see it, e.g. "82 % of the floor, p99 11.2 ms". */
  figure: string;
  met: boolean;
  /** How cost grows: the 10× run's time over the 1× run's (1 = flat, 10 = linear), when both sizes ran. */
  ratio10x?: number;
}

export interface BenchResult {
  bench: string;
  engine: BenchEngine;
  /** ISO time of the recording. */
  at: string;
  /** 1-, 5- and 15-minute load averages when the figures were recorded, and the machine's cores. */
  load: number[];
  cores: number;
  figures: TargetFigure[];
}

/**
 * What one benchmark script measured against the targets, e.g.
 * `recordTargets('kiosk-submit', [{ target: 'ingest-floor', figure: '82 % of the floor, p99 11 ms', met: false, ratio10x: 9.6 }])`.
 * Replaces that script's earlier result (per engine) and rebuilds the summary in BENCHMARKS.md.
 */
export function recordTargets(bench: string, figures: TargetFigure[]): void {
  const result: BenchResult = {
    bench,
    engine: benchEngine,
    at: new Date().toISOString(),
    load: os.loadavg().map((l) => Math.round(l * 10) / 10),
    cores: os.cpus().length,
    figures,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${bench}${benchEngine === 'embedded' ? '.embedded' : ''}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  writeTargetSummary();
}

export function readResults(dir = RESULTS_DIR): BenchResult[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as BenchResult);
}

const ENGINE_NAME: Record<BenchEngine, string> = { postgres: 'PostgreSQL', embedded: 'embedded PGlite' };

function describe(r: BenchResult, f: TargetFigure): string {
  const ratio = f.ratio10x === undefined ? '1× vs 10×: not run' : `10× / 1× = ${f.ratio10x.toFixed(1)}`;
  const when = `\`${r.bench}\`, ${r.at.slice(0, 10)}, load ${r.load[0] ?? '?'} on ${r.cores} cores`;
  return `${ENGINE_NAME[r.engine]}: ${f.figure}; ${ratio}; **${f.met ? 'met' : 'not met'}** (${when})`;
}

/** The summary section: for each target, the latest figure of each engine, its 1×/10× ratio and met / not met. */
export function summaryLines(results: BenchResult[]): string[] {
  return (Object.keys(TARGETS) as TargetId[]).map((id) => {
    const found = results
      .flatMap((r) => r.figures.filter((f) => f.target === id).map((f) => ({ r, f })))
      .sort((a, b) => (a.r.engine === b.r.engine ? 0 : a.r.engine === 'postgres' ? -1 : 1));
    const figures = found.length
      ? found.map(({ r, f }) => describe(r, f)).join(' · ')
      : `**no recorded figure** yet: see the \`${MEASURED_BY[id]}\` section for its last figures`;
    return `${TARGETS[id]} — ${figures}`;
  });
}

export function writeTargetSummary(): void {
  replaceSection('issue-16-targets', [
    '## Issue 16 — where each target stands',
    '',
    'Written by `pnpm bench` from the figures each benchmark recorded (test/bench/results/, `recordTargets()` in test/bench/lib-benchmarks-md.ts): the latest figure per engine, how its cost grows from 1× to 10× (1 = flat, 10 = linear), met or not met, and the date and 1-minute load average of the run.',
    '',
    ...summaryLines(readResults()).map((l) => `- ${l}`),
  ]);
}
