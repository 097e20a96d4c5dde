/**
 * Issue 4 / 16 benchmark. (1) A merged province's staff survey: time from "send invitations" to the
 * last mail received by a loopback SMTP server (smtp-server in a child process), for 6,110 (1×)
 * and 61,100 (10×) respondents, worker in-process with the mail settings a provincial relay
 * accepts (MAIL_SETTINGS below); target < 3 min at 61,100; every mail arrives exactly once.
 * (2) GET /api/v1/campaigns/:id/response-rates at 100,000 (1×) and 1,000,000 (10×) invitations
 * (generated in SQL), 50 timed requests after 5 warm-ups; target p95 < 100 ms at 10⁶.
 * `pnpm exec tsx test/bench/staff-mail.ts --mail=6110 --rates=100000,1000000` runs chosen sizes (the
 * section then says which were not run). Updates its section of BENCHMARKS.md.
 */
import os from 'node:os';
import {
  benchCommand,
  benchEngine,
  engineLabel,
  recordTargets,
  type TargetFigure,
  today,
  writeBenchSection,
} from './lib-benchmarks-md.ts';
import { startCountingSink } from './lib-smtp-sink.ts';
import { loadWorkerConfig, startWorker } from '@hailong/worker';
import pg from 'pg';
import setup from '../support/global-setup.ts';
import { buildTestApp, type TestApp } from '../support/build-app.ts';
import { TEST_REDIS_URL } from '../support/redis.ts';

/** `--mail=6110,61100 --rates=100000,1000000` (the defaults; `--mail=` runs no mail part). */
function sizes(name: string, dflt: number[]): number[] {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (arg === undefined) return dflt;
  return arg
    .slice(name.length + 3)
    .split(',')
    .filter(Boolean)
    .map(Number);
}
const MAIL_SIZES = sizes('mail', [6_110, 61_100]);
const RATE_SIZES = sizes('rates', [100_000, 1_000_000]);
/** What a provincial relay accepts (README, "Sending a whole province"). */
const MAIL_SETTINGS = { SMTP_RATE_PER_SECOND: '500', SMTP_POOL_SIZE: '20', MAIL_CONCURRENCY: '100' };

const load = () => os.loadavg()[0]?.toFixed(1) ?? '?';

async function campaign(t: TestApp, name: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie: t.adminCookie },
    payload: { kind: 'staff', name, year: 2021, opensAt: '2021-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
  });
  return res.json<{ id: string }>().id;
}

/** n respondents over the 40 units and the six staff groups, written in SQL (the import has its own bench). */
async function seedRespondents(c: pg.Client, campaignId: string, n: number, tag: string): Promise<void> {
  await c.query(
    `insert into respondents (campaign_id, full_name, email, unit_id, respondent_group)
     select $1, 'Nguyễn Thị Thử ' || g, 'cb' || g || '.' || $3 || '@example.vn', u.ids[1 + g % 40], 'T' || (1 + g % 6)
     from generate_series(1, $2) g, (select array_agg(id order by code) as ids from units) u`,
    [campaignId, n, tag],
  );
  await c.query('analyze respondents');
}

interface MailRun {
  n: number;
  seconds: number;
  perSecond: number;
  duplicates: number;
  /** CPU per mail (ms) of this process (the worker, the API, the polling) and of the SMTP server. */
  cpuMs: { worker: number; sink: number };
  load: string;
}

async function deliveryRun(t: TestApp, n: number): Promise<MailRun> {
  const sink = await startCountingSink();
  const worker = await startWorker(
    loadWorkerConfig({
      DATABASE_URL: t.database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: t.config.queuePrefix,
      SMTP_URL: sink.url,
      TOKEN_SECRET: t.config.tokenSecret,
      ...MAIL_SETTINGS,
    }),
    { schedulers: false, log: () => undefined },
  );
  const c = new pg.Client({ connectionString: t.database.url });
  await c.connect();
  try {
    const id = await campaign(t, `bench mail ${n}`);
    await seedRespondents(c, id, n, `m${n}`);
    const loadAtStart = load();
    const sinkCpu0 = (await sink.stats()).cpuMicros;
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/invitations/send`,
      headers: { cookie: t.adminCookie },
    });
    if (res.statusCode !== 202) throw new Error(`send ${res.statusCode} ${res.body}`);
    let s = await sink.stats();
    while (s.count < n) {
      if (Date.now() - t0 > Math.max(15 * 60_000, n * 50)) throw new Error(`only ${s.count}/${n} mails arrived`);
      await new Promise((r) => setTimeout(r, 250));
      s = await sink.stats();
    }
    const seconds = (s.lastAt - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = { worker: (cpu.user + cpu.system) / 1000 / n, sink: (s.cpuMicros - sinkCpu0) / 1000 / n };
    // Late duplicates would arrive after the last first copy: give them a moment, then count.
    await new Promise((r) => setTimeout(r, 2_000));
    s = await sink.stats();
    const sent = await c.query<{ n: string }>(
      `select count(*) as n from mail_deliveries where campaign_id = $1 and status = 'sent'`,
      [id],
    );
    if (Number(sent.rows[0]?.n) !== n || s.distinct !== n)
      throw new Error(`sent ${sent.rows[0]?.n}, distinct ${s.distinct} of ${n}`);
    return { n, seconds, perSecond: n / seconds, duplicates: s.count - s.distinct, cpuMs, load: `${loadAtStart} / ${load()}` };
  } finally {
    await c.end();
    await worker.close();
    sink.close();
  }
}

interface RatesRun {
  n: number;
  p50: number;
  p95: number;
  seedS: number;
  load: string;
}

async function ratesRun(t: TestApp, n: number): Promise<RatesRun> {
  const id = await campaign(t, `bench rates ${n}`);
  const c = new pg.Client({ connectionString: t.database.url });
  await c.connect();
  const s0 = performance.now();
  await seedRespondents(c, id, n, `r${n}`);
  await c.query(
    `insert into invitations (campaign_id, respondent_id, form_id, token_hash, sent_at, delivered_at, opened_at, started_at, completed_at)
     select r.campaign_id, r.id, (select id from forms where code like 'CBCCVC-T1%' limit 1), md5(r.id::text) || md5(r.email),
       now() - interval '10 days', now() - interval '10 days',
       case when h % 100 < 99 then now() - (h % 9) * interval '1 day' end,
       case when h % 100 < 99 then now() - (h % 9) * interval '1 day' end,
       case when h % 100 < 98 then now() - (h % 9) * interval '1 day' end
     from (select r.*, abs(hashtext(r.email)) as h from respondents r where r.campaign_id = $1) r`,
    [id],
  );
  await c.query('vacuum analyze invitations');
  await c.end();
  const seedS = (performance.now() - s0) / 1000;
  const once = async () => {
    const q0 = performance.now();
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${id}/response-rates`,
      headers: { cookie: t.adminCookie },
    });
    if (res.statusCode !== 200 || res.json<{ overall: { invited: number } }>().overall.invited !== n)
      throw new Error(`rates ${res.statusCode}`);
    return performance.now() - q0;
  };
  for (let i = 0; i < 5; i++) await once();
  const loadAtStart = load();
  const lat: number[] = [];
  for (let i = 0; i < 50; i++) lat.push(await once());
  lat.sort((a, b) => a - b);
  return { n, p50: lat[24] ?? 0, p95: lat[47] ?? 0, seedS, load: `${loadAtStart} / ${load()}` };
}

