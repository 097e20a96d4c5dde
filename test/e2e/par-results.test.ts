/**
 * The PAR results page in Chromium: an officer opens "Chỉ số CCHC" (this year: nothing yet), picks
 * 2021 where only SIPAS forms exist, imports the self-assessment scores through the page (a bad
 * file lists every bad cell and stores nothing; the good one is checked, then imported), and reads
 * the table — every figure equal to GET /api/v1/par/2021, units lacking an input shown with what
 * they lack, each figure explained on hover and on tap — the four charts, the downloads, at
 * 1366×768 and on a 390-px phone, in Vietnamese and in English. axe finds no serious violation.
 * Staff points from fewer than 5 responses show "< 5", explained on hover and to screen readers.
 */
import { readFileSync } from 'node:fs';
import { FORM_CODES, staffTemplate } from '@hailong/forms';
import { schema } from '@hailong/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, insertResponses, sampleFor, type GeneratedResponse } from '../../api/test/aggregation-fixtures.ts';
import { findStoredForm } from '../../api/src/features/forms/repo.ts';
import { seriousViolations } from '../support/axe.ts';
import { PHONE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { ADMIN } from '../support/build-app.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

const SAMPLE = readFileSync(new URL('../fixtures/par-2021-sample.csv', import.meta.url), 'utf8');
const DESKTOP = { viewport: { width: 1366, height: 768 } };
const BAD = ['unit_code,self_assessment,max_points', 'ST16,48,94', 'XX99,40,90', 'ST11,bốn mươi,89', 'ST25,120,101'].join('\n');

type Par = {
  units: {
    unitCode: string;
    maxPoints: number;
    selfAssessment: number;
    staffSurveyPoints: number;
    sipasPercent: number;
    sipasPoints: number;
    totalPoints: number;
    indexPercent: number;
    band: number;
    rankInGroup: number;
  }[];
  groups: { group: string; meanIndexPercent: number; meanTotalPoints: number }[];
  overall: { meanIndexPercent: number | null };
  incomplete: { unitCode: string; missing: string[] }[];
};

let sys: TestSystem;
let browser: Browser;
let admin: string;

/** What each cell shows: a figure's own text (its button), not the explanation it carries. */
const shown = (row: ReturnType<Page['locator']>) =>
  row.locator('td').evaluateAll((tds) => tds.map((td) => (td.querySelector('button') ?? td).textContent ?? ''));

const vi = (n: number) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

/** SIPAS forms of a year for the sample units (each unit's published SIPAS %), and 40 satisfied forms at ST05. */
async function sipasYear(year: number, shift: number): Promise<void> {
  const opens = new Date(`${year}-11-02T17:00:00Z`);
  const campaignId = await createCampaign(sys.app.db, 'sipas', `SIPAS ${year}`, year, opens, new Date(`${year}-11-22T17:00:00Z`));
  const form = (await findStoredForm(sys.app.db, FORM_CODES.counter))!;
  const criteria = form.definition.scoring.sipas!.components.flatMap((c) => c.criteria);
  const ids = new Map((await sys.app.db.select().from(schema.units)).map((u) => [u.code, u.id]));
  const percents: [string, number][] = SAMPLE.trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .map((c) => [c[0]!, Math.min(100, Number(c[6]) - shift)]);
  const rows: GeneratedResponse[] = [...percents, ['ST05', 100] as [string, number]].flatMap(([code, percent]) => {
    const { n, satisfied } = sampleFor(percent);
    return Array.from({ length: n }, (_, i) => ({
      campaignId,
      unitId: ids.get(code)!,
      formId: form.id,
      reviewState: 'valid' as const,
      completedAt: new Date(opens.getTime() + 86_400_000),
      answers: Object.fromEntries(criteria.map((q) => [q, i < satisfied ? 5 : 2])),
    }));
  });
  await insertResponses(sys.app.db, rows);
}

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel(/Mật khẩu/).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

const table = async (year: number) =>
  (await sys.app.inject({ method: 'GET', url: `/api/v1/par/${year}`, headers: { cookie: admin } })).json<Par>();
const chooseFile = (page: Page, name: string, text: string) =>
  page
    .getByLabel('Chọn tệp điểm tự đánh giá (.csv, .xlsx)')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

beforeAll(async () => {
  sys = await startTestSystem();
  browser = await journeyBrowser();
  admin = await sys.sessionCookie();
  await sipasYear(2021, 0);
  // 2020: the same units a little less satisfied, with last year's scores, so 2021 shows the change.
  await sipasYear(2020, 3);
  const lastYear = SAMPLE.trim()
    .split('\n')
    .map((line, i) => {
      const c = line.split(',');
      return i === 0 ? line : [c[0], c[3], (Number(c[4]) - 2).toFixed(2), c[5]].join(',');
    })
    .map((l, i) => (i === 0 ? 'unit_code,max_points,self_assessment,staff_survey_points' : l))
    .join('\n');
  const imported = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/par/2020/self-assessments',
    headers: { cookie: admin, 'content-type': 'text/csv' },
    payload: lastYear,
  });
  expect(imported.statusCode).toBe(201);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

describe('PAR results page', () => {
  it('imports self-assessments through the page and shows the table, its sources and the charts as the API computes them', async () => {
    const context = await browser.newContext({ ...DESKTOP, baseURL: sys.baseUrl });
    const page = await context.newPage();
    await page.goto('/admin');
    await signIn(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Chỉ số CCHC', exact: true }).click();
    const thisYear = new Date().getFullYear();
    await page.getByRole('heading', { name: `Chỉ số cải cách hành chính năm ${thisYear}` }).waitFor();
    await page.getByTestId('par-empty').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Năm', { exact: true }).selectOption('2021');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await page.getByRole('heading', { name: 'Chỉ số cải cách hành chính năm 2021' }).waitFor();
    await page.getByTestId('par-summary').filter({ hasText: '0 đơn vị đủ dữ liệu; 40 đơn vị còn thiếu dữ liệu' }).waitFor();
    const st16Before = page.getByTestId('par-table').locator('tr[data-unit="ST16"]');
    expect(await st16Before.textContent()).toContain('thiếu điểm tự đánh giá; thiếu điểm khảo sát CBCCVC');

    // A bad file: every bad cell named, nothing can be imported, nothing stored.
    await chooseFile(page, 'tu-danh-gia-loi.csv', BAD);
    await page.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const cells = await errors
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(cells).toEqual([
      ['3', 'Mã đơn vị', 'Không có đơn vị mã "XX99"'],
      ['4', 'Điểm tự đánh giá', 'Không phải số: "bốn mươi"'],
      ['5', 'Điểm tự đánh giá', 'Vượt điểm tối đa (101)'],
    ]);
    expect(await page.getByRole('button', { name: /^Nhập điểm/ }).isDisabled()).toBe(true);
    expect(await sys.query('select unit_id from self_assessments where year = 2021')).toEqual([]);

    // The published file: checked (nothing stored yet), then imported.
    await chooseFile(page, 'tu-danh-gia-2021.csv', SAMPLE);
    await page.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
    await page.getByRole('status').filter({ hasText: 'Tệp hợp lệ: 6 dòng sẽ được nhập' }).waitFor();
    expect(await page.getByTestId('par-import-preview').locator('tbody tr').count()).toBe(6);
    expect(await sys.query('select unit_id from self_assessments where year = 2021')).toEqual([]);
    await page.getByRole('button', { name: 'Nhập điểm (6)' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã nhập điểm của 6 đơn vị.' }).waitFor();
    await page.getByTestId('par-summary').filter({ hasText: '6 đơn vị đủ dữ liệu' }).waitFor();

    // Every figure as the API has it, in Vietnamese number format; groups in the published order.
    const api = await table(2021);
    expect(api.units).toHaveLength(6);
    const grid = page.getByTestId('par-table');
    for (const u of api.units) {
      const tds = await shown(grid.locator(`tr[data-unit="${u.unitCode}"]`));
      expect(tds).toEqual([
        String(u.rankInGroup),
        vi(u.maxPoints),
        vi(u.selfAssessment),
        vi(u.staffSurveyPoints),
        vi(u.sipasPercent),
        vi(u.sipasPoints),
        vi(u.totalPoints),
        vi(u.indexPercent),
        `Nhóm ${u.band}`,
      ]);
    }
    const groupRows = await grid.locator('tr.par-group').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-group')));
    expect(groupRows.slice(0, api.groups.length)).toEqual(api.groups.map((g) => g.group));
    for (const g of api.groups) {
      const tds = await shown(grid.locator(`tr.par-group[data-group="${g.group}"]`));
      expect(tds[6]).toBe(vi(g.meanTotalPoints));
      expect(tds[7]).toBe(vi(g.meanIndexPercent));
    }
    expect((await shown(grid.locator('tr.par-overall')))[2]).toBe(vi(api.overall.meanIndexPercent!));
    expect(await grid.locator('tr.par-group').first().textContent()).toMatch(/^ISở, ban, ngành/);

    // Missing is missing: ST05 has SIPAS forms but no self-assessment; no zero is printed for it.
    expect(api.incomplete).toHaveLength(34);
    expect(api.incomplete.find((u) => u.unitCode === 'ST05')?.missing).toEqual(['no_self_assessment', 'no_staff_points']);
    expect(await grid.locator('tr[data-unit="ST01"]').textContent()).toContain(
      'thiếu điểm tự đánh giá; thiếu điểm khảo sát CBCCVC; thiếu phiếu SIPAS (chưa có phiếu hợp lệ)',
    );
    const st05 = grid.locator('tr[data-unit="ST05"]');
    expect(await st05.textContent()).toContain('Chưa tính được: thiếu điểm tự đánh giá; thiếu điểm khảo sát CBCCVC');
    expect(await st05.textContent()).not.toContain('0,00');

    // Where a figure came from: on hover, and as the button's description.
    const st16 = api.units.find((u) => u.unitCode === 'ST16')!;
    const index = grid.locator('tr[data-unit="ST16"] td').nth(7).getByRole('button');
    await index.hover();
    const why = grid.locator('tr[data-unit="ST16"] td').nth(7).getByRole('tooltip');
    await why.waitFor({ state: 'visible' });
    expect(await why.textContent()).toBe(
      `= tổng điểm ÷ điểm chuẩn tối đa × 100 = ${vi(st16.totalPoints)} ÷ ${vi(st16.maxPoints)} × 100 = ${vi(st16.indexPercent)}\u00a0%.`,
    );
    expect(await index.getAttribute('aria-describedby')).toBe(await why.getAttribute('id'));
    const total = grid.locator('tr[data-unit="ST16"] td').nth(6);
    await total.getByRole('button').hover();
    expect(await total.getByRole('tooltip').textContent()).toContain(
      `${vi(st16.selfAssessment)} + ${vi(st16.staffSurveyPoints)} + ${vi(st16.sipasPoints)} = ${vi(st16.totalPoints)}`,
    );

    // Charts, each labelled, with its figures as a table; the change since 2020 too.
    for (const id of ['par-chart-index', 'par-chart-bands', 'par-chart-scatter', 'par-chart-change']) {
      const chart = page.getByTestId(id);
      await chart.waitFor();
      expect(await chart.locator('svg[role="img"]').count()).toBe(1);
      expect((await chart.locator('figcaption').textContent())?.length).toBeGreaterThan(10);
    }
    expect(await page.getByTestId('par-chart-index').locator('svg [data-unit]').count()).toBe(6);
    expect(await page.getByTestId('par-chart-scatter').locator('circle[data-unit]').count()).toBe(6);
    const change = page.getByTestId('par-chart-change');
    await change.getByText('Xem số liệu của biểu đồ').click();
    const previous = await table(2020);
    const before = previous.units.find((u) => u.unitCode === 'ST16')!.indexPercent;
    expect(await change.locator('tr', { hasText: 'Sở Xây dựng' }).locator('td').allTextContents()).toEqual([
      'Sở Xây dựng',
      vi(before),
      vi(st16.indexPercent),
      `+${vi(st16.indexPercent - before)}`,
    ]);

    // The official files and the template download from the page.
    for (const [name, type] of [
      ['Excel (.xlsx)', 'spreadsheetml'],
      ['CSV', 'text/csv'],
    ] as const) {
      const links = page.getByRole('link', { name, exact: true });
      expect(await links.count()).toBe(2);
      for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
        const res = await page.request.get(href);
        expect(res.status()).toBe(200);
        expect(res.headers()['content-type']).toContain(type);
      }
    }
    expect(await seriousViolations(page)).toEqual([]);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);

    // English by the switch: labels, missing inputs and explanations follow.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'PAR Index 2021' }).waitFor();
    expect(await grid.locator('thead').textContent()).toContain('Self-assessment');
    expect(await grid.locator('tr[data-unit="ST05"]').textContent()).toContain(
      'Not scored: no self-assessment; no staff-survey points',
    );
    expect(await grid.locator('tr[data-unit="ST16"] td').nth(7).textContent()).toContain(st16.indexPercent.toFixed(2));
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await context.close();
  });

  it('works on a 390-px phone: the table scrolls inside its frame and a tap explains a figure', async () => {
    const context = await browser.newContext({ ...PHONE, baseURL: sys.baseUrl });
    const page = await context.newPage();
    await page.goto('/admin/par/2021');
    await signIn(page);
    await page.getByTestId('par-summary').filter({ hasText: '6 đơn vị đủ dữ liệu' }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    const cell = page.getByTestId('par-table').locator('tr[data-unit="ST25"] td').nth(8);
    await cell.getByRole('button').tap();
    const why = cell.getByRole('tooltip');
    await why.waitFor({ state: 'visible' });
    expect(await why.textContent()).toMatch(/xếp Nhóm 1.*Thứ 1 trong 1 đơn vị của nhóm/);
    const box = await why.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await page.getByTestId('par-chart-index').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows "< 5" for staff points from 3 responses, with the reason on hover and for screen readers', async () => {
    const opens = new Date('2021-11-02T17:00:00Z');
    const staff = await createCampaign(sys.app.db, 'staff', 'CBCCVC 2021', 2021, opens, new Date('2021-11-22T17:00:00Z'));
    const form = (await findStoredForm(sys.app.db, staffTemplate('T6')!.code))!;
    const answers = Object.fromEntries(form.definition.sections.flatMap((x) => x.questions).map((q) => [q.id, 'A']));
    const [st05] = (await sys.app.db.select().from(schema.units)).filter((u) => u.code === 'ST05');
    await insertResponses(
      sys.app.db,
      Array.from({ length: 3 }, () => ({
        campaignId: staff,
        unitId: st05!.id,
        formId: form.id,
        reviewState: 'valid' as const,
        completedAt: new Date(opens.getTime() + 86_400_000),
        answers,
      })),
    );
    expect((await table(2021)).incomplete.find((u) => u.unitCode === 'ST05')?.missing).toEqual([
      'no_self_assessment',
      'staff_too_few_responses',
    ]);
    const context = await browser.newContext({ ...DESKTOP, baseURL: sys.baseUrl });
    const page = await context.newPage();
    await page.goto('/admin/par/2021');
    await signIn(page);
    await page.getByTestId('par-summary').filter({ hasText: '6 đơn vị đủ dữ liệu' }).waitFor();
    const row = page.getByTestId('par-table').locator('tr[data-unit="ST05"]');
    const cell = row.locator('td[data-col="staff"]');
    const figure = cell.getByRole('button');
    expect(await figure.textContent()).toBe('< 5');
    await figure.hover();
    const why = cell.getByRole('tooltip');
    await why.waitFor({ state: 'visible' });
    expect(await why.textContent()).toContain('Ít hơn 5 phiếu khảo sát CBCCVC về đơn vị này: điểm không công bố');
    expect(await figure.getAttribute('aria-describedby')).toBe(await why.getAttribute('id'));
    expect(await row.textContent()).toContain(
      'Chưa tính được: thiếu điểm tự đánh giá; quá ít phiếu khảo sát CBCCVC, điểm không công bố',
    );
    expect(await row.textContent()).not.toMatch(/\d,\d\d/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'PAR Index 2021' }).waitFor();
    await figure.hover();
    expect(await why.textContent()).toContain('Fewer than 5 staff responses about this unit: the points are withheld');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await context.close();
  });
});
