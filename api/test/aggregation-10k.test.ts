import { FORM_CODES } from '@hailong/forms';
import { schema } from '@hailong/db';
import {
  computeSipas,
  countAnswers,
  publishShareLines,
  publishSipas,
  rankPublished,
  type ResponseAnswers,
} from '@hailong/scoring';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { countSipasAnswers } from '../src/features/aggregation/sipas-counts-repo.ts';
import { findStoredForm, type StoredForm } from '../src/features/forms/repo.ts';
import { createCampaign, insertResponses, randomAnswers, rng, type GeneratedResponse } from './aggregation-fixtures.ts';

const OPENS = new Date('2021-11-02T17:00:00Z'); // 03/11/2021 00:00 Vietnam time
const CLOSES = new Date('2021-11-22T17:00:00Z'); // 23/11/2021 00:00
const N = 10_400;

describe('SIPAS over 10,000 stored responses', () => {
  let t: TestApp;
  let campaignId: string;
  let forms: StoredForm[];
  let units: { id: number; code: string }[];
  let rows: GeneratedResponse[];

  beforeAll(async () => {
    // Nothing is folded here: /sipas counts the whole 10,000-response tail at read time, which it
    // does up to RESULTS_PENDING_MAX (docs/0027-large-unfolded-tail.md).
    t = await buildTestApp({ resultsPendingMax: 100_000 });
    campaignId = await createCampaign(t.app.db, 'sipas', 'SIPAS 2021 (10k)', 2021, OPENS, CLOSES, { minSample: 30 });
    forms = [(await findStoredForm(t.app.db, FORM_CODES.counter))!, (await findStoredForm(t.app.db, FORM_CODES.online))!];
    units = (await t.app.db.select({ id: schema.units.id, code: schema.units.code }).from(schema.units)).slice(0, 8);
    const r = rng(2021);
    rows = Array.from({ length: N }, (_, i) => {
      // Unit 7 gets only a handful of responses (not enough data); unit 8 none at all.
      const unit = i < 12 ? units[6]! : units[Math.floor(r() * 6)]!;
      const form = r() < 0.7 ? forms[0]! : forms[1]!;
      const state = r() < 0.85 ? 'valid' : r() < 0.5 ? 'suspect' : 'invalid';
      const outside = r() < 0.03;
      const at = outside
        ? new Date(CLOSES.getTime() + 86_400_000 * 2)
        : new Date(OPENS.getTime() + Math.floor(r() * (CLOSES.getTime() - OPENS.getTime())));
      return {
        campaignId,
        unitId: unit.id,
        formId: form.id,
        answers: randomAnswers(form.definition, r),
        reviewState: state,
        completedAt: at,
      };
    });
    await insertResponses(t.app.db, rows);
    // Supervisors re-classify some responses after the fact: the tallies must follow.
    await t.app.db.execute(
      sql`update responses set review_state = 'suspect' where id in (select id from responses where review_state = 'valid' order by id limit 150)`,
    );
    await t.app.db.execute(
      sql`update responses set review_state = 'valid' where id in (select id from responses where review_state = 'invalid' order by id limit 60)`,
    );
    // Read back what is stored (review states changed above) as the in-memory truth.
    const stored = await t.app.db.execute<{
      completed_at: Date;
      unit_id: number;
      form_id: number;
      answers: Record<string, unknown>;
      review_state: GeneratedResponse['reviewState'];
    }>(sql`select completed_at, unit_id, form_id, answers, review_state from responses where campaign_id = ${campaignId}`);
    expect(stored.rows.length).toBe(N);
    rows = stored.rows.map((x) => ({
      campaignId,
      unitId: x.unit_id,
      formId: x.form_id,
      answers: x.answers,
      reviewState: x.review_state,
      completedAt: new Date(x.completed_at),
    }));
  }, 60_000);
  afterAll(async () => t.close());

  const counted = (): GeneratedResponse[] =>
    rows.filter((x) => x.reviewState === 'valid' && x.completedAt >= OPENS && x.completedAt < CLOSES);

  it('counts in SQL exactly what counting in memory gives, unit by unit and form by form', async () => {
    const sqlCounts = await countSipasAnswers(t.app.db, campaignId);
    for (const unit of units) {
      for (const form of forms) {
        const mine = counted().filter((x) => x.unitId === unit.id && x.formId === form.id);
        const got = sqlCounts.get(unit.id)?.get(form.id);
        expect(got?.validForms ?? 0).toBe(mine.length);
        expect(got?.counts ?? new Map()).toEqual(countAnswers(mine.map((x) => x.answers as ResponseAnswers)));
      }
    }
    const one = await countSipasAnswers(t.app.db, campaignId, { unitIds: [units[0]!.id] });
    expect([...one.keys()]).toEqual([units[0]!.id]);
    expect(one.get(units[0]!.id)).toEqual(sqlCounts.get(units[0]!.id));
  });

  it('keeps the running tallies equal to a GROUP BY over every stored answer', async () => {
    const direct = await t.app.db.execute(sql`
      select unit_id, form_id, e.key as q, e.value #>> '{}' as a, count(*)::int as n
        from responses r cross join lateral jsonb_each(r.answers) e
       where review_state = 'valid' and nullif(nullif(e.value #>> '{}', ''), '[]') is not null
       group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
    const tallies = await t.app.db.execute(sql`
      select unit_id, form_id, question_id as q, answer as a, sum(n)::int as n from answer_tallies_live
       group by 1, 2, 3, 4 having sum(n) > 0 order by 1, 2, 3, 4`);
    expect(tallies.rows).toEqual(direct.rows);
  });

  it('GET /campaigns/:id/sipas gives every unit the figures the pure module computes in memory', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${campaignId}/sipas`,
      headers: { cookie: t.adminCookie },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      pending: { counted: boolean };
      units: { unitCode: string; status: string; validForms: number; sipasPercent: number | null }[];
    }>();
    expect(body.pending.counted).toBe(true);
    const computed = units.map((unit) => {
      const mine = counted().filter((x) => x.unitId === unit.id);
      const sources = forms.map((f) => {
        const ofForm = mine.filter((x) => x.formId === f.id);
        return {
          form: f.definition,
          counts: countAnswers(ofForm.map((x) => x.answers as ResponseAnswers)),
          validForms: ofForm.length,
        };
      });
      return computeSipas({ unitCode: unit.code, sources, validForms: mine.length });
    });
    // Perception and expectation shares are published line by line over the units (docs/0015).
    const published = computed.map((result) => publishSipas(result));
    const lines = (pick: (r: (typeof computed)[number]) => (typeof computed)[number]['perception']) =>
      publishShareLines(
        computed.map((r, i) => ({ shares: pick(r), shown: published[i]?.status === 'ok' && published[i]?.suppressed === null })),
        5,
      );
    const perception = lines((r) => r.perception);
    const expectations = lines((r) => r.expectations);
    units.forEach((unit, i) => {
      const expected = {
        ...published[i],
        perception: perception.units[i] ?? [],
        expectations: rankPublished(expectations.units[i] ?? []),
      };
      const got = body.units.find((u) => u.unitCode === unit.code);
      expect(got).toMatchObject({ unitCode: unit.code, ...expected });
    });
    const statuses = units.map((u) => body.units.find((x) => x.unitCode === u.code)?.status);
    expect(statuses.slice(0, 6)).toEqual(Array(6).fill('ok'));
    expect(statuses[6]).toBe('not_enough_data');
    expect(statuses[7]).toBe('no_data');
  });

  it('refuses SIPAS results to anonymous users', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/sipas` });
    expect(res.statusCode).toBe(401);
  });
});
