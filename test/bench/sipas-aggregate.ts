/**
 * Issue 3 benchmark: SIPAS for all 40 units over 1,000,000 stored responses (form 01/2021-TT),
 * generated in SQL (INSERT … SELECT generate_series, in chunks, through the real triggers) into a
 * fresh PostgreSQL database. Times, in the same run, (a) the product path — GET
 * /api/v1/campaigns/:id/sipas (SQL counts from the running tallies + the pure scoring module +
 * JSON) — and (b) a hand-written single SQL GROUP BY over `responses` (jsonb_each of the answers);
 * median of 3 runs each. Targets: (a) < 2 s and ≤ 1.5 × (b). Updates its section of BENCHMARKS.md.
 */
import { today, writeBenchSection } from './lib-benchmarks-md.ts';
import { FORM_CODES, findForm } from '@hailong/forms';
import { computeSipas, countsFromRows, publishSipas, type AnswerCountRow } from '@hailong/scoring';
import pg from 'pg';
import setup from '../support/global-setup.ts';
import { buildTestApp } from '../support/build-app.ts';

const TOTAL = 1_000_000;
const CHUNK = 100_000;
const OPENS = new Date('2021-11-02T17:00:00Z');
const CLOSES = new Date('2021-11-22T17:00:00Z');

async function generate(
  db: pg.Client,
  campaignId: string,
  formId: number,
  criteria: string[],
  from = 1,
  to = TOTAL,
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

/** What the worker's tally-fold job does every few seconds, here all at once (migration 0007). */
async function foldAll(db: pg.Client): Promise<number> {
  const t0 = performance.now();
  while ((await db.query<{ n: number }>('select responses_tally_fold(50000) as n')).rows[0]?.n) {
    // fold until the pending tail is empty
  }
  for (const table of ['responses', 'answer_tallies', 'form_tallies', 'tally_pending']) await db.query(`vacuum analyze ${table}`);
  return (performance.now() - t0) / 1000;
}

const TAIL = 10_000;

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
  const t = await buildTestApp();
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
    const loadS = await generate(db, campaignId, formId, criteria);
    const foldS = await foldAll(db);
    console.log(`generated ${TOTAL} responses in ${loadS.toFixed(1)} s, folded in ${foldS.toFixed(1)} s`);

    type Body = { units: { unitCode: string; sipasPercent: number | null; validForms: number }[] };
    let product: Body | undefined;
    const productTime = await median3(async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/campaigns/${campaignId}/sipas`,
        headers: { cookie: t.adminCookie },
      });
      if (res.statusCode !== 200) throw new Error(res.body);
      product = res.json<Body>();
    });
    let rows: (AnswerCountRow & { unitId: number })[] = [];
    const handTime = await median3(async () => {
      rows = await handWritten(db, campaignId);
    });
    // The same GROUP BY over the tallies alone (no scoring, no HTTP): the floor of the product path.
    const tallyTime = await median3(() =>
      db.query(
        `select unit_id, form_id, question_id, answer, sum(n) from answer_tallies where campaign_id = $1 group by 1, 2, 3, 4`,
        [campaignId],
      ),
    );
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
    // A burst the worker has not folded yet: the live views add the pending tail at read time.
    await generate(db, campaignId, formId, criteria, TOTAL + 1, TOTAL + TAIL);
    const tailTime = await median3(async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/campaigns/${campaignId}/sipas`,
        headers: { cookie: t.adminCookie },
      });
      if (res.statusCode !== 200) throw new Error(res.body);
    });
    const lines = [
      `data: ${TOTAL.toLocaleString('en')} responses (form 01/2021-TT, 40 units, 23 Likert questions + 4 perception items each, 4 % suspect), inserted in ${loadS.toFixed(1)} s through the insert triggers, then folded into the tallies in ${foldS.toFixed(1)} s (responses_tally_fold, the worker's job)`,
      `product path (GET /api/v1/campaigns/:id/sipas: tallies → pure module → JSON): median ${productTime.median.toFixed(3)} s (runs ${productTime.runs.map((r) => r.toFixed(3)).join(', ')})`,
      `hand-written single GROUP BY over responses × jsonb_each(answers): median ${handTime.median.toFixed(3)} s (runs ${handTime.runs.map((r) => r.toFixed(3)).join(', ')})`,
      `hand-written GROUP BY over answer_tallies alone (no scoring, no HTTP): median ${tallyTime.median.toFixed(3)} s`,
      `product path with ${TAIL.toLocaleString('en')} more responses not yet folded (pending tail read through the live views): median ${tailTime.median.toFixed(3)} s`,
      `ratio product / hand-written: ${ratio.toFixed(3)}; SIPAS % of all 40 units identical both ways`,
    ];
    for (const l of lines) console.log(l);
    const met = productTime.median < 2 && ratio <= 1.5;
    writeBenchSection({
      key: 'sipas-aggregate',
      title: 'Aggregation (issue #3)',
      how: '`pnpm exec tsx test/bench/sipas-aggregate.ts` (real PostgreSQL 15 on 127.0.0.1, 2 cores, fresh database; median of 3 runs each, same run; design in docs/0004-sipas-aggregation.md and docs/0005-kiosk-submit-path.md):',
      lines: [...lines, `target < 2 s and ≤ 1.5 × hand-written: ${met ? 'met' : 'NOT met'} (${today()})`],
    });
    if (!met) process.exitCode = 1;
  } finally {
    await db.end();
    await t.close();
  }
}

await main();