const fmt = (n: number) => n.toLocaleString('en');

async function main() {
  await setup();
  const t = await buildTestApp({}, { engine: benchEngine });
  try {
    const mails: MailRun[] = [];
    for (const n of MAIL_SIZES) {
      mails.push(await deliveryRun(t, n));
      console.log(mails.at(-1));
    }
    const rates: RatesRun[] = [];
    for (const n of RATE_SIZES) {
      rates.push(await ratesRun(t, n));
      console.log(rates.at(-1));
    }
    const big = mails.find((m) => m.n === 61_100);
    const bigRates = rates.find((r) => r.n === 1_000_000);
    const settings = Object.entries(MAIL_SETTINGS)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    const lines = [
      ...mails.map(
        (m) =>
          `${fmt(m.n)} invitations queued and delivered (send → last mail at the SMTP server), ${settings}: ${m.seconds.toFixed(1)} s → ${Math.round(m.perSecond)} mails/s, each exactly once (duplicates ${m.duplicates}); CPU per mail ${m.cpuMs.worker.toFixed(2)} ms in the worker's process, ${m.cpuMs.sink.toFixed(2)} ms in the SMTP server; load average (1 min) at start / end ${m.load}`,
      ),
      ...(mails.length === 2 && mails[0] && mails[1]
        ? [`10× / 1× time: ${(mails[1].seconds / mails[0].seconds).toFixed(1)} (10 = linear)`]
        : []),
      `target 61,100 in < 3 min: ${big ? (big.seconds < 180 ? 'met' : 'NOT met') : 'not measured in this run'}`,
      ...rates.map(
        (r) =>
          `response-rates at ${fmt(r.n)} invitations (seeded in ${r.seedS.toFixed(1)} s): p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms over 50 requests; load average (1 min) at start / end ${r.load}`,
      ),
      ...(rates.length === 2 && rates[0] && rates[1] ? [`10× / 1× p95: ${(rates[1].p95 / rates[0].p95).toFixed(1)}`] : []),
      `target p95 < 100 ms at 1,000,000: ${bigRates ? (bigRates.p95 < 100 ? 'met' : 'NOT met') : 'not measured in this run'}`,
    ];
    for (const l of lines) console.log(l);
    writeBenchSection({
      key: 'staff-mail',
      title: 'Issues 4 and 16 — staff-survey mail and response rates',
      how: `\`${benchCommand('staff-mail')}\` (${engineLabel()}, real Redis on 127.0.0.1, fresh database, 2 cores shared by the database, Redis, the worker and the SMTP server; respondents written in SQL, then "send invitations" through the API (\`app.inject\`), worker in-process, smtp-server on loopback in a child process counting each recipient; response-rates via \`app.inject\` with the admin session; 1× and 10× sizes; ${today()}):`,
      lines,
    });
    const small = mails.find((m) => m.n === 6_110);
    const smallRates = rates.find((r) => r.n === 100_000);
    const figures: TargetFigure[] = [];
    if (big)
      figures.push({
        target: 'staff-mail',
        figure: `61,100 invitations delivered in ${big.seconds.toFixed(1)} s (${Math.round(big.perSecond)} mails/s, duplicates ${big.duplicates}; ${settings})`,
        met: big.seconds < 180 && big.duplicates === 0,
        ...(small ? { ratio10x: big.seconds / small.seconds } : {}),
      });
    if (bigRates)
      figures.push({
        target: 'response-rates',
        figure: `p95 ${bigRates.p95.toFixed(1)} ms at 1,000,000 invitations (p50 ${bigRates.p50.toFixed(1)} ms)`,
        met: bigRates.p95 < 100,
        ...(smallRates ? { ratio10x: bigRates.p95 / smallRates.p95 } : {}),
      });
    if (figures.length) recordTargets('staff-mail', figures);
  } finally {
    await t.close();
  }
}

await main();
