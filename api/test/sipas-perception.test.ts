/**
 * Perception shares and the expectation ranking of the 2024 national form in /sipas (issue 12),
 * per unit and over the campaign, with small cells withheld as in docs/0015 (SUPPRESS_MIN_CELL = 5):
 * each item's line has the units' answers as cells and the overall share as its total.
 *
 * Hand-computed (minimum sample 5):
 * - ST16, 40 forms: harassment 4, money beyond the rules 2; "rất nhiều" KV1 30, KV2 10, KV3 20, KV8 36.
 * - ST12, 20 forms: harassment 2, money 1; "rất nhiều" KV1 5, KV2 20, KV3 10.
 * - ST11, 6 forms: harassment 3; only 3 answer the money question (1 yes); "rất nhiều" KV4 6.
 * Overall: harassment 9/66 = 13.64 %; money 4/63 = 6.35 % — ST11's 3 answers are "< 5", and since
 * the overall share is shown, the smaller other unit (ST12, 20 answers) is withheld too.
 * Ranking over 66 forms: KV8 36 (54.55), KV1 35 (53.03), KV2 30 (45.45), KV3 30 (45.45), KV4 6 (9.09),
 * then the five items nobody wants "rất nhiều" (0) in the form's order.
 */
import { schema } from '@hailong/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { findStoredForm } from '../src/features/forms/repo.ts';
import { createCampaign, insertResponses, type GeneratedResponse } from './aggregation-fixtures.ts';

const OPENS = new Date('2024-09-02T17:00:00Z');
const CLOSES = new Date('2024-10-22T17:00:00Z');
const DAY = new Date(OPENS.getTime() + 86_400_000);
const FORM = 'SIPAS/2024';

type Withheld = 'small' | 'secondary' | null;
interface Share {
  code: string;
  answered: number;
  percent: number | null;
  suppressed: Withheld;
  rank?: number | null;
  label?: { vi: string; en: string };
}
interface Body {
  minCell: number;
  units: { unitCode: string; status: string; validForms: number; perception: Share[]; expectations: Share[] }[];
  overall: { validForms: number; perception: Share[]; expectations: Share[] };
}

let t: TestApp;
let campaignId = '';

async function store(unitCode: string, n: number, answers: (i: number) => Record<string, unknown>) {
  const form = (await findStoredForm(t.app.db, FORM))!;
  const [unit] = (await t.app.db.select().from(schema.units)).filter((u) => u.code === unitCode);
  const base: Record<string, unknown> = {
    ...form.definition.example,
    RESULT_TIME: 'on_time',
    HARASSMENT: false,
    EXTRA_PAYMENT: false,
    ...Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`KV${k + 1}`, 'it'])),
  };
  const rows: GeneratedResponse[] = Array.from({ length: n }, (_, i) => ({
    campaignId,
    unitId: unit!.id,
    formId: form.id,
    reviewState: 'valid',
    completedAt: DAY,
    answers: Object.fromEntries(Object.entries({ ...base, ...answers(i) }).filter(([, v]) => v !== undefined)),
  }));
  await insertResponses(t.app.db, rows);
}

const veryMuch = (yes: boolean) => (yes ? 'rat_nhieu' : 'nhieu');

beforeAll(async () => {
  t = await buildTestApp({ suppressMinCell: 5 });
  campaignId = await createCampaign(t.app.db, 'sipas', 'SIPAS 2024', 2024, OPENS, CLOSES, { minSample: 5 });
  await store('ST16', 40, (i) => ({
    HARASSMENT: i < 4,
    EXTRA_PAYMENT: i < 2,
    KV1: veryMuch(i < 30),
    KV2: veryMuch(i < 10),
    KV3: veryMuch(i < 20),
    KV8: veryMuch(i < 36),
  }));
  await store('ST12', 20, (i) => ({
    HARASSMENT: i < 2,
    EXTRA_PAYMENT: i < 1,
    KV1: veryMuch(i < 5),
    KV2: 'rat_nhieu',
    KV3: veryMuch(i < 10),
  }));
  await store('ST11', 6, (i) => ({
    HARASSMENT: i < 3,
    EXTRA_PAYMENT: i < 3 ? i < 1 : undefined,
    KV4: 'rat_nhieu',
  }));
}, 60_000);
afterAll(async () => t?.close());

