/**
 * Issue 16: the fixed and per-session cost of one call of `kiosk_submit_batch` and
 * `online_submit_batch` on PostgreSQL, without HTTP (docs/0039-submit-batch-fixed-cost.md).
 *
 * In a fresh test database, the current functions are compared with the definitions of the
 * migrations named in PREVIOUS (loaded under the suffix `_prev`). Rounds alternate between the two;
 * each round makes CALLS calls of one batch size (new client ids, 32 devices / addresses), each call
 * its own transaction, over one connection. It reports per call the median wall time and the CPU time
 * of the backend process (from /proc/<pid>/schedstat: the database must run on this machine).
 * `synchronous_commit = off` in the session with `--no-flush`: then wall time is CPU and waits only.
 *
 *   pnpm exec tsx test/bench/submit-batch-cost.ts [--calls 200] [--rounds 4] [--sizes 1,8,32] [--no-flush]
 *     [--only kiosk|online] [--apply file.sql]
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import setup from '../support/global-setup.ts';
import { createTestDatabase } from '../support/pg.ts';

const { values: args } = parseArgs({
  options: {
    calls: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '4' },
    sizes: { type: 'string', default: '1,8,32' },
    'no-flush': { type: 'boolean', default: false },
    only: { type: 'string' },
    /** SQL run in the test database before measuring (e.g. a candidate definition of a function). */
    apply: { type: 'string' },
  },
});
const CALLS = Number(args.calls);
const ROUNDS = Number(args.rounds);
const SIZES = (args.sizes ?? '1,8,32').split(',').map(Number);

/** The migration holding each function's previous definition (the last `CREATE … FUNCTION name(` of the file). */
const PREVIOUS: Record<'kiosk_submit_batch' | 'online_submit_batch', string> = {
  kiosk_submit_batch: 'db/migrations/0020_kiosk-clock-suspect.sql',
  online_submit_batch: 'db/migrations/0038_online-unit-minutes.sql',
};

