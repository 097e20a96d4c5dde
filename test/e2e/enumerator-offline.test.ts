/**
 * Issue 6 acceptance: an enumerator logs in on a phone, downloads assignments, goes offline,
 * interviews 4 respondents across 2 assignments, reloads the app with no network (service worker
 * shell + IndexedDB outbox), comes back online and syncs → 4 responses stored once; a second sync
 * changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE } from '../support/browser.ts';
import { ADMIN } from '../support/build-app.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
let browser: Browser;

async function adminCall(cookie: string, url: string, payload: unknown) {
  const res = await sys.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as Record<string, unknown> });
  if (res.statusCode !== 201) throw new Error(`${url} ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

beforeAll(async () => {
  sys = await startTestSystem();
  browser = await launchBrowser();
  const login = await sys.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN });
  const cookie = `hl_session=${login.cookies.find((c) => c.name === 'hl_session')?.value}`;
  const campaignId = await adminCall(cookie, '/api/v1/campaigns', { kind: 'sipas', name: 'SIPAS 2021 e2e', year: 2021, opensAt: '2020-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' });
  const enumeratorId = await adminCall(cookie, '/api/v1/enumerators', { fullName: 'Điều tra viên Một', email: 'dtv1@buudien.vn', organisation: 'Bưu điện tỉnh Sóc Trăng', password: 'Dtv-Pass-2026!' });
  await adminCall(cookie, `/api/v1/campaigns/${campaignId}/assignments`, { enumeratorId, unitCode: 'ST34', quota: 10 });
  await adminCall(cookie, `/api/v1/campaigns/${campaignId}/assignments`, { enumeratorId, unitCode: 'ST35', quota: 10 });
});
afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

async function stored(): Promise<number> {
  const c = new pg.Client({ connectionString: sys.database.url });
  await c.connect();
  try {
    const r = await c.query<{ n: number }>("select count(*)::int as n from responses where channel = 'enumerator'");
    return r.rows[0]?.n ?? 0;
  } finally {
    await c.end();
  }
}

/** Answers every question of the open form the way an interviewer would tap it. */
async function fillInterview(page: Page) {
  for (const q of await page.locator('.e-q').all()) {
    if (await q.locator('.e-likert button', { hasText: /^4$/ }).count()) await q.locator('.e-likert button', { hasText: /^4$/ }).click();
    else if (await q.locator('.e-likert button', { hasText: 'Không' }).count()) await q.locator('.e-likert button', { hasText: 'Không' }).click();
    else if (await q.locator('select').count()) await q.locator('select').selectOption({ index: 1 });
    else if (await q.locator('input[type=checkbox]').count()) await q.locator('input[type=checkbox]').first().check();
    else if (await q.locator('input[type=number]').count()) await q.locator('input[type=number]').fill('1');
  }
  await page.getByRole('button', { name: /Lưu phiếu/ }).click();
  await page.getByRole('status').filter({ hasText: 'Đã lưu phiếu' }).waitFor();
}

describe('enumerator app offline', () => {
  it('keeps 4 interviews made offline across a reload and stores each once when synced (twice)', async () => {
    const context = await browser.newContext({ ...PHONE, baseURL: sys.baseUrl });
    const page = await context.newPage();
    await page.goto('/e');
    await page.getByLabel('Email').fill('dtv1@buudien.vn');
    await page.getByLabel(/Mật khẩu/).fill('Dtv-Pass-2026!');
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    await page.locator('li[data-assignment="ST35"]').waitFor();
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await page.waitForTimeout(500); // let the worker store the shell files it was handed

    await context.setOffline(true);
    for (const unit of ['ST34', 'ST34', 'ST35', 'ST35']) {
      await page.locator(`li[data-assignment="${unit}"]`).getByRole('button', { name: /01\/2021-TT/ }).click();
      await fillInterview(page);
    }
    await expect.poll(() => page.getByTestId('e-pending').textContent()).toBe('4');

    await page.reload();
    await page.locator('li[data-assignment="ST34"]').waitFor();
    await expect.poll(() => page.getByTestId('e-pending').textContent()).toBe('4');
    expect(await stored()).toBe(0);

    await context.setOffline(false);
    await page.getByRole('button', { name: /Đồng bộ/ }).click();
    await page.getByTestId('e-status').filter({ hasText: 'Đã gửi 4 phiếu mới' }).waitFor();
    expect(await stored()).toBe(4);
    expect(await page.getByTestId('e-pending').textContent()).toBe('0');
    await expect.poll(() => page.locator('li[data-assignment="ST34"]').textContent()).toContain('2 / 10');

    await page.getByRole('button', { name: /Đồng bộ/ }).click();
    await page.getByTestId('e-status').filter({ hasText: 'Đã gửi 0 phiếu mới' }).waitFor();
    expect(await stored()).toBe(4);
    await context.close();
  });
});
