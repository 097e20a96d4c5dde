/**
 * The online-service form 02/2021-DVCTT at /o/<unit> in a real browser (phone viewport): loaded
 * once online, then answered with the network cut (a reload keeps the ticked answers as a draft);
 * the response waits in the IndexedDB outbox, the page is reloaded while still offline (the service worker serves the page, the form comes
 * from the device's copy), and when the network returns the response is stored exactly once.
 */
import AxeBuilder from '@axe-core/playwright';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
let browser: Browser;
let pool: pg.Pool;

async function onlineCount(unitCode: string): Promise<number> {
  const r = await pool.query<{ n: number }>(
    `select count(*)::int as n from responses r join units u on u.id = r.unit_id where r.channel = 'online' and u.code = $1`,
    [unitCode],
  );
  return r.rows[0]?.n ?? -1;
}

async function until(fn: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const t0 = Date.now();
  while (!(await fn())) {
    if (Date.now() - t0 > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Answers every question: "Hài lòng" for ratings, the first option for the others ("Trễ hẹn" for
 * the result time, which brings up the two late-only questions: they are answered too).
 */
async function fillForm(page: Page): Promise<void> {
  const questions = page.locator('fieldset.sf-question');
  expect(await questions.count()).toBeGreaterThan(20);
  for (let i = 0; i < (await questions.count()); i++) {
    const q = questions.nth(i);
    const likert = q.getByText('4 · Hài lòng', { exact: true });
    await ((await likert.count()) > 0 ? likert : q.locator('.sf-option').first()).click();
  }
}

async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`);
}

describe('online-service form 02 in the browser', () => {
  beforeAll(async () => {
    sys = await startTestSystem();
    pool = new pg.Pool({ connectionString: sys.database.url, max: 2 });
    pool.on('error', () => undefined);
    const cookie = await sys.sessionCookie();
    const payload = {
      kind: 'sipas',
      name: 'SIPAS e2e',
      year: 2021,
      opensAt: '2020-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
    };
    const res = await sys.app.inject({ method: 'POST', url: '/api/v1/campaigns', payload, headers: { cookie } });
    if (res.statusCode !== 201) throw new Error(res.body);
    browser = await journeyBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await pool?.end();
    await sys?.close();
  });

  it('keeps a response answered offline across an offline reload and stores it exactly once when the network returns', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    // What a previous release left on this phone (same origin, before its worker is replaced).
    await page.goto(`${sys.baseUrl}/`);
    await page.evaluate("caches.open('hl-shell-oldrelease').then((c) => c.put('/k', new Response('old')))");
    await page.goto(`${sys.baseUrl}/o/ST34`);
    await page.getByRole('button', { name: 'Gửi phiếu' }).waitFor();
    // Loaded once online: the service worker controls the page and has cached its files under this
    // release's cache; the previous release's cache is gone.
    await until(() => page.evaluate<boolean>('!!navigator.serviceWorker.controller'));
    await page.locator('html[data-offline-ready="true"]').waitFor({ state: 'attached' });
    const shells = await page.evaluate<string[]>("caches.keys().then((k) => k.filter((n) => n.startsWith('hl-shell-')))");
    expect(shells).toHaveLength(1);
    expect(shells[0]).toMatch(/^hl-shell-[0-9a-f]{12}$/);
    expect(await page.evaluate<boolean>(`caches.open('${shells[0]}').then((c) => c.match('/o/ST34')).then((r) => !!r)`)).toBe(
      true,
    );
    expect(await seriousViolations(page)).toEqual([]);

    await context.setOffline(true);
    await fillForm(page);
    // A reload before sending keeps what was ticked (a draft on the device).
    await page.reload();
    await page.getByRole('button', { name: 'Gửi phiếu' }).waitFor();
    const ticked = await page.locator('fieldset.sf-question input:checked').count();
    expect(ticked).toBe(await page.locator('fieldset.sf-question').count());
    await page.getByLabel('Mã hồ sơ (không bắt buộc)').fill('HS-2021-0001');
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.getByText('Phiếu đã được lưu trên máy và sẽ tự động gửi khi có mạng', { exact: false }).waitFor();
    await page.getByText('1 đang chờ gửi').waitFor();

    await page.reload();
    await page.getByRole('button', { name: 'Gửi phiếu' }).waitFor();
    await page.getByText('1 đang chờ gửi').waitFor();
    expect(await onlineCount('ST34')).toBe(0);

    await context.setOffline(false);
    await until(async () => (await onlineCount('ST34')) === 1);
    await page.getByTestId('pending').waitFor({ state: 'detached' });
    await new Promise((r) => setTimeout(r, 500));
    expect(await onlineCount('ST34')).toBe(1);
    const stored = await pool.query<{ ov: number; dossier: boolean }>(
      `select (answers->>'OV')::int as ov, dossier_code_hash is not null as dossier from responses where channel = 'online'`,
    );
    expect(stored.rows).toEqual([{ ov: 4, dossier: true }]);
    await context.close();
  });

  it('sends at once when online, shows the server message for a dossier already rated, and has no serious accessibility violation', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${sys.baseUrl}/o/ST34`);
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.getByText(/^Còn \d+ câu chưa trả lời/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The late-only questions appear only once the citizen says the result was late.
    const apology = page.getByText('Ông/Bà có nhận được phiếu xin lỗi', { exact: false });
    expect(await apology.count()).toBe(0);
    await fillForm(page);
    expect(await apology.count()).toBe(1);
    await page.getByLabel('Mã hồ sơ (không bắt buộc)').fill('HS-2021-0001'); // rated in the test above
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.getByRole('alert').getByText('Hồ sơ này đã được đánh giá trong đợt khảo sát', { exact: false }).waitFor();
    await page.getByLabel('Mã hồ sơ (không bắt buộc)').fill('');
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.getByText('Xin cảm ơn Ông/Bà! Ý kiến đã được ghi nhận.').waitFor();
    expect(await page.getByTestId('pending').count()).toBe(0);
    await until(async () => (await onlineCount('ST34')) === 2);
    await context.close();
  });
});
