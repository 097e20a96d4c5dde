import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { findForm, shownQuestionIds } from '@hailong/forms';
import { computeSipas, countAnswers } from '@hailong/scoring';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import {
  assign,
  createEnumerator,
  createFieldCampaign,
  fieldForm,
  interview,
  sync,
  FIELD_PASSWORD,
  type FieldEnumerator,
} from './enumerator-fixtures.ts';

let t: TestApp;
let campaignId: string;
let e1: FieldEnumerator;
let e2: FieldEnumerator;
let a1: string;
let supervisor: string;
let observer: string;

async function account(path: string, payload: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: path, headers: { cookie: t.adminCookie }, payload });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** SIPAS of ST34 from its valid enumerator responses, through packages/scoring. */
async function sipasOfUnit(): Promise<{ valid: number; sipas: number | null }> {
  const r = await t.app.db.execute<{ answers: Record<string, unknown> }>(sql`
    select r.answers from responses r join units u on u.id = r.unit_id
    where r.campaign_id = ${campaignId} and u.code = 'ST34' and r.review_state = 'valid'`);
  const form = findForm('01/2021-TT');
  if (!form) throw new Error('no form');
  const res = computeSipas({
    unitCode: 'ST34',
    validForms: r.rows.length,
    sources: [{ form, counts: countAnswers(r.rows.map((x) => x.answers as never)) }],
  });
  return { valid: r.rows.length, sipas: res.sipasPercent };
}

