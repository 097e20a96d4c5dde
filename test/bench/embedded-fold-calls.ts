/**
 * Issue 16, embedded database: how long each call of the worker's fold job holds PGlite, which runs
 * in the API's main thread (docs/0035-embedded-fold-batch.md, docs/0040-embedded-fold-by-units.md).
 * Kiosk-like responses (32 units, the quick form's five answers, one second apart) arrive in bursts
 * of BURST (2,800: 2 s at 1,400 sessions/s); after each burst the fold runs in calls until the tail
 * is empty, once per configuration of FOLD_FNS (`function:batch[:units]`, comma-separated; the
 * configurations alternate burst by burst), then the compactions (STATEMENTS=fold to skip them).
 * Each call is timed in wall-clock and in process CPU (PGlite, its socket server and the client all
 * run in this thread), which stays comparable on a loaded machine. EXTRA_SQL=file runs SQL first
 * (variants of the fold to compare). Does not write BENCHMARKS.md.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createEmbeddedDatabase } from '../support/embedded.ts';

const BURST = Number(process.env.BURST ?? 2_800);
const ROUNDS = Number(process.env.ROUNDS ?? 12);
const BATCH = Number(process.env.BATCH ?? 500);

const cpuNs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'hl-foldcalls-'));
const embedded = await createEmbeddedDatabase(dir);
const db = new pg.Client({ connectionString: embedded.url });
await db.connect();

const timings = new Map<string, { wall: number[]; cpu: number[] }>();
async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const c0 = cpuNs();
  const t0 = performance.now();
  const out = await fn();
  const wall = performance.now() - t0;
  const cpu = (cpuNs() - c0) / 1e6;
  const t = timings.get(label) ?? { wall: [], cpu: [] };
  t.wall.push(wall);
  t.cpu.push(cpu);
  timings.set(label, t);
  return out;
}

try {
  const form = (await db.query<{ id: number }>(`select id from forms where code = 'QUICK/2021'`)).rows[0]?.id;
  const units = (await db.query<{ id: number }>(`select id from units order by id limit 32`)).rows.map((r) => r.id);
  const campaign = (
    await db.query<{ id: string }>(
      `insert into campaigns (kind, name, year, opens_at, closes_at) values ('sipas', 'fold calls', 2021, '2020-01-01', '2099-01-01') returning id`,
    )
  ).rows[0]?.id;
  if (process.env.EXTRA_SQL) await db.query(readFileSync(process.env.EXTRA_SQL, 'utf8'));
  const fns = (process.env.FOLD_FNS ?? 'responses_tally_fold:500,responses_tally_fold:1000:8').split(',');
  let n = 0;
  const statements = (process.env.STATEMENTS ?? 'fold,compact').split(',');
  for (let round = 0; round < ROUNDS; round++) {
    for (const spec of fns) {
      const [fn = 'responses_tally_fold', b, u] = spec.split(':');
      const batch = b ? Number(b) : BATCH;
      await db.query(
        `insert into responses (client_id, campaign_id, form_id, unit_id, channel, answers, payload_hash, completed_at)
       select gen_random_uuid(), $1, $2, ($3::int[])[1 + i % 32], 'kiosk',
              jsonb_build_object('Q_TC', 1 + i % 5, 'Q_TT', 1 + i % 5, 'Q_CC', 1 + i % 5, 'Q_KQ', 1 + i % 5, 'OV', 1 + i % 5),
              'x', timestamptz '2021-11-03T01:00:00Z' + i * interval '1 second'
         from generate_series($4::int, $5::int) i`,
        [campaign, form, units, n, n + BURST - 1],
      );
      n += BURST;
      if (statements.includes('fold'))
        for (;;) {
          const folded = await timed(
            spec,
            async () =>
              (
                await db.query<{ n: number }>(
                  u ? `select ${fn}($1, $2) as n` : `select ${fn}($1) as n`,
                  u ? [batch, Number(u)] : [batch],
                )
              ).rows[0]?.n ?? 0,
          );
          if (u ? folded === 0 : folded < batch) break;
          if (process.env.TRACE) console.log(`round ${round} ${fn}: ${timings.get(spec)?.cpu.at(-1)?.toFixed(1)} ms`);
        }
      if (statements.includes('compact'))
        for (const f of ['invitation_counts_compact', 'response_state_counts_compact', 'answer_tally_totals_compact'])
          await timed(f, () => db.query(`select ${f}() as n`));
    }
  }
  if (process.env.SIZES)
    for (const r of (
      await db.query<Record<string, unknown>>(
        `select relname, pg_relation_size(relid) / 8192 as pages, n_live_tup, n_dead_tup, n_tup_hot_upd, n_tup_upd
           from pg_stat_user_tables where relname in ('tally_pending', 'answer_tallies', 'answer_tally_totals', 'form_tallies', 'responses') order by 1`,
      )
    ).rows)
      console.log(JSON.stringify(r));
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
  console.log(
    `${ROUNDS} bursts of ${BURST} kiosk responses, fold batch ${BATCH}; load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  for (const [label, t] of timings)
    console.log(
      `${label}: ${t.wall.length} calls, CPU ${(t.cpu.reduce((a, b) => a + b, 0) / ROUNDS).toFixed(0)} ms a burst; main-thread CPU median ${q(t.cpu, 0.5).toFixed(1)} ms, p90 ${q(t.cpu, 0.9).toFixed(1)}, max ${q(t.cpu, 1).toFixed(1)}; wall median ${q(t.wall, 0.5).toFixed(1)} ms, max ${q(t.wall, 1).toFixed(1)}`,
    );
} finally {
  await db.end();
  await embedded.drop();
  rmSync(dir, { recursive: true, force: true });
}
