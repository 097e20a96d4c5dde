/**
 * Small-cell suppression in the per-question breakdowns of /sipas and in /results (issue 14,
 * SUPPRESS_MIN_CELL = 5): a criterion answered by 3 people, a perception share of 2 answers and a
 * form with 3 valid forms show no rate, and the figures shown beside them (the component, the pooled
 * SIPAS) do not give them back by subtraction; a unit's quick-form satisfied count under the
 * minimum sample is withheld with its rate. Response counts stay visible.
 */
import { FORM_CODES } from '@hailong/forms';
import { schema } from '@hailong/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { findStoredForm } from '../src/features/forms/repo.ts';
import { createCampaign, insertResponses, type GeneratedResponse } from './aggregation-fixtures.ts';

const OPENS = new Date('2021-11-02T17:00:00Z');
const CLOSES = new Date('2021-11-22T17:00:00Z');
const DAY = new Date(OPENS.getTime() + 86_400_000);

type Withheld = 'small' | 'secondary' | null;
interface Criterion {
  code: string;
  form?: string;
  valid: number;
  ratePercent: number | null;
  suppressed: Withheld;
}
interface SipasUnit {
  unitCode: string;
  status: string;
  validForms: number;
  sipasPercent: number | null;
  components: { code: string; ratePercent: number | null; suppressed: Withheld; criteria: Criterion[] }[];
  perception: { code: string; answered: number; percent: number | null; suppressed: Withheld }[];
  byForm: { form: string; validForms: number; sipasPercent: number | null; suppressed: Withheld }[];
}

let t: TestApp;
let campaignId = '';
const get = <T>(url: string) => t.app.inject({ url, headers: { cookie: t.adminCookie } }).then((r) => r.json<T>());

/** `n` forms of `code` for a unit; `answers(i)` gives the i-th form's answers. */
async function store(code: string, unitCode: string, n: number, answers: (i: number) => Record<string, unknown>) {
  const form = (await findStoredForm(t.app.db, code))!;
  const [unit] = (await t.app.db.select().from(schema.units)).filter((u) => u.code === unitCode);
  const rows: GeneratedResponse[] = Array.from({ length: n }, (_, i) => ({
    campaignId,
    unitId: unit!.id,
    formId: form.id,
    reviewState: 'valid',
    completedAt: DAY,
    answers: answers(i),
  }));
  await insertResponses(t.app.db, rows);
  return form.definition;
}

beforeAll(async () => {
  t = await buildTestApp({ suppressMinCell: 5 });
  campaignId = await createCampaign(t.app.db, 'sipas', 'SIPAS 2021', 2021, OPENS, CLOSES);
  const counter = (await findStoredForm(t.app.db, FORM_CODES.counter))!.definition;
  const criteria = counter.scoring.sipas!.components.flatMap((c) => c.criteria);
  // ST16: 40 counter forms. TC1 is answered 5 by 30 and 2 by 10; TC4, a question most skip, by 3
  // people (all 5); two results were late, and only those two say whether they were told.
  await store(FORM_CODES.counter, 'ST16', 40, (i) => ({
    ...Object.fromEntries(criteria.map((q) => [q, 4])),
    TC1: i < 30 ? 5 : 2,
    TC4: i < 3 ? 5 : 'na',
    V: '1',
    RESULT_TIME: i < 2 ? 'late' : 'on_time',
    ...(i < 2 ? { LATE_NOTIFIED: i === 0 } : {}),
  }));
  // ... and 3 online forms (no answer on TC): the online form's own figure is a small cell beside the pooled SIPAS.
  const online = (await findStoredForm(t.app.db, FORM_CODES.online))!.definition;
  const onlineCriteria = online.scoring.sipas!.components.filter((c) => c.code !== 'TC').flatMap((c) => c.criteria);
  await store(FORM_CODES.online, 'ST16', 3, () => Object.fromEntries(onlineCriteria.map((q) => [q, 5])));
  // Quick counter forms: 3 at ST16 (under the minimum sample), 40 at ST11.
  await store(FORM_CODES.quick, 'ST16', 3, () => ({ Q1: 5, Q2: 5, Q3: 5, Q4: 5, OV: 5 }));
  await store(FORM_CODES.quick, 'ST11', 40, (i) => ({ Q1: 4, Q2: 4, Q3: 4, Q4: 4, OV: i < 30 ? 5 : 1 }));
}, 60_000);
afterAll(async () => t?.close());

