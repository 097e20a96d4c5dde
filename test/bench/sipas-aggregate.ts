/**
 * Issues 3 and 16 benchmark: SIPAS for all 40 units over 1.3 million stored responses (form
 * 01/2021-TT), generated in SQL (INSERT … SELECT generate_series, in chunks, through the real
 * triggers) into a fresh PostgreSQL database. Same run:
 * - the tally fold (responses_tally_fold, the worker's job) at 1× (10⁵ pending) and 10× (10⁶
 *   pending), in responses/s, against the insert rate of the same run and the kiosk ingest figure of
 *   BENCHMARKS.md (target ≥ 3× the peak ingest);
 * - GET /sipas and GET /results with RESULTS_PENDING_MAX responses not yet folded (counted at read
 *   time) and with 10⁵ not yet folded (left out and reported, docs/0027-large-unfolded-tail.md),
 *   after 10⁵ and after 1.2 × 10⁶ folded responses, and with 10⁶ not yet folded (median / p95;
 *   target < 100 ms); GET /par/2021, which counts the whole tail, with 10⁵ not yet folded;
 * - the product path against a hand-written single SQL GROUP BY over `responses` (target < 2 s and
 *   ≤ 1.5 ×), with the SIPAS % of all 40 units identical both ways.
 * BENCH_SCALE (default 1) scales every size, for a quick check of the script. BENCH_FOLD_ONLY=1 runs
 * only the fold part (the same responses and folds, no page timings) and prints its verdict; it
 * writes nothing to BENCHMARKS.md. `pnpm bench --embedded sipas-aggregate` runs it on the embedded
 * PGlite (as `pnpm start` without DATABASE_URL) at EMBEDDED_SCALE (a run of a few minutes there) and
 * writes its own section.
 */
import { benchCommand, benchEngine, engineLabel, recordTargets, today, writeBenchSection } from './lib-benchmarks-md.ts';
import { FORM_CODES, findForm } from '@hailong/forms';
import { computeSipas, countsFromRows, publishSipas, type AnswerCountRow } from '@hailong/scoring';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import setup from '../support/global-setup.ts';
import { buildTestApp } from '../support/build-app.ts';
import { TALLY_FOLD_BATCH } from '@hailong/worker';

/** The default size on the embedded PGlite: 10⁴ responses at 1×, 10⁵ at 10× (1.3 × 10⁵ in all). */
const EMBEDDED_SCALE = 0.1;
const embedded = benchEngine === 'embedded';
const DEFAULT_SCALE = embedded ? EMBEDDED_SCALE : 1;
const SCALE = Number(process.env.BENCH_SCALE ?? DEFAULT_SCALE);
const ONE = Math.round(100_000 * SCALE);
const TEN = 10 * ONE;
const TAIL = ONE;
const TOTAL = ONE + TAIL + TEN + TAIL;
const CHUNK = 100_000;
const LATENCY_RUNS = Number(process.env.BENCH_LATENCY_RUNS ?? 20);
const PAR_RUNS = Number(process.env.BENCH_PAR_RUNS ?? 3);
const FOLD_ONLY = process.env.BENCH_FOLD_ONLY === '1';
const OPENS = new Date('2021-11-02T17:00:00Z');
const CLOSES = new Date('2021-11-22T17:00:00Z');

async function generate(
  db: pg.Client,
  campaignId: string,
  formId: number,
  criteria: string[],
  from: number,
  to: number,
): Promise<number> {
  const questions = [...criteria, 'OV'];
  const t0 = performance.now();
  for (let start = from; start <= to; start += CHUNK) {
    await db.query(
      `insert into responses (client_id, campaign_id, form_id, unit_id, channel, answers, payload_hash, review_state, completed_at)
       select gen_random_uuid(), $1, $2, u.ids[1 + g % 40], 'enumerator',
              (select jsonb_object_agg(q, case when random() < 0.05 then to_jsonb('na'::text) else to_jsonb(1 + floor(random() * 5)::int) end)
                 from unnest($3::text[]) q where g is not null)
              || jsonb_build_object('V', (array['1','2','3_4','gt4'])[1 + g % 4], 'RESULT_TIME', case when g % 7 = 0 then 'late' else 'on_time' end,
                                    'HARASSMENT', g % 13 = 0, 'GENDER', case when g % 2 = 0 then 'male' else 'female' end),
              'x', case when g % 25 = 0 then 'suspect' else 'valid' end,
              $4::timestamptz + (g % 1700000) * interval '1 second'
         from generate_series($5::int, $6::int) g, (select array_agg(id order by code) as ids from units) u`,
      [campaignId, formId, questions, OPENS.toISOString(), start, Math.min(start + CHUNK - 1, to)],
    );
  }
  return (performance.now() - t0) / 1000;
}

