/**
 * The results pages read the folded answers from their totals over the days, minus the days outside
 * the campaign window (migration 0043, docs/0036-answer-tally-totals.md). Property: after any
 * sequence of writes — responses of several answers, days and states, review decisions, answers,
 * days and units changed, deletions, the staff-answer rewrite, folds, compactions and window edits
 * (opening and closing days moved, mid-day instants, closed early), the counts the pages use equal
 * the sum of the day rows inside the window (the read before the totals), counted tail or folded
 * only, for every unit and for some. On PostgreSQL and PGlite.
 */
import { countsFromRows, type AnswerCountRow } from '@hailong/scoring';
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCampaignAnswers, type CampaignCounts, type CountOptions } from '../src/features/aggregation/sipas-counts-repo.ts';
import { startTestSystem, type TestSystem } from '../../test/support/system.ts';
import { editResponses, responseIds, type Scene } from './response-edits.ts';

let sys: TestSystem;
/** Plain SQL on the app's pool: every statement its own transaction, as the writers run them. */
const c = { query: <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => sys.app.pg.pool.query<R>(text, values) };

const STATES = ['valid', 'suspect', 'invalid'] as const;
const ANSWERS = ['{"OV": 4, "Q_TC": 5}', '{"OV": 2}', '{"OV": "", "Q_TC": "[]", "X": "a"}', '{"OV": 4, "Q_TC": [1, 2]}'];
const ROWS = 16;
const DAY = 86_400_000;
/** 2021-11-01 00:00 in Vietnam (UTC+7). */
const NOV1 = Date.UTC(2021, 10, 1) - 7 * 3_600_000;

type Op =
  | { op: 'insert'; count: number; unit: number; email: boolean; state: (typeof STATES)[number]; answers: number; hours: number }
  | { op: 'review'; k: number; span: number; state: (typeof STATES)[number] }
  | { op: 'answers'; k: number; answers: number }
  | { op: 'moveDay'; k: number; span: number; hours: number }
  | { op: 'moveUnit'; k: number; unit: number }
  | { op: 'delete'; k: number }
  | { op: 'shuffle'; unit: number }
  | { op: 'fold'; batch: number; units: number | null }
  | { op: 'compact' }
  | { op: 'window'; opens: number; days: number; closedEarly: number | null };

const k = fc.integer({ min: 0, max: ROWS - 1 });
const unit = fc.integer({ min: 0, max: 2 });
/** Hours after 1 November 00:00 in Vietnam: days 1–7 November. */
const hours = fc.integer({ min: 0, max: 7 * 24 - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      count: fc.integer({ min: 1, max: 3 }),
      unit,
      email: fc.boolean(),
      state: fc.constantFrom(...STATES),
      answers: fc.nat(ANSWERS.length - 1),
      hours,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('review' as const),
      k,
      span: fc.integer({ min: 1, max: 4 }),
      state: fc.constantFrom(...STATES),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('answers' as const), k, answers: fc.nat(ANSWERS.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('moveDay' as const), k, span: fc.integer({ min: 1, max: 3 }), hours }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('moveUnit' as const), k, unit }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), k }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('shuffle' as const), unit }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('fold' as const),
      batch: fc.integer({ min: 1, max: 1000 }),
      // The embedded worker's calls by units (migration 0045), or any rows.
      units: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('compact' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('window' as const),
      // Hours after 1 November 00:00 in Vietnam: on a day boundary or mid-day.
      opens: fc.integer({ min: 0, max: 5 * 24 }),
      days: fc.integer({ min: 1, max: 6 }),
      closedEarly: fc.option(fc.integer({ min: 1, max: 4 * 24 }), { nil: null }),
    }),
  },
);