const st16 = async () =>
  (await get<{ units: SipasUnit[]; minCell: number }>(`/api/v1/campaigns/${campaignId}/sipas`)).units.find(
    (u) => u.unitCode === 'ST16',
  )!;

describe('/sipas per-question breakdowns', () => {
  it('shows "< 5" for a criterion 3 people answered and withholds a second criterion of the component', async () => {
    const unit = await st16();
    expect(unit).toMatchObject({ status: 'ok', validForms: 43 });
    const tc = unit.components.find((c) => c.code === 'TC')!;
    const counterTc = tc.criteria.filter((k) => k.form === FORM_CODES.counter);
    expect(counterTc.find((k) => k.code === 'TC4')).toMatchObject({ valid: 3, ratePercent: null, suppressed: 'small' });
    const secondary = tc.criteria.filter((k) => k.suppressed === 'secondary');
    expect(secondary).toHaveLength(1);
    expect(secondary[0]?.ratePercent).toBeNull();
    // The component's rate stays, and the other criteria are shown with their counts.
    expect(tc.ratePercent).not.toBeNull();
    expect(counterTc.find((k) => k.code === 'TC2')).toMatchObject({ valid: 40, ratePercent: 100, suppressed: null });
  });

  it('does not let the component rate minus the shown criteria give the small criterion back', async () => {
    const tc = (await st16()).components.find((c) => c.code === 'TC')!;
    const valid = tc.criteria.reduce((a, k) => a + k.valid, 0);
    const shown = tc.criteria.filter((k) => k.ratePercent !== null);
    const hidden = tc.criteria.filter((k) => k.ratePercent === null && k.valid > 0);
    const satisfied = (k: { ratePercent: number | null; valid: number }) => Math.round(((k.ratePercent ?? 0) * k.valid) / 100);
    // Everything a reader can subtract: the component's satisfied answers minus the shown criteria's.
    const left = Math.round(((tc.ratePercent ?? 0) * valid) / 100) - shown.reduce((a, k) => a + satisfied(k), 0);
    const small = hidden.find((k) => k.suppressed === 'small')!;
    const other = hidden.find((k) => k.suppressed === 'secondary')!;
    // Every split of `left` between the two withheld criteria that fits their sizes is possible.
    const splits = Array.from({ length: small.valid + 1 }, (_, s) => s).filter((s) => left - s >= 0 && left - s <= other.valid);
    expect(splits.length).toBeGreaterThanOrEqual(2);
  });

  it('withholds a perception share of 2 answers and keeps the one of 43', async () => {
    const unit = await st16();
    const by = Object.fromEntries(unit.perception.map((p) => [p.code, p]));
    expect(by.late_notified).toEqual({ code: 'late_notified', answered: 2, percent: null, suppressed: 'small' });
    expect(by.result_late).toMatchObject({ answered: 40, suppressed: null, percent: 5 });
  });

  it('withholds the online form of 3 forms and, beside the pooled SIPAS, the counter form too', async () => {
    const unit = await st16();
    expect(unit.sipasPercent).not.toBeNull();
    const by = Object.fromEntries(unit.byForm.map((f) => [f.form, f]));
    expect(by[FORM_CODES.online]).toMatchObject({ validForms: 3, sipasPercent: null, suppressed: 'small' });
    expect(by[FORM_CODES.counter]).toMatchObject({ validForms: 40, sipasPercent: null, suppressed: 'secondary' });
  });

  it('carries the minimum cell in the answer', async () => {
    expect((await get<{ minCell: number }>(`/api/v1/campaigns/${campaignId}/sipas`)).minCell).toBe(5);
  });
});

describe('/results per unit', () => {
  it('withholds the satisfied count of a unit under the minimum sample with its rate, keeping the count of forms', async () => {
    const body = await get<{
      minCell: number;
      units: { unitCode: string; quickForms: number; quickSatisfied: number | null; quickRatePercent: number | null }[];
    }>(`/api/v1/campaigns/${campaignId}/results`);
    expect(body.minCell).toBe(5);
    const by = Object.fromEntries(body.units.map((u) => [u.unitCode, u]));
    expect(by.ST16).toMatchObject({ quickForms: 3, quickSatisfied: null, quickRatePercent: null });
    expect(by.ST11).toMatchObject({ quickForms: 40, quickSatisfied: 30, quickRatePercent: 75 });
  });
});