beforeAll(async () => {
  t = await buildTestApp();
  campaignId = await createFieldCampaign(t);
  e1 = await createEnumerator(t);
  e2 = await createEnumerator(t, 'Bưu điện huyện Mỹ Xuyên');
  a1 = await assign(t, campaignId, e1.id, 'ST34', 20);
  await assign(t, campaignId, e2.id, 'ST34', 20);
  await account('/api/v1/supervisors', {
    fullName: 'Giám sát MTTQ',
    email: 'gs@mttq.vn',
    organisation: 'Ủy ban MTTQ tỉnh',
    password: FIELD_PASSWORD,
    role: 'supervisor',
  });
  await account('/api/v1/supervisors', {
    fullName: 'Quan sát CCB',
    email: 'qs@ccb.vn',
    organisation: 'Hội Cựu chiến binh tỉnh',
    password: FIELD_PASSWORD,
    role: 'observer',
  });
  for (const organisation of ['Ủy ban MTTQ tỉnh', 'Hội Cựu chiến binh tỉnh']) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${campaignId}/supervisors`,
      headers: { cookie: t.adminCookie },
      payload: { organisation },
    });
    expect(res.statusCode).toBe(201);
  }
  supervisor = await t.login('gs@mttq.vn', FIELD_PASSWORD);
  observer = await t.login('qs@ccb.vn', FIELD_PASSWORD);
  const form = await fieldForm(t, e1.cookie);
  await sync(
    t,
    e1.cookie,
    Array.from({ length: 10 }, (_, i) => interview(a1, form, i + 1, i < 2 ? { completedAt: '2021-11-05T08:01:00+07:00' } : {})),
  );
});
afterAll(async () => t?.close());

describe('supervision', () => {
  it('shows progress per enumerator, unit and organisation to admins, supervisors and observers', async () => {
    for (const cookie of [t.adminCookie, supervisor, observer]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/progress`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      const p = res.json();
      expect(p.byEnumerator.find((x: { enumeratorId: string }) => x.enumeratorId === e1.id)).toMatchObject({
        collected: 10,
        valid: 8,
        pending: 2,
        invalid: 0,
        quota: 20,
      });
      expect(p.byUnit).toEqual([expect.objectContaining({ unitCode: 'ST34', collected: 10, quota: 40 })]);
      expect(p.byOrganisation).toHaveLength(2);
    }
  });

  it('refuses progress to a supervisor whose organisation does not supervise the campaign', async () => {
    await account('/api/v1/supervisors', {
      fullName: 'Khác',
      email: 'khac@example.vn',
      organisation: 'Tổ chức khác',
      password: FIELD_PASSWORD,
    });
    const other = await t.login('khac@example.vn', FIELD_PASSWORD);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${campaignId}/progress`,
      headers: { cookie: other },
    });
    expect(res.statusCode).toBe(403);
    const enumerator = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${campaignId}/review-queue`,
      headers: { cookie: e2.cookie },
    });
    expect(enumerator.statusCode).toBe(403);
  });

  it('lists short interviews in the review queue, without answers for observers', async () => {
    const sup = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${campaignId}/review-queue`,
      headers: { cookie: supervisor },
    });
    const items = sup.json().items;
    expect(items).toHaveLength(2);
    expect(items[0].flags).toContain('short_interview');
    expect(items[0].answers).toBeDefined();
    expect(items[0]).toMatchObject({
      formName: 'Phiếu khảo sát trực tiếp – mẫu 01',
      place: { hamlet: null, commune: null, district: 'Huyện Mỹ Tú' },
    });
    expect(items[0].flagNotes).toEqual([
      {
        flag: 'short_interview',
        vi: 'Phỏng vấn quá ngắn: 1 phút 0 giây, dưới mức tối thiểu 5 phút 0 giây của đợt',
        en: "Interview too short: 1 min 0 s, below the campaign's minimum of 5 min 0 s",
      },
    ]);
    // The answers in words: every question of form 01 with its Vietnamese label and the chosen answer's label.
    expect(items[0].answerLines).toHaveLength(shownQuestionIds(findForm('01/2021-TT')!, items[0].answers).size);
    const tc1 = items[0].answerLines[0];
    expect(tc1).toMatchObject({
      questionId: 'TC1',
      number: 1,
      section: { vi: 'Tiếp cận dịch vụ' },
      question: { vi: expect.stringMatching(/^Nơi ngồi chờ/) },
    });
    expect(tc1.answer.vi).toMatch(/^[1-5] · (Rất không hài lòng|Không hài lòng|Bình thường|Hài lòng|Rất hài lòng)$/);
    expect(items[0].answerLines.find((l: { questionId: string }) => l.questionId === 'V').answer.vi).toMatch(/lần$/);
    const obs = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${campaignId}/review-queue`,
      headers: { cookie: observer },
    });
    expect(obs.json().items).toHaveLength(2);
    expect(obs.json().items[0].answers).toBeUndefined();
    expect(obs.json().items[0].answerLines).toBeUndefined();
    expect(obs.json().items[0].note).toBeUndefined();
    expect(obs.json().items[0].flagNotes[0].flag).toBe('short_interview');
  });

  it('changes SIPAS when a supervisor marks forms valid or invalid, audits it, and refuses observers', async () => {
    const before = await sipasOfUnit();
    expect(before.valid).toBe(8);
    const queue = (
      await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/review-queue`, headers: { cookie: supervisor } })
    ).json().items;
    const denied = await t.app.inject({
      method: 'POST',
      url: `/api/v1/responses/${queue[0].id}/decision`,
      headers: { cookie: observer },
      payload: { state: 'valid', reason: 'ok' },
    });
    expect(denied.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/v1/responses/${queue[0].id}/decision`,
      headers: { cookie: supervisor },
      payload: { state: 'valid', reason: 'Đã gọi lại xác nhận' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await sipasOfUnit()).valid).toBe(9);
    const all = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/campaigns/${campaignId}/review-queue?state=all`,
        headers: { cookie: t.adminCookie },
      })
    ).json().items;
    const someValid = all.find((x: { reviewState: string }) => x.reviewState === 'valid');
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/responses/${someValid.id}/decision`,
      headers: { cookie: supervisor },
      payload: { state: 'invalid', reason: 'Không phỏng vấn thật' },
    });
    const after = await sipasOfUnit();
    expect(after.valid).toBe(8);
    const expected = await (async () => {
      const r = await t.app.db.execute<{ answers: Record<string, unknown> }>(
        sql`select answers from responses where campaign_id = ${campaignId} and review_state = 'valid'`,
      );
      return computeSipas({
        unitCode: 'ST34',
        validForms: r.rows.length,
        sources: [{ form: findForm('01/2021-TT')!, counts: countAnswers(r.rows.map((x) => x.answers as never)) }],
      }).sipasPercent;
    })();
    expect(after.sipas).toBe(expected);
    const audit = await t.app.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'review_decision'`,
    );
    expect(audit.rows[0]?.n).toBe(2);
    const progress = (
      await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/progress`, headers: { cookie: t.adminCookie } })
    ).json();
    expect(progress.byEnumerator.find((x: { enumeratorId: string }) => x.enumeratorId === e1.id)).toMatchObject({
      valid: 8,
      invalid: 1,
      pending: 1,
    });
  });

  it("draws 5% of each enumerator's forms for back-checks once, and records the outcome", async () => {
    const url = `/api/v1/campaigns/${campaignId}/back-checks/draw`;
    const first = await t.app.inject({ method: 'POST', url, headers: { cookie: supervisor }, payload: {} });
    expect(first.statusCode).toBe(200);
    expect(first.json().drawn).toBe(1); // ceil(9 non-invalid × 5%) for e1; e2 has no forms
    const again = await t.app.inject({ method: 'POST', url, headers: { cookie: supervisor } });
    expect(again.json()).toMatchObject({ drawn: 0, total: 1 });
    const bc = first.json().backChecks[0];
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/back-checks/${bc.id}`,
      headers: { cookie: supervisor },
      payload: { outcome: 'confirmed', note: 'Người dân xác nhận' },
    });
    expect(patch.statusCode).toBe(200);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${campaignId}/back-checks`,
      headers: { cookie: observer },
    });
    expect(list.json().backChecks[0].outcome).toBe('confirmed');
    const half = await t.app.inject({ method: 'POST', url, headers: { cookie: t.adminCookie }, payload: { share: 0.5 } });
    expect(half.json().total).toBe(5);
  });

  it('exports remuneration as XLSX: one row per enumerator, valid forms × rate, and a totals row', async () => {
    const json = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${campaignId}/remuneration?rate=25000`,
      headers: { cookie: t.adminCookie },
    });
    expect(json.json().totals).toEqual({ validForms: 8, amount: 200000 });
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${campaignId}/remuneration?rate=25000&format=xlsx`,
      headers: { cookie: t.adminCookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(5); // title, header, 2 enumerators, totals
    const byName = new Map(rows.slice(2, 4).map((r) => [r[2], r]));
    expect(
      byName.get(json.json().rows.find((r: { enumeratorId: string }) => r.enumeratorId === e1.id).fullName)?.slice(4, 7),
    ).toEqual([8, 25000, 200000]);
    expect(rows[4]?.slice(2, 7)).toEqual(['Tổng cộng', '', 8, '', 200000]);
    const denied = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${campaignId}/remuneration?rate=1`,
      headers: { cookie: supervisor },
    });
    expect(denied.statusCode).toBe(403);
  });
});
