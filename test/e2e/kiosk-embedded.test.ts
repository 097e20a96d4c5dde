/**
 * The kiosk on the default start (embedded PGlite, one session behind every pool connection), as a
 * new user tried it: an admin browses the results, sampling plan, fieldwork and supervision pages
 * (which opens several pool connections), then two tablets take ratings at the same time. Every
 * session must be stored (a named prepared statement used to collide here: 500 on every submission).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLET_LANDSCAPE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
let browser: Browser;
let cookie = '';

async function adminPost(url: string, payload: object): Promise<Record<string, unknown>> {
  const res = await sys.app.inject({ method: 'POST', url, payload, headers: { cookie } });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function stored(ids: string[]): Promise<number> {
  const rows = await sys.query<{ n: number }>('select count(*)::int as n from responses where source_id = any($1::uuid[])', [
    ids,
  ]);
  return rows[0]?.n ?? -1;
}

async function until(fn: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const t0 = Date.now();
  while (!(await fn())) {
    if (Date.now() - t0 > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function tap(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.clock.runFor(1_100);
}

async function session(page: Page): Promise<void> {
  await tap(page, 'Bắt đầu đánh giá');
  for (let i = 0; i < 5; i++) await tap(page, 'Hài lòng');
  await page.getByText('Xin cảm ơn Ông/Bà!').waitFor();
  await page.clock.runFor(5_000);
  await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).waitFor();
}

async function tablet(context: BrowserContext, counterName: string): Promise<{ page: Page; id: string }> {
  const k = await adminPost('/api/v1/kiosks', { unitCode: 'ST34', counterName });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(`${sys.baseUrl}/k?code=${String(k.pairingCode)}`);
  await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).waitFor();
  return { page, id: String(k.id) };
}

describe('kiosk on the embedded database after an admin browsed the admin pages', () => {
  let campaignId = '';
  beforeAll(async () => {
    sys = await startTestSystem({ engine: 'embedded' });
    cookie = await sys.sessionCookie();
    const c = await adminPost('/api/v1/campaigns', {
      kind: 'sipas',
      name: 'SIPAS embedded',
      year: 2021,
      opensAt: '2020-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
    });
    campaignId = String(c.id);
    browser = await journeyBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  it('stores every session', async () => {
    const admin = await browser.newContext();
    await admin.addCookies([{ name: 'hl_session', value: cookie.replace('hl_session=', ''), url: sys.baseUrl }]);
    const page = await admin.newPage();
    for (const path of [
      `/admin/campaigns/${campaignId}/results`,
      `/admin/campaigns/${campaignId}/plan`,
      `/admin/campaigns/${campaignId}/fieldwork`,
      `/supervision/${campaignId}`,
      '/admin/kiosks',
    ]) {
      await page.goto(`${sys.baseUrl}${path}`);
      await page.waitForLoadState('networkidle');
    }
    await admin.close();

    const context = await browser.newContext(TABLET_LANDSCAPE);
    const tablets = [await tablet(context, 'Quầy A'), await tablet(context, 'Quầy B')];
    await Promise.all(
      tablets.map(async (t) => {
        for (let i = 0; i < 4; i++) await session(t.page);
      }),
    );
    const ids = tablets.map((t) => t.id);
    await until(async () => (await stored(ids)) === 8);
    for (const t of tablets) await t.page.getByTestId('pending').waitFor({ state: 'detached' });
    expect(await stored(ids)).toBe(8);
    const errors = await sys.query<{ n: number }>(
      'select count(distinct client_id)::int as n from responses where source_id = any($1::uuid[])',
      [ids],
    );
    expect(errors[0]?.n).toBe(8);
    await context.close();
  });
});