/** What the worker's tally-fold job does every few seconds (batches of its size), here until the tail is empty. */
async function foldAll(db: pg.Client): Promise<number> {
  const t0 = performance.now();
  while ((await db.query<{ n: number }>('select responses_tally_fold($1) as n', [TALLY_FOLD_BATCH])).rows[0]?.n) {
    // fold until the pending tail is empty
  }
  const seconds = (performance.now() - t0) / 1000;
  for (const table of ['responses', 'answer_tallies', 'form_tallies', 'tally_pending']) await db.query(`vacuum analyze ${table}`);
  return seconds;
}

function load(): string {
  return loadavg()[0]!.toFixed(1);
}

/** Median and p95 (nearest rank) of `runs` timed calls, in ms. */
async function latency(runs: number, fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor((ms.length - 1) / 2)]!, p95: ms[Math.ceil(0.95 * ms.length) - 1]! };
}

function benchmarksMd(): string {
  const file = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** One script's section of BENCHMARKS.md, on this run's engine (its `.embedded` section with `--embedded`). */
function section(key: string): string {
  const k = embedded ? `${key}\\.embedded` : key;
  return new RegExp(`<!-- bench:${k} -->[\\s\\S]*?<!-- /bench:${k} -->`).exec(benchmarksMd())?.[0] ?? '';
}

/** The kiosk ingest figure (req/s, one response each) of the kiosk-submit section of BENCHMARKS.md. */
function kioskIngest(): number | undefined {
  const m = /kiosk API \(median round\): (\d+) req\/s/.exec(section('kiosk-submit'));
  return m ? Number(m[1]) : undefined;
}

/** The enumerator sync figure (forms/s, 10,000 new forms in batches of 1,000) of the enumerator-sync section. */
function enumeratorIngest(): number | undefined {
  const m = /10,000 forms, first sync \(all new\): \d+ forms in [\d.]+ s → ([\d,]+) forms\/s/.exec(section('enumerator-sync'));
  return m ? Number(m[1]!.replace(/,/g, '')) : undefined;
}

/** The hand-written query: one GROUP BY over every answer of every valid response in the window. */
async function handWritten(db: pg.Client, campaignId: string): Promise<(AnswerCountRow & { unitId: number })[]> {
  const res = await db.query(
    `select r.unit_id as "unitId", e.key as "questionId", e.value #>> '{}' as "answer", count(*) as "count"
       from responses r cross join lateral jsonb_each(r.answers) e
      where r.campaign_id = $1 and r.review_state = 'valid'
        and coalesce(r.completed_at, r.received_at) >= $2 and coalesce(r.completed_at, r.received_at) < $3
      group by 1, 2, 3`,
    [campaignId, OPENS.toISOString(), CLOSES.toISOString()],
  );
  return res.rows as (AnswerCountRow & { unitId: number })[];
}

async function median3(fn: () => Promise<unknown>): Promise<{ median: number; runs: number[] }> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await fn();
    runs.push((performance.now() - t0) / 1000);
  }
  return { median: [...runs].sort((a, b) => a - b)[1] ?? 0, runs };
}