async function newCampaign(): Promise<Scene> {
  const res = await c.query<{ id: string }>(
    `insert into campaigns (kind, name, year, opens_at, closes_at) values ('sipas', 'Tổng theo ngày ' || gen_random_uuid(), 2021, $1, $2) returning id`,
    [new Date(NOV1 + DAY).toISOString(), new Date(NOV1 + 6 * DAY).toISOString()],
  );
  const units = (await c.query<{ id: number }>('select id from units order by code limit 3')).rows.map((r) => r.id);
  const formId = (await c.query<{ id: number }>(`select id from forms where code = 'QUICK/2021' limit 1`)).rows[0]?.id ?? 0;
  return { id: res.rows[0]?.id ?? '', units, formId };
}

const at = (h: number) => new Date(NOV1 + h * 3_600_000).toISOString();

async function apply(o: Op, s: Scene): Promise<void> {
  switch (o.op) {
    case 'insert':
      await c.query(
        `insert into responses (client_id, campaign_id, form_id, unit_id, channel, answers, payload_hash, review_state, completed_at)
         select gen_random_uuid(), $1, $2, $3, $4, $5::jsonb, 'x', $6, $7::timestamptz from generate_series(1, $8)`,
        [s.id, s.formId, s.units[o.unit], o.email ? 'email' : 'kiosk', ANSWERS[o.answers], o.state, at(o.hours), o.count],
      );
      return;
    case 'answers':
      await c.query('update responses set answers = $2::jsonb where id = any($1::uuid[])', [
        await responseIds(c, s, o.k),
        ANSWERS[o.answers],
      ]);
      return;
    case 'moveDay':
      return editResponses(c, s, { ...o, completedAt: at(o.hours) });
    case 'review':
    case 'moveUnit':
    case 'delete':
    case 'shuffle':
      return editResponses(c, s, o);
    case 'fold':
      await c.query('select responses_tally_fold($1, $2)', [o.batch, o.units]);
      return;
    case 'compact':
      await c.query('select answer_tally_totals_compact()');
      return;
    case 'window': {
      const closes = o.opens + o.days * 24;
      await c.query('update campaigns set opens_at = $2, closes_at = $3, closed_at = $4 where id = $1', [
        s.id,
        at(o.opens),
        at(closes),
        o.closedEarly === null ? null : at(Math.max(o.opens, closes - o.closedEarly)),
      ]);
      return;
    }
  }
}

/** The read before the totals: the day rows of the tallies inside the window, plus the counted tail. */
async function dayRead(campaignId: string, opts: CountOptions): Promise<CampaignCounts> {
  const units = opts.unitIds === undefined ? 'true' : 't.unit_id = any($2::int[])';
  const window = `t.day between response_tally_day(null, c.opens_at)
                    and response_tally_day(null, least(c.closes_at, coalesce(c.closed_at, c.closes_at)) - interval '1 microsecond')`;
  const tail = opts.source === 'folded' ? 'false' : 'true';
  const values = opts.unitIds === undefined ? [campaignId] : [campaignId, opts.unitIds];
  const rows = await c.query<AnswerCountRow & { unitId: number; formId: number }>(
    `select t.unit_id as "unitId", t.form_id as "formId", t.question_id as "questionId", t.answer, sum(t.n)::int as "count"
       from (select campaign_id, unit_id, form_id, day, question_id, answer, n from answer_tallies
              union all
             select p.campaign_id, p.unit_id, p.form_id, p.day, e.question_id, e.answer, 1
               from tally_pending p cross join lateral unnest(p.question_ids, p.answer_texts) e(question_id, answer) where ${tail}) t
       join campaigns c on c.id = t.campaign_id
      where t.campaign_id = $1 and ${window} and ${units}
      group by 1, 2, 3, 4 having sum(t.n) > 0`,
    values,
  );
  const forms = await c.query<{ unitId: number; formId: number; n: number }>(
    `select t.unit_id as "unitId", t.form_id as "formId", sum(t.n)::int as "n"
       from (select campaign_id, unit_id, form_id, day, n from form_tallies
              union all
             select campaign_id, unit_id, form_id, day, 1 from tally_pending where valid and ${tail}) t
       join campaigns c on c.id = t.campaign_id
      where t.campaign_id = $1 and ${window} and ${units}
      group by 1, 2 having sum(t.n) > 0`,
    values,
  );
  const out: CampaignCounts = new Map();
  for (const f of forms.rows) {
    const byForm = out.get(f.unitId) ?? new Map();
    const own = rows.rows.filter((r) => r.unitId === f.unitId && r.formId === f.formId);
    byForm.set(f.formId, { formId: f.formId, validForms: f.n, counts: countsFromRows(own) });
    out.set(f.unitId, byForm);
  }
  return out;
}