function previousDefinition(fn: string, file: string): string {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  const statements = text.split('--> statement-breakpoint');
  const def = statements.filter((s) => new RegExp(`FUNCTION ${fn}\\(`).test(s)).pop();
  if (!def) throw new Error(`${fn} not found in ${file}`);
  return def.replace(/CREATE (OR REPLACE )?FUNCTION (\w+)\(/, `CREATE OR REPLACE FUNCTION $2_prev(`);
}

function backendCpuNs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

async function main() {
  await setup();
  const database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    for (const [fn, file] of Object.entries(PREVIOUS)) await client.query(previousDefinition(fn, file));
    if (args.apply) await client.query(readFileSync(args.apply, 'utf8'));
    if (args['no-flush']) await client.query('set synchronous_commit = off');
    const campaign = (
      await client.query<{ id: string }>(
        `insert into campaigns (kind, name, year, opens_at, closes_at) values ('sipas', 'cost', 2021, '2021-01-01', '2030-12-31') returning id`,
      )
    ).rows[0]?.id;
    const units = (await client.query<{ id: number }>('select id from units order by id limit 32')).rows.map((r) => r.id);
    const forms = (await client.query<{ id: number; code: string }>('select id, code from forms order by id')).rows;
    const kioskForm = (forms.find((f) => f.code.startsWith('QUICK')) ?? forms[0])?.id;
    const onlineForm = (forms.find((f) => f.code.startsWith('02')) ?? forms[0])?.id;
    const tokens: string[] = [];
    for (let d = 0; d < 32; d++) {
      const token = `cost-device-${String(d).padStart(2, '0')}`;
      tokens.push(token);
      await client.query(
        `insert into kiosk_devices (unit_id, counter_name, device_token_hash, min_interval_seconds, hourly_cap)
         values ($1, $2, $2, 0, 1000000)`,
        [units[d % units.length], token],
      );
    }
    const addresses = Array.from({ length: 32 }, () => randomUUID());
    let seq = 0;
    const kioskItem = (k: number) => {
      const completed = new Date(Date.parse('2026-01-05T01:00:00Z') + seq++ * 1000);
      return {
        tokenHash: tokens[k % 32],
        clientId: randomUUID(),
        campaignId: campaign,
        formId: kioskForm,
        answers: { OV: 1 + (seq % 5), Q1: 4, Q2: 5, Q3: 3 },
        payloadHash: `h${seq}`,
        startedAt: new Date(completed.getTime() - 30_000).toISOString(),
        completedAt: completed.toISOString(),
        partial: false,
        procedureName: null,
        appVersion: '1.0.0',
        pendingCount: 0,
        clockReason: null,
      };
    };
    const onlineItem = (k: number) => ({
      clientId: randomUUID(),
      campaignId: campaign,
      formId: onlineForm,
      unitId: units[k % units.length],
      sourceId: addresses[k % 32],
      answers: { A1: 1 + (seq++ % 5), A2: 'có' },
      payloadHash: `h${seq}`,
      startedAt: null,
      completedAt: null,
      dossierCodeHash: null,
      codeGiven: true,
      addressLimit: 1_000_000,
      unitLimit: 1_000_000,
    });
    const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid ?? 0;
    const kinds: { fn: string; item: (k: number) => Record<string, unknown>; sort: boolean }[] = [
      { fn: 'kiosk_submit_batch', item: kioskItem, sort: true },
      { fn: 'online_submit_batch', item: onlineItem, sort: false },
    ].filter((k) => !args.only || k.fn.startsWith(args.only));
    type Key = string;
    const wall = new Map<Key, number[]>();
    const cpu = new Map<Key, number[]>();
    const push = (m: Map<Key, number[]>, k: Key, v: number) => m.set(k, [...(m.get(k) ?? []), v]);
    // Warm-up: plans cached, the first five custom plans of each statement done.
    for (const kind of kinds)
      for (const variant of ['', '_prev'])
        for (const size of SIZES)
          for (let c = 0; c < 10; c++) {
            const items = Array.from({ length: size }, (_, k) => kind.item(k + c));
            await client.query(`select * from ${kind.fn}${variant}($1::jsonb)`, [JSON.stringify(items)]);
          }
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of kinds)
        for (const size of SIZES)
          for (const variant of round % 2 === 0 ? ['_prev', ''] : ['', '_prev']) {
            const key = `${kind.fn}${variant || '(current)'} ×${size}`;
            const walls: number[] = [];
            const cpu0 = backendCpuNs(pid);
            for (let c = 0; c < CALLS; c++) {
              const items = Array.from({ length: size }, (_, k) => kind.item(k + c));
              if (kind.sort) items.sort((x, y) => (String(x.tokenHash) < String(y.tokenHash) ? -1 : 1));
              const text = JSON.stringify(items);
              const t0 = performance.now();
              const res = await client.query(`select * from ${kind.fn}${variant}($1::jsonb)`, [text]);
              walls.push(performance.now() - t0);
              if (res.rowCount !== size) throw new Error(`${key}: ${res.rowCount} rows for ${size} items`);
            }
            push(wall, key, median(walls));
            push(cpu, key, (backendCpuNs(pid) - cpu0) / CALLS / 1000);
          }
      console.error(`round ${round + 1}/${ROUNDS} done`);
    }
    console.log(`calls per round ${CALLS}, rounds ${ROUNDS}, synchronous_commit ${args['no-flush'] ? 'off' : 'on'}`);
    console.log('function × batch size: median wall ms per call (per round) | backend CPU µs per call (per round)');
    for (const [key, ws] of wall) {
      const cs = cpu.get(key) ?? [];
      console.log(
        `${key.padEnd(40)} ${ws.map((w) => w.toFixed(2)).join(' ')} | ${cs.map((c) => c.toFixed(0)).join(' ')}  (median ${median(cs).toFixed(0)} µs)`,
      );
    }
  } finally {
    await client.end();
    await database.drop();
  }
}

await main();