async function main() {
  await setup();
  const t = await buildTestApp({}, { engine: benchEngine });
  const db = new pg.Client({ connectionString: t.database.url });
  await db.connect();
  try {
    const form = findForm(FORM_CODES.counter)!;
    const criteria = form.scoring.sipas!.components.flatMap((c) => c.criteria);
    const formId = (
      await db.query<{ id: number }>('select id from forms where code = $1 order by version desc limit 1', [form.code])
    ).rows[0]!.id;
    const campaign = await db.query<{ id: string }>(
      `insert into campaigns (kind, name, year, opens_at, closes_at) values ('sipas', 'SIPAS bench', 2021, $1, $2) returning id`,
      [OPENS.toISOString(), CLOSES.toISOString()],
    );
    const campaignId = campaign.rows[0]!.id;
    const get = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: t.adminCookie } });
      if (res.statusCode !== 200) throw new Error(res.body);
      return res;
    };
    const sipasUrl = `/api/v1/campaigns/${campaignId}/sipas`;
    const resultsUrl = `/api/v1/campaigns/${campaignId}/results`;
    const n = (x: number) => x.toLocaleString('en');
    const lines: string[] = [];
    const say = (line: string) => {
      console.log(line);
      lines.push(line);
    };
    let next = 1;
    const add = async (count: number) => {
      const s = await generate(db, campaignId, formId, criteria, next, next + count - 1);
      next += count;
      return { seconds: s, rate: count / s, load: load() };
    };
    const limit = t.config.resultsPendingMax;
    /** Both pages, timed; `counted` = whether they must have counted the tail (pending.counted). */
    const pages = async (unfolded: number, folded: number, counted: boolean) => {
      const loadAt = load();
      const check = async (url: string) => {
        const body = (await get(url)).json<{ pending: { counted: boolean } }>();
        if (body.pending.counted !== counted)
          throw new Error(`${url}: pending.counted ${body.pending.counted}, expected ${counted}`);
      };
      const sipas = await latency(LATENCY_RUNS, () => check(sipasUrl));
      const results = await latency(LATENCY_RUNS, () => check(resultsUrl));
      say(
        `${n(unfolded)} responses not yet folded (${counted ? 'counted at read time' : `over RESULTS_PENDING_MAX = ${n(limit)}: folded figures + the pending notice`}) over ${n(folded)} folded: GET /sipas median ${sipas.median.toFixed(0)} ms, p95 ${sipas.p95.toFixed(0)} ms; GET /results median ${results.median.toFixed(0)} ms, p95 ${results.p95.toFixed(0)} ms (${LATENCY_RUNS} requests each; load ${loadAt})`,
      );
      return { sipas, results };
    };
    /** The pages with RESULTS_PENDING_MAX, then TAIL responses not yet folded; the exact PAR table with TAIL; then folded. */
    const tailLatency = async (folded: number) => {
      await add(limit);
      const atLimit = await pages(limit, folded, true);
      await add(TAIL - limit);
      const over = await pages(TAIL, folded, false);
      const loadAt = load();
      const par = await latency(PAR_RUNS, () => get('/api/v1/par/2021'));
      say(
        `${n(TAIL)} responses not yet folded over ${n(folded)} folded: GET /par/2021 (exact: counts the whole tail) median ${par.median.toFixed(0)} ms, p95 ${par.p95.toFixed(0)} ms (${PAR_RUNS} requests; load ${loadAt})`,
      );
      await foldAll(db);
      return { atLimit, over };
    };

    // 1×: ONE responses pending, folded from empty tallies.
    const in1 = await add(ONE);
    const fold1 = await foldAll(db);
    const rate1 = ONE / fold1;
    say(
      `fold 1×: ${n(ONE)} pending responses folded in ${fold1.toFixed(1)} s = ${n(Math.round(rate1))} responses/s (inserted at ${n(Math.round(in1.rate))}/s through the insert triggers; load ${load()})`,
    );
    if (FOLD_ONLY) {
      await add(TAIL);
      await foldAll(db);
    }
    const tail1 = FOLD_ONLY ? undefined : await tailLatency(ONE);
    // 10×: TEN responses pending, folded into the tallies of the first ONE + TAIL.
    const in10 = await add(TEN);
    const million = FOLD_ONLY ? undefined : await pages(TEN, ONE + TAIL, false);
    const fold10 = await foldAll(db);
    const rate10 = TEN / fold10;
    say(
      `fold 10×: ${n(TEN)} pending responses folded in ${fold10.toFixed(1)} s = ${n(Math.round(rate10))} responses/s (inserted at ${n(Math.round(in10.rate))}/s; load ${load()}); 10× / 1× fold time ${(fold10 / fold1).toFixed(1)} (linear = 10)`,
    );
    if (!tail1 || !million) {
      const insertRate = Math.max(in1.rate, in10.rate);
      const slowest = Math.min(rate1, rate10);
      say(
        `fold against ingest: slowest fold rate ${n(Math.round(slowest))}/s = ${(slowest / insertRate).toFixed(2)}× the SQL insert rate of this run; target ≥ 3×: ${slowest >= 3 * insertRate ? 'met' : 'NOT met'}`,
      );
      return;
    }
    const tail10 = await tailLatency(ONE + TAIL + TEN);

    // Product path against the hand-written GROUP BY, everything folded.
    let product: { units: { unitCode: string; sipasPercent: number | null; validForms: number }[] } | undefined;
    const productTime = await median3(async () => {
      product = (await get(sipasUrl)).json();
    });
    let rows: (AnswerCountRow & { unitId: number })[] = [];
    const handTime = await median3(async () => {
      rows = await handWritten(db, campaignId);
    });
    // Same numbers both ways: the hand-written counts through the pure module give the product's SIPAS.
    const codes = new Map(
      (await db.query<{ id: number; code: string }>('select id, code from units')).rows.map((u) => [u.id, u.code]),
    );
    for (const unitId of new Set(rows.map((r) => r.unitId))) {
      const counts = countsFromRows(rows.filter((r) => r.unitId === unitId));
      const validForms = Math.max(...criteria.map((q) => [...(counts.get(q)?.values() ?? [])].reduce((a, b) => a + b, 0)));
      const expected = publishSipas(computeSipas({ sources: [{ form, counts }], validForms })).sipasPercent;
      const got = product?.units.find((u) => u.unitCode === codes.get(unitId))?.sipasPercent;
      if (got !== expected) throw new Error(`unit ${unitId}: product ${got} vs hand-written ${expected}`);
    }
    const ratio = productTime.median / handTime.median;
    say(
      `all ${n(TOTAL)} folded: GET /sipas median ${productTime.median.toFixed(3)} s (runs ${productTime.runs.map((r) => r.toFixed(3)).join(', ')}); hand-written single GROUP BY over responses × jsonb_each(answers) median ${handTime.median.toFixed(3)} s; ratio ${ratio.toFixed(3)}; SIPAS % of all 40 units identical both ways (load ${load()})`,
    );

    const kiosk = kioskIngest();
    const enumerators = enumeratorIngest();
    const slowest = Math.min(rate1, rate10);
    // The kiosk figure comes from another run (another load): the verdict uses this run's insert rate,
    // which is higher than any ingest through HTTP, so it can only be stricter.
    const insertRate = Math.max(in1.rate, in10.rate);
    const foldMet = slowest >= 3 * insertRate;
    say(
      `fold against ingest: slowest fold rate ${n(Math.round(slowest))}/s = ${(slowest / insertRate).toFixed(2)}× the SQL insert rate of this run (INSERT … SELECT through the triggers, no HTTP; an upper bound of ingest)` +
        (kiosk === undefined
          ? ''
          : ` and ${(slowest / kiosk).toFixed(1)}× the kiosk ingest of the kiosk-submit section (${n(kiosk)} req/s, one quick-form response each, another run)`) +
        (enumerators === undefined
          ? ''
          : `, ${(slowest / enumerators).toFixed(1)}× the enumerator sync of the enumerator-sync section (${n(enumerators)} forms/s of this form, another run)`),
    );
    say(
      `10× / 1× GET /sipas p95 with ${n(TAIL)} unfolded ${(tail10.over.sipas.p95 / tail1.over.sipas.p95).toFixed(2)}, GET /results p95 ${(tail10.over.results.p95 / tail1.over.results.p95).toFixed(2)}`,
    );
    const p95s = (x: { sipas: { p95: number }; results: { p95: number } }) => [x.sipas.p95, x.results.p95];
    const worstTail = Math.max(...p95s(tail1.over), ...p95s(tail10.over), ...p95s(million));
    const worstAtLimit = Math.max(...p95s(tail1.atLimit), ...p95s(tail10.atLimit));
    const aggMet = productTime.median < 2 && ratio <= 1.5;
    say(`target fold ≥ 3× the peak ingest (this run's SQL insert rate): ${foldMet ? 'met' : 'NOT met'}`);
    say(
      `target pages < 100 ms with ${n(TAIL)} unfolded (p95): ${worstTail < 100 ? 'met' : 'NOT met'} (worst p95 ${worstTail.toFixed(0)} ms, also with ${n(TEN)} unfolded; with ${n(limit)} unfolded and counted, worst p95 ${worstAtLimit.toFixed(0)} ms)`,
    );
    say(`target < 2 s and ≤ 1.5 × hand-written: ${aggMet ? 'met' : 'NOT met'} (${today()})`);
    if (SCALE === DEFAULT_SCALE) {
      writeBenchSection({
        key: 'sipas-aggregate',
        title: 'Aggregation and tally fold (issues #3 and #16)',
        how: `\`${benchCommand('sipas-aggregate')}\` (${embedded ? `${engineLabel()}, sizes ${EMBEDDED_SCALE} × those on PostgreSQL: ${n(ONE)} pending at 1×, ${n(TEN)} at 10×, tails of ${n(TAIL)}` : 'real PostgreSQL 15 on 127.0.0.1'}, 2 cores shared with other work, fresh database; ${n(TOTAL)} responses of form 01/2021-TT (40 units, 23 Likert questions + 4 perception items each, 4 % suspect) generated in SQL through the insert triggers; one run, figures of one run compared with each other; load = 1-minute load average; design in docs/0004-sipas-aggregation.md and docs/0005-kiosk-submit-path.md):`,
        lines,
      });
      recordTargets('sipas-aggregate', [
        {
          target: 'fold-rate',
          figure:
            `slowest fold ${n(Math.round(slowest))} responses/s of form 01/2021-TT` +
            (kiosk === undefined ? '' : `, ${(slowest / kiosk).toFixed(1)}× the kiosk ingest figure (${n(kiosk)} req/s)`),
          met: foldMet,
          ratio10x: fold10 / fold1,
        },
        {
          target: 'results-unfolded',
          figure: `worst p95 of GET /sipas and GET /results ${worstTail.toFixed(0)} ms with ${n(TAIL)} (and ${n(TEN)}) unfolded, folded figures + pending notice over RESULTS_PENDING_MAX = ${n(limit)}`,
          met: worstTail < 100,
          ratio10x: Math.max(...p95s(tail10.over)) / Math.max(...p95s(tail1.over)),
        },
      ]);
    }
    if (!aggMet) process.exitCode = 1;
  } finally {
    await db.end();
    await t.close();
  }
}

await main();
