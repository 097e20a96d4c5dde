/**
 * Issue 12 item 5 in Chromium, end to end for a form that exists only as a workbook: an admin
 * imports SIPAS/2026-THU (the 2024 national workbook cut to its five service components, with its
 * own title and a reworded first question) on the questionnaires page, chooses it for the online
 * form and the counter kiosks on the campaign page (a tablet paired then is given it), five
 * citizens answer it at /o/ST34, and the results page shows the unit's SIPAS computed by hand from
 * the workbook's mapping (see ANSWERS).
 */
import { findForm, sheetsFromForm, type WorkbookSheets } from '@hailong/forms';
import { sheetsWorkbook } from '@hailong/api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { PHONE, TABLET_LANDSCAPE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
import { signIn } from './staff-fixtures.ts';

const CODE = 'SIPAS/2026-THU';
const TITLE = 'Phiếu thử SIPAS 2026 — 5 nội dung dịch vụ';
const FIRST_QUESTION = 'Nơi chờ có đủ ghế ngồi (phiếu thử 2026)';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Groups of the 2024 workbook left out: the four policy components and the expectations. */
const DROPPED = new Set(['GT', 'TG', 'CL', 'HQ', 'EXPECTATION']);

/**
 * The ratings of the five citizens per component of the workbook's `sipas_component` mapping (every
 * item of a component gets the component's rating unless the item is named; other questions take
 * their first option). Five, as SUPPRESS_MIN_CELL (5) withholds components of fewer answers.
 * Satisfied = 4 or 5, so per item and component:
 *   TC 5, 4, 1, 4, 2 → 3/5 = 60 %        TT 5, 4, 1, 3, 5 → 60 %        CC 5, 4, 5, 4, 3 → 80 %
 *   KQ 5, 2, 5, 4, 4 → 80 %              PA1 5, 4, 2, 4, 5 → 80 %, PA2 and PA3 5, 4, 2, 1, 5 → 60 %
 *   PA = (80 + 60 + 60) / 3 = 66.67 %
 * SIPAS = mean of the five components = (60 + 60 + 80 + 80 + 66.67) / 5 = 69.33 % → "69,3 %".
 */
const ANSWERS: Record<string, number>[] = [
  { TC: 5, TT: 5, CC: 5, KQ: 5, PA: 5 },
  { TC: 4, TT: 4, CC: 4, KQ: 2, PA: 4 },
  { TC: 1, TT: 1, CC: 5, KQ: 5, PA: 2 },
  { TC: 4, TT: 3, CC: 4, KQ: 4, PA: 1, PA1: 4 },
  { TC: 2, TT: 5, CC: 3, KQ: 4, PA: 5 },
];

let sys: TestSystem;
let browser: Browser;
let cookie = '';
let campaignId = '';

/** The 2024 national workbook rewritten as a new form no code knows. */
function importedWorkbook(): WorkbookSheets {
  const national = findForm('SIPAS/2024');
  if (!national) throw new Error('SIPAS/2024 is missing');
  const sheets = sheetsFromForm(national);
  const [settingsHead = [], settingsRow = []] = sheets.settings;
  const set = (column: string, value: string) => (settingsRow[settingsHead.indexOf(column)] = value);
  set('form_id', CODE);
  set('version', '1');
  set('title::vi', TITLE);
  set('title::en', 'SIPAS 2026 trial form — 5 service components');
  set('short_title::vi', 'Phiếu thử SIPAS 2026');
  set('short_title::en', 'SIPAS 2026 trial form');
  const [head = [], ...rows] = sheets.survey;
  const col = (name: string) => head.indexOf(name);
  let group = '';
  const kept = rows.filter((r) => {
    if (r[col('type')] === 'begin group') group = r[col('name')] ?? '';
    return !DROPPED.has(group);
  });
  const first = kept.find((r) => r[col('name')] === 'TC1');
  if (first) first[col('label::vi')] = FIRST_QUESTION;
  const usedLists = new Set(kept.map((r) => (r[col('type')] ?? '').split(' ')[1]).filter(Boolean));
  const [choicesHead = [], ...choices] = sheets.choices;
  const [scoringHead = [], ...scoring] = sheets.scoring;
  return {
    settings: sheets.settings,
    survey: [head, ...kept],
    choices: [
      choicesHead,
      ...choices.filter((r) => usedLists.has(r[0]) || ['likert5', 'likert5_na', 'yes_no'].includes(r[0] ?? '')),
    ],
    scoring: [scoringHead, ...scoring.filter((r) => !DROPPED.has(r[1] ?? '') && r[0] !== 'expectation')],
  };
}

/** Answers every question shown: a component's items with that component's rating, anything else its first option. */
async function answer(page: Page, ratings: Record<string, number>): Promise<void> {
  const questions = page.locator('fieldset.sf-question');
  for (let i = 0; i < (await questions.count()); i++) {
    const q = questions.nth(i);
    const name = (await q.locator('input').first().getAttribute('name')) ?? '';
    const rating = ratings[name] ?? ratings[name.replace(/\d+$/, '')];
    const option = rating
      ? q.locator('.sf-option', { has: page.locator(`input[value="${rating}"]`) })
      : q.locator('.sf-option').first();
    await option.click();
  }
}

