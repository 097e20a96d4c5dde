/**
 * Issue 5 items 4 and 7 in Chromium: an admin opens a SIPAS campaign's results page, sees the
 * unit's valid and suspect counts, the per-counter and per-day views and the suspect responses
 * with their flag explained, accepts one with a reason and sees the unit's valid count go up by
 * one. With more new responses than RESULTS_PENDING_MAX not yet tallied, the page says so and shows
 * them once they are (docs/0027). axe-core finds no serious or critical violation.
 */
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskBody, quickAnswers } from '../../api/test/kiosk-fixtures.ts';
import { TABLET_LANDSCAPE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { ADMIN } from '../support/build-app.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
let browser: Browser;
let campaignId: string;
let kioskAuth: { authorization: string };

async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A kiosk at ST34 with the default 20 s interval; 4 sessions, two of them 5 s after the previous one. */
async function kioskResponses(admin: string): Promise<{ authorization: string }> {
  const created = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/kiosks',
    headers: { cookie: admin },
    payload: { unitCode: 'ST34', counterName: 'Quầy 2', minIntervalSeconds: 20 },
  });
  const { pairingCode } = created.json<{ pairingCode: string }>();
  const paired = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/kiosk/pair',
    payload: { pairingCode },
    remoteAddress: '10.7.7.7',
  });
  const auth = { authorization: `Bearer ${paired.json<{ deviceToken: string }>().deviceToken}` };
  const t0 = Date.now() - 10 * 60_000;
  for (const at of [t0, t0 + 5_000, t0 + 60_000, t0 + 65_000]) {
    const res = await sys.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/responses',
      headers: auth,
      payload: kioskBody(quickAnswers(5), new Date(at), { clientId: randomUUID() }),
    });
    expect(res.statusCode).toBe(201);
  }
  return auth;
}

/** The campaign's results page in a new browser context, signed in as the admin. */
async function openResults(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...TABLET_LANDSCAPE, baseURL: sys.baseUrl });
  const page = await context.newPage();
  await page.goto(`/admin/campaigns/${campaignId}/results`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel(/Mật khẩu/).fill(ADMIN.password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  return { context, page };
}

beforeAll(async () => {
  sys = await startTestSystem();
  browser = await journeyBrowser();
  const admin = await sys.sessionCookie();
  const res = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie: admin },
    payload: {
      kind: 'sipas',
      name: 'SIPAS 2026 quầy',
      year: 2026,
      opensAt: '2020-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
    },
  });
  campaignId = res.json<{ id: string }>().id;
  kioskAuth = await kioskResponses(admin);
});
afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

describe('SIPAS results page', () => {
  it('shows per-unit figures and lets an admin accept a suspect response, which then counts', async () => {
    const { context, page } = await openResults();
    await page.getByRole('heading', { name: /Kết quả: SIPAS 2026 quầy/ }).waitFor();

    const row = page.locator('tr[data-unit="ST34"]');
    await expect.poll(() => row.locator('[data-col="valid"]').textContent(), { timeout: 30_000 }).toBe('2');
    expect(await row.locator('[data-col="suspect"]').textContent()).toBe('2');
    // Two valid quick forms: the unit's quick rate is withheld as "< 5", with its reason for every reader (issue 14).
    const quick = row.locator('[data-col="quick"] [data-withheld="small"]');
    expect(await quick.locator('[aria-hidden="true"]').textContent()).toBe('< 5');
    expect(await quick.getAttribute('title')).toBe('Ít hơn 5 phiếu: không hiển thị');
    expect(await quick.locator('.rs-sr').textContent()).toBe('< 5. Ít hơn 5 phiếu: không hiển thị');
    await page
      .getByRole('table', { name: /Theo quầy/ })
      .getByRole('rowheader', { name: 'Quầy 2' })
      .waitFor();
    await page.getByRole('table', { name: /Theo ngày/ }).waitFor();
    await page.getByText('Hai lượt đánh giá quá gần nhau trên cùng một máy', { exact: false }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const first = page.locator('.rs-suspect').first();
    await first.getByText(/Điểm đánh giá/).click();
    await first.getByText('5 (Rất hài lòng)').first().waitFor();
    await first.getByRole('button', { name: /^Chấp nhận/ }).click();
    await first.getByLabel(/Lý do chấp nhận/).fill('Đã xem camera: hai công dân khác nhau');
    await first.getByRole('button', { name: /Xác nhận chấp nhận/ }).click();
    await expect.poll(() => row.locator('[data-col="valid"]').textContent(), { timeout: 30_000 }).toBe('3');
    expect(await row.locator('[data-col="suspect"]').textContent()).toBe('1');
    await page.getByRole('status').filter({ hasText: 'trên 1 phiếu nghi ngờ' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('says when new responses are not yet in the figures, and shows them once they are tallied', async () => {
    await sys.app.db.execute('select responses_tally_fold(50000)');
    // Two new sessions while the worker is down, over a limit of one (RESULTS_PENDING_MAX).
    sys.app.config.resultsPendingMax = 1;
    const t0 = Date.now() - 5 * 60_000;
    for (const at of [t0, t0 + 60_000]) {
      const res = await sys.app.inject({
        method: 'POST',
        url: '/api/v1/kiosk/responses',
        headers: kioskAuth,
        payload: kioskBody(quickAnswers(4), new Date(at), { clientId: randomUUID() }),
      });
      expect(res.statusCode).toBe(201);
    }
    const { context, page } = await openResults();
    const notice = page.getByRole('status').filter({ hasText: 'Còn hơn 1 phiếu mới chưa được tổng hợp' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('số liệu sẽ cập nhật sau vài giây đến vài phút');
    const row = page.locator('tr[data-unit="ST34"]');
    expect(await row.locator('[data-col="valid"]').textContent()).toBe('3');
    expect(await seriousViolations(page)).toEqual([]);

    await sys.app.db.execute('select responses_tally_fold(50000)');
    await notice.getByRole('button', { name: 'Cập nhật số liệu' }).click();
    await expect.poll(() => row.locator('[data-col="valid"]').textContent(), { timeout: 30_000 }).toBe('5');
    expect(await notice.count()).toBe(0);
    await context.close();
  });
});