const sipas = async (): Promise<Body> => {
  const res = await t.app.inject({ url: `/api/v1/campaigns/${campaignId}/sipas`, headers: { cookie: t.adminCookie } });
  expect(res.statusCode).toBe(200);
  return res.json<Body>();
};
const byCode = (shares: Share[]) => Object.fromEntries(shares.map((s) => [s.code, s]));
const unit = (body: Body, code: string) => body.units.find((u) => u.unitCode === code)!;

describe('/sipas perception shares (2024 form)', () => {
  it('gives each unit its shares, and pools every valid form overall', async () => {
    const body = await sipas();
    expect(unit(body, 'ST16')).toMatchObject({ status: 'ok', validForms: 40 });
    expect(byCode(unit(body, 'ST16').perception).harassment).toEqual({
      code: 'harassment',
      answered: 40,
      percent: 10,
      suppressed: null,
    });
    expect(byCode(unit(body, 'ST12').perception).harassment).toMatchObject({ answered: 20, percent: 10 });
    expect(byCode(unit(body, 'ST11').perception).harassment).toMatchObject({ answered: 6, percent: 50 });
    expect(body.overall.validForms).toBe(66);
    const overall = byCode(body.overall.perception);
    expect(overall.harassment).toMatchObject({ answered: 66, percent: 13.64, suppressed: null });
    expect(overall.harassment?.label?.vi).toBe('Công chức gây phiền hà, sách nhiễu');
    expect(overall.result_late).toMatchObject({ answered: 66, percent: 0, suppressed: null });
  });

  it('shows "< 5" for 3 answers and withholds a second unit, since the overall share is shown', async () => {
    const body = await sipas();
    expect(byCode(unit(body, 'ST11').perception).unofficial_payment).toEqual({
      code: 'unofficial_payment',
      answered: 3,
      percent: null,
      suppressed: 'small',
    });
    expect(byCode(unit(body, 'ST12').perception).unofficial_payment).toMatchObject({
      answered: 20,
      percent: null,
      suppressed: 'secondary',
    });
    expect(byCode(unit(body, 'ST16').perception).unofficial_payment).toMatchObject({ percent: 5, suppressed: null });
    expect(byCode(body.overall.perception).unofficial_payment).toMatchObject({
      answered: 63,
      percent: 6.35,
      suppressed: null,
    });
  });
});

describe('/sipas expectation ranking (2024 form)', () => {
  it('ranks the ten items overall by the share answering "rất nhiều"', async () => {
    const { expectations } = (await sipas()).overall;
    expect(expectations.map((e) => [e.code, e.percent, e.rank])).toEqual([
      ['kv8', 54.55, 1],
      ['kv1', 53.03, 2],
      ['kv2', 45.45, 3],
      ['kv3', 45.45, 4],
      ['kv4', 9.09, 5],
      ['kv5', 0, 6],
      ['kv6', 0, 7],
      ['kv7', 0, 8],
      ['kv9', 0, 9],
      ['kv10', 0, 10],
    ]);
    expect(expectations[0]?.label?.vi).toBe('Tăng cường ứng dụng công nghệ thông tin, dịch vụ công trực tuyến');
    expect(expectations.every((e) => e.answered === 66 && e.suppressed === null)).toBe(true);
  });

  it('ranks each unit its own way', async () => {
    const body = await sipas();
    const top = (code: string) =>
      unit(body, code)
        .expectations.slice(0, 4)
        .map((e) => [e.code, e.percent, e.rank]);
    expect(top('ST16')).toEqual([
      ['kv8', 90, 1],
      ['kv1', 75, 2],
      ['kv3', 50, 3],
      ['kv2', 25, 4],
    ]);
    expect(top('ST12')).toEqual([
      ['kv2', 100, 1],
      ['kv3', 50, 2],
      ['kv1', 25, 3],
      ['kv4', 0, 4],
    ]);
    expect(top('ST11')[0]).toEqual(['kv4', 100, 1]);
  });
});
