/**
 * The method owner's decisions, through HTTP and the database: a unit's SIPAS pools forms 01 and 02
 * within each component (per-form figures beside it), and the late-only questions count only among
 * the late cases.
 */
import { randomUUID } from 'node:crypto';
import { schema } from '@hailong/db';
import { findForm } from '@hailong/forms';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { insertResponses, type GeneratedResponse } from './aggregation-fixtures.ts';
import { openSipasCampaign } from './kiosk-fixtures.ts';

const form01 = findForm('01/2021-TT')!;
const form02 = findForm('02/2021-DVCTT')!;

/** Every SIPAS criterion of a form answered `value`, plus the form's required other answers. */
function rated(form: typeof form01, value: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const criteria = form.scoring.sipas?.components.flatMap((c) => c.criteria) ?? [];
  return { ...form.example, ...Object.fromEntries(criteria.map((q) => [q, value])), OV: value, ...extra };
}

describe('SIPAS method decisions (issue 12)', () => {
  let t: TestApp;
  let unitId: number;
  const formIds = new Map<string, number>();

  beforeAll(async () => {
    t = await buildTestApp();
    const [unit] = await t.app.db.select({ id: schema.units.id }).from(schema.units).where(eq(schema.units.code, 'ST34'));
    unitId = unit!.id;
    for (const f of [form01, form02]) {
      const [row] = await t.app.db
        .select({ id: schema.forms.id })
        .from(schema.forms)
        .where(and(eq(schema.forms.code, f.code), eq(schema.forms.version, f.version)));
      formIds.set(f.code, row!.id);
    }
  });
  afterAll(async () => t?.close());

  const sipasOf = async (campaignId: string) => {
    const res = await t.app.inject({ url: `/api/v1/campaigns/${campaignId}/sipas`, headers: { cookie: t.adminCookie } });
    expect(res.statusCode).toBe(200);
    return res
      .json<{
        units: Array<{
          unitCode: string;
          sipasPercent: number | null;
          perception: Array<{ code: string; answered: number; percent: number | null }>;
          byForm: Array<{ form: string; sipasPercent: number | null; validForms: number; suppressed: string | null }>;
        }>;
      }>()
      .units.find((u) => u.unitCode === 'ST34')!;
  };

  const rows = (campaignId: string, code: string, answers: Record<string, unknown>[]): GeneratedResponse[] =>
    answers.map((a) => ({
      campaignId,
      unitId,
      formId: formIds.get(code)!,
      answers: a,
      reviewState: 'valid',
      completedAt: new Date('2021-11-10T03:00:00Z'),
    }));

  it('gives 99.73 % for 300 satisfied counter forms and 1 dissatisfied online form, with each form’s own figure beside it', async () => {
    const campaignId = await openSipasCampaign(t, { minSample: 1 });
    await insertResponses(t.app.db, [
      ...rows(
        campaignId,
        form01.code,
        Array.from({ length: 300 }, () => rated(form01, 5)),
      ),
      ...rows(campaignId, form02.code, [rated(form02, 1)]),
    ]);
    const unit = await sipasOf(campaignId);
    expect(unit.sipasPercent).toBe(99.73);
    // Each form's own figure is listed, but the online one is a single form: shown beside the pooled
    // 99.73 %, the counter form's 100 % would give that person's answers away, so both are withheld (issue 14).
    expect(unit.byForm.map((f) => [f.form, f.validForms, f.sipasPercent, f.suppressed])).toEqual([
      ['01/2021-TT', 300, null, 'secondary'],
      ['02/2021-DVCTT', 1, null, 'small'],
    ]);
  });

  it('keeps the mean of items when the campaign asks for it (56.67 %)', async () => {
    const campaignId = await openSipasCampaign(t, { minSample: 1, componentMethod: 'mean_of_items' });
    await insertResponses(t.app.db, [
      ...rows(
        campaignId,
        form01.code,
        Array.from({ length: 300 }, () => rated(form01, 5)),
      ),
      ...rows(campaignId, form02.code, [rated(form02, 1)]),
    ]);
    expect((await sipasOf(campaignId)).sipasPercent).toBe(56.67);
  });

  it('refuses an answer to a late-only question when the result was on time, and asks it when late', async () => {
    const post = (answers: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/o/ST34/responses',
        payload: { clientId: randomUUID(), formCode: form02.code, answers },
      });
    await openSipasCampaign(t, { minSample: 1 });
    const refused = await post(rated(form02, 4, { RESULT_TIME: 'on_time', APOLOGY: false }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      error: { code: 'ANSWERS_INVALID', details: [{ questionId: 'APOLOGY', code: 'NOT_APPLICABLE_HERE' }] },
    });
    const missing = await post(rated(form02, 4, { RESULT_TIME: 'late' }));
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json<{ error: { details: { questionId: string; code: string }[] } }>()
        .error.details.map((e) => [e.questionId, e.code]),
    ).toEqual([
      ['LATE_NOTIFIED', 'REQUIRED'],
      ['APOLOGY', 'REQUIRED'],
    ]);
    expect((await post(rated(form02, 4, { RESULT_TIME: 'late', LATE_NOTIFIED: true, APOLOGY: false }))).statusCode).toBe(201);
  });

  it('counts the apology question among the 10 late cases only: 3 apologies of 100 respondents is 30 %', async () => {
    const campaignId = await openSipasCampaign(t, { minSample: 1 });
    const late = (i: number) => ({ RESULT_TIME: 'late', LATE_NOTIFIED: i < 5, APOLOGY: i < 3 });
    const onTime = { RESULT_TIME: 'on_time' };
    await insertResponses(
      t.app.db,
      rows(
        campaignId,
        form01.code,
        Array.from({ length: 100 }, (_, i) => rated(form01, 4, i < 10 ? late(i) : onTime)),
      ),
    );
    const perception = Object.fromEntries((await sipasOf(campaignId)).perception.map((p) => [p.code, [p.answered, p.percent]]));
    expect(perception.apology_given).toEqual([10, 30]);
    expect(perception.late_notified).toEqual([10, 50]);
    expect(perception.result_late).toEqual([100, 10]);
  });
});