beforeAll(async () => {
  sys = await startTestSystem();
  cookie = await sys.sessionCookie();
  const res = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie },
    payload: {
      kind: 'sipas',
      name: 'SIPAS thử 2026',
      year: 2021,
      opensAt: '2020-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
      settings: { minSample: 5 },
    },
  });
  if (res.statusCode !== 201) throw new Error(`campaign: ${res.statusCode} ${res.body}`);
  campaignId = String(res.json<{ id: string }>().id);
  browser = await journeyBrowser();
}, 480_000);
afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

describe('a form imported from a workbook', () => {
  it('is imported, chosen for the online form and kiosks, answered by citizens and scored on the results page', async () => {
    const admin = await browser.newContext({ ...TABLET_LANDSCAPE, baseURL: sys.baseUrl });
    const page = await admin.newPage();

    // Imported on the questionnaires page: dry run, then import.
    await page.goto('/admin/forms');
    await signIn(page);
    await page.getByRole('heading', { name: 'Phiếu khảo sát', level: 1 }).waitFor();
    const file = page.getByLabel('Chọn tệp phiếu (.xlsx)');
    await file.setInputFiles({ name: 'sipas-2026-thu.xlsx', mimeType: XLSX, buffer: await sheetsWorkbook(importedWorkbook()) });
    await page.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${CODE} v1` })
      .filter({ hasText: 'sẽ được tạo mới' })
      .waitFor();
    await page.getByRole('button', { name: 'Nhập phiếu' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Đã nhập phiếu: ${CODE} v1` })
      .waitFor();
    await page.locator(`tr[data-form="${CODE} v1"]`).waitFor();

    // Chosen for the online form and the counter kiosks on the campaign page.
    await page.goto(`/admin/campaigns/${campaignId}`);
    const section = page.getByRole('region', { name: 'Phiếu theo kênh' });
    const online = section.getByLabel('Phiếu trực tuyến (/o)');
    await expect.poll(() => online.inputValue()).toBe('02/2021-DVCTT');
    expect(await online.locator(`option[value="${CODE}"]`).textContent()).toContain(`${CODE} · v1 — ${TITLE}`);
    await online.selectOption(CODE);
    await section.getByLabel('Máy tại quầy (phiếu đầy đủ)').selectOption(CODE);
    await section.getByRole('button', { name: 'Lưu phiếu theo kênh' }).click();
    await section.getByRole('status').getByText('Đã lưu phiếu theo kênh.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const stored = await sys.app.inject({ url: `/api/v1/campaigns/${campaignId}/channel-forms`, headers: { cookie } });
    expect(stored.json<{ channelForms: { kiosk: string; online: string } }>().channelForms).toMatchObject({
      kiosk: CODE,
      online: CODE,
    });

    // A counter tablet paired now is given the imported form.
    const kiosk = await sys.app.inject({
      method: 'POST',
      url: '/api/v1/kiosks',
      headers: { cookie },
      payload: { unitCode: 'ST34', counterName: 'Quầy thử 2026', mode: 'full', minIntervalSeconds: 0, hourlyCap: 1000 },
    });
    expect(kiosk.statusCode).toBe(201);
    const paired = await sys.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/pair',
      payload: { pairingCode: kiosk.json<{ pairingCode: string }>().pairingCode },
      remoteAddress: '10.26.0.1',
    });
    expect(paired.json<{ form: { code: string; title: { vi: string } } }>().form).toMatchObject({
      code: CODE,
      title: { vi: TITLE },
    });

    // Five citizens answer it online: the imported title and wording, five components only.
    for (const ratings of ANSWERS) {
      const phone = await browser.newContext(PHONE);
      const citizen = await phone.newPage();
      await citizen.goto(`${sys.baseUrl}/o/ST34`);
      await citizen.getByRole('button', { name: 'Gửi phiếu' }).waitFor();
      await citizen.getByText(TITLE, { exact: false }).first().waitFor();
      await citizen.getByText(FIRST_QUESTION, { exact: false }).first().waitFor();
      expect(await citizen.locator('input[name^="GT"], input[name^="HQ"], input[name^="KV"]').count()).toBe(0);
      await answer(citizen, ratings);
      await citizen.getByRole('button', { name: 'Gửi phiếu' }).click();
      await citizen.getByText('Xin cảm ơn Ông/Bà! Ý kiến đã được ghi nhận.').waitFor();
      await phone.close();
    }
    const validOnline = async () =>
      (
        await sys.query<{ n: number }>(
          `select count(*)::int as n from responses r join forms f on f.id = r.form_id
            where f.code = $1 and r.channel = 'online' and r.review_state = 'valid'`,
          [CODE],
        )
      )[0]?.n;
    await expect.poll(validOnline, { timeout: 15_000 }).toBe(5);

    // The results page: the SIPAS of ST34 from the workbook's mapping (ANSWERS).
    await page.goto(`/admin/campaigns/${campaignId}/results`);
    const row = page.locator('tr[data-unit="ST34"]');
    await expect.poll(() => row.locator('[data-col="valid"]').textContent(), { timeout: 15_000 }).toBe('5');
    expect(await row.locator('[data-col="sipas"]').textContent()).toBe('69,3 %');
    await admin.close();
  });
});
