/**
 * Issue 4 benchmark. (1) Time from "send invitations" to the 1,798th mail received by a local SMTP
 * server (smtp-server on loopback), worker in-process with the default SMTP_RATE_PER_SECOND (100)
 * and with 1,000/s; target < 30 s. (2) GET /api/v1/campaigns/:id/response-rates at 100,000
 * invitations (generated in SQL), 50 timed requests after 5 warm-ups; target p95 < 100 ms.
 * Updates its section of BENCHMARKS.md.
 */
import { today, writeBenchSection } from './lib-benchmarks-md.ts';
import { loadWorkerConfig, startWorker } from '@hailong/worker';
import pg from 'pg';
import setup from '../support/global-setup.ts';
import { buildTestApp, type TestApp } from '../support/build-app.ts';
import { TEST_REDIS_URL } from '../support/redis.ts';
import { planRespondents, respondentsCsv, startSmtpSink } from '../../api/test/staff-support.ts';

const N = 1798;
const BIG = 100_000;

async function campaign(t: TestApp, name: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie: t.adminCookie },
    payload: { kind: 'staff', name, year: 2021, opensAt: '2021-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
  });
  return res.json<{ id: string }>().id;
}

async function deliveryRun(t: TestApp, rate: number): Promise<number> {
  const smtp = await startSmtpSink();
  const worker = await startWorker(
    loadWorkerConfig({
      DATABASE_URL: t.database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: t.config.queuePrefix,
      SMTP_URL: smtp.url,
      SMTP_RATE_PER_SECOND: String(rate),
      TOKEN_SECRET: t.config.tokenSecret,
    }),
    { schedulers: false, log: () => undefined },
  );
  try {
    const id = await campaign(t, `bench mail ${rate}`);
    const csv = respondentsCsv(planRespondents(N, `r${rate}`));
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/respondents`,
      headers: { cookie: t.adminCookie, 'content-type': 'text/csv' },
      payload: csv,
    });
    const t0 = performance.now();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/invitations/send`,
      headers: { cookie: t.adminCookie },
    });
    if (res.statusCode !== 202) throw new Error(`send ${res.statusCode} ${res.body}`);
    await smtp.waitFor(N, 120_000);
    return (performance.now() - t0) / 1000;
  } finally {
    await worker.close();
    await smtp.close();
  }
}

async function ratesRun(t: TestApp): Promise<{ p50: number; p95: number; seedS: number }> {
  const id = await campaign(t, 'bench rates');
  const c = new pg.Client({ connectionString: t.database.url });
  await c.connect();
  const s0 = performance.now();
  await c.query(
    `insert into respondents (campaign_id, full_name, email, unit_id, respondent_group)
     select $1, 'Người ' || g, 'r' || g || '@bench.vn', (select id from units order by code offset (g % 40) limit 1), 'T' || (1 + g % 6)
     from generate_series(1, $2) g`,
    [id, BIG],
  );
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
  await c.query('analyze');
  await c.end();
  const seedS = (performance.now() - s0) / 1000;
  const once = async () => {
    const q0 = performance.now();
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${id}/response-rates`,
      headers: { cookie: t.adminCookie },
    });
    if (res.statusCode !== 200 || res.json<{ overall: { invited: number } }>().overall.invited !== BIG)
      throw new Error(`rates ${res.statusCode}`);
    return performance.now() - q0;
  };
  for (let i = 0; i < 5; i++) await once();
  const lat: number[] = [];
  for (let i = 0; i < 50; i++) lat.push(await once());
  lat.sort((a, b) => a - b);
  return { p50: lat[24] ?? 0, p95: lat[47] ?? 0, seedS };
}

async function main() {
  await setup();
  const t = await buildTestApp();
  try {
    const slow = await deliveryRun(t, 100);
    const fast = await deliveryRun(t, 1000);
    const rates = await ratesRun(t);
    const lines = [
      `1,798 invitations delivered (send → last mail at the SMTP server), SMTP_RATE_PER_SECOND=100 (default): ${slow.toFixed(1)} s; =1000: ${fast.toFixed(1)} s (target < 30 s: ${Math.max(slow, fast) < 30 ? 'met' : 'NOT met'})`,
      `response-rates at ${BIG.toLocaleString('en')} invitations (seeded in ${rates.seedS.toFixed(1)} s): p50 ${rates.p50.toFixed(1)} ms, p95 ${rates.p95.toFixed(1)} ms over 50 requests (target p95 < 100 ms: ${rates.p95 < 100 ? 'met' : 'NOT met'})`,
    ];
    for (const l of lines) console.log(l);
    writeBenchSection({
      key: 'staff-mail',
      title: 'Issue 4 — staff-survey mail and response rates',
      how: `\`pnpm exec tsx test/bench/staff-mail.ts\` (real PostgreSQL and Redis on 127.0.0.1, fresh database; worker in-process, mail concurrency 20, nodemailer pool of 10 connections to smtp-server on loopback; response-rates via \`app.inject\` with the admin session; ${today()}):`,
      lines,
    });
  } finally {
    await t.close();
  }
}

await main();