/** Maps in a fixed order, so two equal counts compare equal whatever order the rows came in. */
function sorted(counts: CampaignCounts) {
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([unitId, byForm]) => ({
      unitId,
      forms: [...byForm.values()]
        .sort((a, b) => a.formId - b.formId)
        .map((f) => ({
          formId: f.formId,
          validForms: f.validForms,
          counts: [...f.counts]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([q, answers]) => [q, [...answers].sort(([a], [b]) => a.localeCompare(b))]),
        })),
    }));
}

async function expectSameCounts(s: Scene): Promise<void> {
  const db = sys.app.db;
  for (const source of ['live', 'folded'] as const)
    for (const unitIds of [undefined, [s.units[0]!, s.units[2]!]]) {
      const opts: CountOptions = unitIds === undefined ? { source } : { source, unitIds };
      expect(sorted(await countCampaignAnswers(db, s.id, opts))).toEqual(sorted(await dayRead(s.id, opts)));
    }
}

for (const engine of ['postgres', 'embedded'] as const) {
  describe(`answer totals over the days (${engine})`, () => {
    beforeAll(async () => {
      sys = await startTestSystem({ engine, config: { webDist: undefined } });
    });
    afterAll(async () => sys.close());

    it('give the counts of the day rows inside the window after any sequence of writes, folds, compactions and window edits', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30 }), async (ops) => {
          const s = await newCampaign();
          for (const o of ops) await apply(o, s);
          await expectSameCounts(s);
          await c.query('select responses_tally_fold(100000)');
          await expectSameCounts(s);
          // The edits again, now of folded responses: their changes wait as deltas until compacted.
          for (const o of ops) if (!['insert', 'fold', 'compact'].includes(o.op)) await apply(o, s);
          await expectSameCounts(s);
          await c.query('select answer_tally_totals_compact()');
          await expectSameCounts(s);
          // A window of one day of the seven: read from the days inside rather than the totals.
          await apply({ op: 'window', opens: 72, days: 1, closedEarly: null }, s);
          await expectSameCounts(s);
        }),
        { numRuns: engine === 'postgres' ? 30 : 10 },
      );
    });

    it('subtract the days after an early close, and count them again when the window is reopened', async () => {
      const s = await newCampaign();
      for (let day = 0; day < 5; day++)
        await apply(
          { op: 'insert', count: 2, unit: day % 3, email: false, state: 'valid', answers: day % 2, hours: 48 + day * 24 },
          s,
        );
      await c.query('select responses_tally_fold(100000)');
      await apply({ op: 'window', opens: 48, days: 5, closedEarly: null }, s);
      const all = await countCampaignAnswers(sys.app.db, s.id, { source: 'folded' });
      await apply({ op: 'window', opens: 48, days: 5, closedEarly: 3 * 24 }, s);
      const early = await countCampaignAnswers(sys.app.db, s.id, { source: 'folded' });
      // Two days of five left: units 0 and 1 (days 3 and 4 of November) keep their forms, unit 2 is gone.
      expect([...early.keys()].sort()).toEqual([s.units[0], s.units[1]].sort());
      expect(sorted(early)).toEqual(sorted(await dayRead(s.id, { source: 'folded' })));
      await c.query('update campaigns set closed_at = null where id = $1', [s.id]);
      expect(all.size).toBe(3);
      expect(sorted(await countCampaignAnswers(sys.app.db, s.id, { source: 'folded' }))).toEqual(sorted(all));
    });
  });
}
