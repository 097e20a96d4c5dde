/**
 * The response-rates page reads counts kept by triggers (migration 0030) instead of counting the
 * campaign's invitations on every request. Property: after any sequence of writes — mail outcomes,
 * opens, answers, respondents moved to another unit or group, respondents or invitations deleted,
 * new invitations, with or without the worker's compaction in between — the page shows exactly what
 * a GROUP BY over the invitations gives.
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';

let t: TestApp;
let c: pg.Client;

beforeAll(async () => {
  t = await buildTestApp();
  c = new pg.Client({ connectionString: t.database.url });
  await c.connect();
});

afterAll(async () => {
  await c?.end();
  await t?.close();
});

const COLUMNS = ['sent_at', 'delivered_at', 'bounced_at', 'mail_failed_at', 'opened_at', 'started_at', 'completed_at'] as const;
const GROUPS = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'] as const;
const PEOPLE = 12;

type Op =
  | { op: 'set'; k: number; span: number; column: (typeof COLUMNS)[number]; hours: number | null }
  | { op: 'move'; k: number; unit: number; group: (typeof GROUPS)[number] }
  | { op: 'deleteRespondent'; k: number }
  | { op: 'deleteInvitation'; k: number }
  | { op: 'invite'; k: number }
  | { op: 'rename' }
  | { op: 'compact' };

const k = fc.integer({ min: 0, max: PEOPLE - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('set' as const),
      k,
      span: fc.integer({ min: 1, max: 4 }),
      column: fc.constantFrom(...COLUMNS),
      // Hours after 2021-11-03 00:00 UTC: 17 h and later fall on the next day in Vietnam.
      hours: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('move' as const),
      k,
      unit: fc.integer({ min: 0, max: 2 }),
      group: fc.constantFrom(...GROUPS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteRespondent' as const), k }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteInvitation' as const), k }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('invite' as const), k }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('compact' as const) }) },
);

let campaigns = 0;

async function newCampaign(): Promise<{ id: string; people: string[]; units: number[]; formId: number }> {
  campaigns++;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie: t.adminCookie },
    payload: {
      kind: 'staff',
      name: `Tỷ lệ phản hồi ${campaigns}`,
      year: 2021,
      opensAt: '2021-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
    },
  });
  expect(res.statusCode).toBe(201);
  const id = res.json<{ id: string }>().id;
  const units = (await c.query<{ id: number }>('select id from units order by code limit 3')).rows.map((r) => r.id);
  const formId = (await c.query<{ id: number }>(`select id from forms where code like 'CBCCVC-T1%' limit 1`)).rows[0]?.id ?? 0;
  const people = (
    await c.query<{ id: string }>(
      `insert into respondents (campaign_id, full_name, email, unit_id, respondent_group)
       select $1, 'Người ' || g, 'p' || g || '@example.vn', ($2::int[])[1 + g % 3], 'T' || (1 + g % 6)
       from generate_series(0, $3 - 1) g order by g returning id`,
      [id, units, PEOPLE],
    )
  ).rows.map((r) => r.id);
  // Ten of the twelve are invited at first.
  await c.query(
    `insert into invitations (campaign_id, respondent_id, form_id, token_hash)
     select $1, r, $2, md5(r::text) from unnest($3::uuid[]) r`,
    [id, formId, people.slice(0, 10)],
  );
  return { id, people, units, formId };
}

async function apply(o: Op, s: { id: string; people: string[]; units: number[]; formId: number }): Promise<void> {
  const who = (from: number, span = 1) => s.people.slice(from, from + span);
  switch (o.op) {
    case 'set':
      await c.query(
        `update invitations set ${o.column} = case when $2::int is null then null else timestamptz '2021-11-03 00:00:00+00' + $2::int * interval '1 hour' end
         where respondent_id = any($1::uuid[])`,
        [who(o.k, o.span), o.hours],
      );
      return;
    case 'move':
      await c.query('update respondents set unit_id = $2, respondent_group = $3 where id = $1', [
        who(o.k)[0],
        s.units[o.unit],
        o.group,
      ]);
      return;
    case 'deleteRespondent':
      await c.query('delete from respondents where id = $1', [who(o.k)[0]]);
      return;
    case 'deleteInvitation':
      await c.query('delete from invitations where respondent_id = $1', [who(o.k)[0]]);
      return;
    case 'invite':
      await c.query(
        `insert into invitations (campaign_id, respondent_id, form_id, token_hash)
         select campaign_id, id, $2, md5(id::text || clock_timestamp()::text) from respondents where id = $1
         on conflict do nothing`,
        [who(o.k)[0], s.formId],
      );
      return;
    case 'rename':
      await c.query(`update respondents set full_name = full_name || '.' where campaign_id = $1`, [s.id]);
      return;
    case 'compact':
      await c.query('select invitation_counts_compact()');
      return;
  }
}

/** What the page must show: counted straight from the invitations. */
async function expected(campaignId: string) {
  const units = await c.query(
    `select u.code as "unitCode", count(*)::int as invited, count(i.delivered_at)::int as delivered, count(i.bounced_at)::int as bounced,
       count(*) filter (where i.mail_failed_at is not null and i.delivered_at is null and i.bounced_at is null)::int as failed,
       count(i.opened_at)::int as opened, count(i.started_at)::int as started, count(i.completed_at)::int as completed
     from invitations i join respondents r on r.id = i.respondent_id join units u on u.id = r.unit_id
     where i.campaign_id = $1 group by u.code order by u.code`,
    [campaignId],
  );
  const groups = await c.query(
    `select r.respondent_group as "group", count(*)::int as invited, count(i.completed_at)::int as completed
     from invitations i join respondents r on r.id = i.respondent_id where i.campaign_id = $1 group by 1 order by 1`,
    [campaignId],
  );
  const vnDay = (col: string) => `to_char(${col} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`;
  const days = await c.query(
    `select date, sum(s)::int as sent, sum(o)::int as opened, sum(d)::int as completed from (
       select ${vnDay('sent_at')} as date, 1 as s, 0 as o, 0 as d from invitations where campaign_id = $1 and sent_at is not null
       union all select ${vnDay('opened_at')}, 0, 1, 0 from invitations where campaign_id = $1 and opened_at is not null
       union all select ${vnDay('completed_at')}, 0, 0, 1 from invitations where campaign_id = $1 and completed_at is not null
     ) x group by date order by date`,
    [campaignId],
  );
  return { units: units.rows, groups: groups.rows, days: days.rows };
}

