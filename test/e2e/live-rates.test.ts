/**
 * Live rates in Chromium: a staff campaign's page and a SIPAS campaign's page show a response that
 * arrives after they opened without a reload (polling every 10 s); the curve by day has labelled
 * axes and the target line; only units below the target are highlighted; a hidden tab polls nothing
 * and catches up as soon as it is shown again.
 */
import { randomUUID } from 'node:crypto';
import { invitationToken } from '@hailong/runtime';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskBody, quickAnswers } from '../../api/test/kiosk-fixtures.ts';
import { fillAnswers } from '../../api/test/staff-support.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { ADMIN } from '../support/build-app.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
let browser: Browser;
let admin: string;

beforeAll(async () => {
  sys = await startTestSystem();
  browser = await journeyBrowser();
  admin = await sys.sessionCookie();
});
afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  sys.app.inject({ method: 'POST', url, headers: { cookie: admin, ...headers }, payload: payload as string });

async function campaign(kind: 'staff' | 'sipas', name: string): Promise<string> {
  const res = await post('/api/v1/campaigns', {
    kind,
    name,
    year: 2026,
    opensAt: '2020-01-01T00:00:00Z',
    closesAt: '2099-01-01T00:00:00Z',
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

async function openPage(id: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, baseURL: sys.baseUrl })).newPage();
  // The page's clock is moved by the journeys (`poll`) rather than waited on.
  await page.clock.install();
  await page.goto(`/admin/campaigns/${id}`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel(/Mật khẩu/).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // A mark that a reload would wipe.
  await page.evaluate("window.liveMark = 'same page'");
  return page;
}

/** One polling period of the page's clock (the page asks every 10 s). */
const poll = (page: Page) => page.clock.runFor(10_000);

const setVisibility = (page: Page, state: 'hidden' | 'visible') =>
  page.evaluate(
    `Object.defineProperty(document, 'visibilityState', { value: '${state}', configurable: true }); document.dispatchEvent(new Event('visibilitychange'))`,
  );
const sameDocument = (page: Page) => page.evaluate<string | undefined>('window.liveMark');

describe('live rates', () => {
  it('a staff answer arriving shows on the open page without reload; a hidden tab polls nothing', async () => {
    const id = await campaign('staff', 'Tỷ lệ trực tiếp');
    const csv =
      'full_name,email,unit_code,respondent_group\nLê Văn Một,mot.live@example.vn,ST05,T3\nLê Văn Hai,hai.live@example.vn,ST16,T3\n';
    expect((await post(`/api/v1/campaigns/${id}/respondents`, csv, { 'content-type': 'text/csv' })).statusCode).toBe(201);
    expect((await post(`/api/v1/campaigns/${id}/invitations/send`, {})).statusCode).toBe(202);
    const page = await openPage(id);
    const rate = page.getByTestId('staff-rate');
    await rate.filter({ hasText: '0,00\u00a0%' }).waitFor();

    const [invitation] = await sys.query<{ id: string }>(
      "select i.id from invitations i join respondents r on r.id = i.respondent_id where r.email = 'mot.live@example.vn'",
    );
    const token = invitationToken(sys.config.tokenSecret, invitation!.id);
    const form = (await sys.app.inject({ method: 'GET', url: `/api/v1/s/${token}` })).json<{
      form: Parameters<typeof fillAnswers>[0];
    }>().form;
    const t0 = Date.now();
    expect(
      (await sys.app.inject({ method: 'POST', url: `/api/v1/s/${token}/submit`, payload: { answers: fillAnswers(form) } }))
        .statusCode,
    ).toBe(201);
    await poll(page);
    await rate.filter({ hasText: '50,00\u00a0%' }).waitFor({ timeout: 15_000 });
    expect(Date.now() - t0).toBeLessThan(12_000);
    expect(await sameDocument(page)).toBe('same page');

    // The curve by day: labelled axes and the target line.
    const curve = page.locator('svg.admin-curve');
    expect(await curve.getAttribute('role')).toBe('img');
    const labels = await curve.locator('text').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['Ngày (ngày/tháng)', 'Tỷ lệ cộng dồn (%)']));
    expect(labels.some((l) => l.startsWith('Mục tiêu'))).toBe(true);

    // Only the unit below the target is highlighted, and it says so in words.
    const byUnit = page.getByTestId('rates-by-unit');
    expect(await byUnit.locator('tr[data-unit="ST05"]').getAttribute('class')).toBeNull();
    expect(await byUnit.locator('tr[data-unit="ST16"]').getAttribute('class')).toBe('admin-below');
    expect(await byUnit.locator('tr.admin-below').count()).toBe(1);
    expect(await byUnit.locator('tr[data-unit="ST16"]').textContent()).toContain('(dưới mục tiêu)');

    // A hidden tab asks nothing; shown again, it asks at once.
    const asked: number[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith(`/campaigns/${id}/response-rates`)) asked.push(Date.now());
    });
    await setVisibility(page, 'hidden');
    await page.clock.runFor(11_000);
    await page.waitForTimeout(500); // a request the page made would be reported by now
    expect(asked).toEqual([]);
    const asking = page.waitForRequest((r) => r.url().endsWith(`/campaigns/${id}/response-rates`), { timeout: 3_000 });
    await setVisibility(page, 'visible');
    await asking;
    expect(asked).toHaveLength(1);
    await page.context().close();
  });

  it('a SIPAS form arriving at a counter shows on the open SIPAS page without reload', async () => {
    const id = await campaign('sipas', 'SIPAS trực tiếp');
    const page = await openPage(id);
    const collected = page.getByTestId('sipas-collected');
    await collected.filter({ hasText: /^0\// }).waitFor();
    const created = await post('/api/v1/kiosks', { unitCode: 'ST34', counterName: 'Quầy 1' });
    const paired = await sys.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/pair',
      payload: { pairingCode: created.json<{ pairingCode: string }>().pairingCode },
      remoteAddress: '10.8.8.8',
    });
    const auth = { authorization: `Bearer ${paired.json<{ deviceToken: string }>().deviceToken}` };
    const sent = await sys.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/responses',
      headers: auth,
      payload: kioskBody(quickAnswers(5), new Date(), { clientId: randomUUID() }),
    });
    expect(sent.statusCode).toBe(201);
    await poll(page);
    await collected.filter({ hasText: /^1\// }).waitFor({ timeout: 15_000 });
    expect(await sameDocument(page)).toBe('same page');
    await page.context().close();
  });
});