interface Rates {
  overall: { invited: number; completed: number };
  byUnit: {
    unitCode: string;
    invited: number;
    delivered: number;
    bounced: number;
    failed: number;
    opened: number;
    started: number;
    completed: number;
  }[];
  byGroup: { group: string; invited: number; completed: number }[];
  byDay: { date: string; sent: number; opened: number; completed: number }[];
}

describe('response-rate counts', () => {
  it('equal a GROUP BY over the invitations after any sequence of writes, compacted or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        const s = await newCampaign();
        for (const o of ops) await apply(o, s);
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/v1/campaigns/${s.id}/response-rates`,
          headers: { cookie: t.adminCookie },
        });
        expect(res.statusCode).toBe(200);
        const got = res.json<Rates>();
        const want = await expected(s.id);
        expect(
          got.byUnit.map(({ unitCode, invited, delivered, bounced, failed, opened, started, completed }) => ({
            unitCode,
            invited,
            delivered,
            bounced,
            failed,
            opened,
            started,
            completed,
          })),
        ).toEqual(want.units);
        expect(got.byGroup.map(({ group, invited, completed }) => ({ group, invited, completed }))).toEqual(want.groups);
        expect(got.byDay.map(({ date, sent, opened, completed }) => ({ date, sent, opened, completed }))).toEqual(want.days);
        expect(got.overall.invited).toBe(want.units.reduce((n, u) => n + (u.invited as number), 0));
      }),
      { numRuns: 25 },
    );
  });

  it('compaction leaves one row per key, and a deleted campaign takes its counts along', async () => {
    const s = await newCampaign();
    await apply({ op: 'set', k: 0, span: 10, column: 'delivered_at', hours: 3 }, s);
    await apply({ op: 'set', k: 0, span: 4, column: 'completed_at', hours: 30 }, s);
    await c.query('select invitation_counts_compact()');
    const rows = await c.query<{ n: number; keys: number }>(
      `select count(*)::int as n, count(distinct (unit_id, respondent_group))::int as keys from invitation_counts where campaign_id = $1`,
      [s.id],
    );
    expect(rows.rows[0]?.n).toBe(rows.rows[0]?.keys);
    await c.query('delete from campaigns where id = $1', [s.id]);
    const left = await c.query<{ n: number }>(
      `select (select count(*) from invitation_counts where campaign_id = $1) + (select count(*) from invitation_day_counts where campaign_id = $1) as n`,
      [s.id],
    );
    expect(Number(left.rows[0]?.n)).toBe(0);
  });
});
