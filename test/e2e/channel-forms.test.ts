/**
 * Issue 12 in Chromium. A tablet paired on SIPAS/2024 shows 01/2021-TT from the next session once
 * the admin chooses it for kiosks: the heartbeat names the new form, the tablet fetches and stores it,
 * and never switches in the middle of a citizen's session.
 *
 * Item 5: on the campaign page an admin chooses the stored 2024 national form
 * (SIPAS/2024, 9 components) for the counter kiosks and the online form; once the kiosks have
 * responses, changing their form asks for confirmation first. A citizen answers SIPAS/2024 at
 * /o/ST34, and the results page shows the unit's SIPAS computed by hand from the five responses:
 * component 1 satisfied in 4 of 5, the eight others in 3 of 5 → (80 + 8 × 60) / 9 = 62.2 %.
 */
import { randomUUID } from 'node:crypto';
import { findForm } from '@hailong/forms';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { PHONE, TABLET_LANDSCAPE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { clockedKiosk, heartbeat } from '../support/kiosk-clock.ts';
import { ADMIN } from '../support/build-app.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

const NATIONAL = 'SIPAS/2024';
let sys: TestSystem;
let browser: Browser;
let cookie = '';
let campaignId = '';

async function adminInject(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const res = await sys.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json<Record<string, unknown>>();
}

/** Four counter sessions on SIPAS/2024: two all 5, one with component 1 at 5 and the rest 1, one all 1. */
async function kioskResponses(): Promise<void> {
  const form = findForm(NATIONAL);
  const components = form?.scoring.sipas?.components ?? [];
  expect(components).toHaveLength(9);
  const created = await adminInject('POST', '/api/v1/kiosks', {
    unitCode: 'ST34',
    counterName: 'Quầy 2024',
    mode: 'full',
    minIntervalSeconds: 0,
    hourlyCap: 1000,
  });
  const paired = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/kiosk/pair',
    payload: { pairingCode: created.pairingCode },
    remoteAddress: '10.24.0.1',
  });
  expect(paired.json<{ form: { code: string } }>().form.code).toBe(NATIONAL);
  const auth = { authorization: `Bearer ${paired.json<{ deviceToken: string }>().deviceToken}` };
  const ratings = (first: number, rest: number) =>
    Object.fromEntries(components.flatMap((c, i) => c.criteria.map((q) => [q, i === 0 ? first : rest])));
  const t0 = Date.now() - 10 * 60_000;
  for (const [i, [first, rest]] of (
    [
      [5, 5],
      [5, 5],
      [5, 1],
      [1, 1],
    ] as const
  ).entries()) {
    const completedAt = new Date(t0 + i * 60_000);
    const res = await sys.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/responses',
      headers: auth,
      payload: {
        clientId: randomUUID(),
        formCode: NATIONAL,
        answers: { ...form?.example, ...ratings(first, rest) },
        startedAt: new Date(completedAt.getTime() - 120_000).toISOString(),
        completedAt: completedAt.toISOString(),
      },
    });
    expect(res.statusCode).toBe(201);
  }
}

async function login(page: Page): Promise<void> {
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel(/Mật khẩu/).fill(ADMIN.password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
}

/** "4 · Hài lòng" for every rating, the first option elsewhere (questions shown on the way are answered too). */
async function fillForm(page: Page): Promise<void> {
  const questions = page.locator('fieldset.sf-question');
  for (let i = 0; i < (await questions.count()); i++) {
    const q = questions.nth(i);
    const likert = q.getByText('4 · Hài lòng', { exact: true });
    await ((await likert.count()) > 0 ? likert : q.locator('.sf-option').first()).click();
  }
}

beforeAll(async () => {
  sys = await startTestSystem();
  cookie = await sys.sessionCookie();
  const c = await adminInject('POST', '/api/v1/campaigns', {
    kind: 'sipas',
    name: 'SIPAS 2024 toàn quốc',
    year: 2021,
    opensAt: '2020-01-01T00:00:00Z',
    closesAt: '2099-01-01T00:00:00Z',
    settings: { minSample: 5 },
  });
  campaignId = String(c.id);
  browser = await journeyBrowser();
});
afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

/** The number of questions the tablet's progress bar counts (the forms differ: 48 and 36). */
async function questionTotal(page: Page): Promise<number> {
  return Number(await page.getByRole('progressbar', { name: 'Tiến độ' }).getAttribute('aria-valuemax'));
}

const questionsOf = (code: string) => findForm(code)?.sections.flatMap((s) => s.questions).length;

describe('forms by channel', () => {
  it('an admin chooses SIPAS/2024 for kiosks and the online form, a citizen answers it, and the results show its SIPAS', async () => {
    const admin = await browser.newContext({ ...TABLET_LANDSCAPE, baseURL: sys.baseUrl });
    const page = await admin.newPage();
    await page.goto(`/admin/campaigns/${campaignId}`);
    await login(page);
    const section = page.getByRole('region', { name: 'Phiếu theo kênh' });
    const kiosk = section.getByLabel('Máy tại quầy (phiếu đầy đủ)');
    await expect.poll(() => kiosk.inputValue()).toBe('01/2021-TT');
    expect(await section.getByLabel('Phiếu trực tuyến (/o)').inputValue()).toBe('02/2021-DVCTT');
    expect(await section.getByRole('checkbox', { checked: true }).count()).toBe(2);
    const option = await kiosk.locator(`option[value="${NATIONAL}"]`).textContent();
    expect(option).toContain('SIPAS/2024 · v1 — Phiếu khảo sát sự hài lòng');
    await kiosk.selectOption(NATIONAL);
    await section.getByLabel('Phiếu trực tuyến (/o)').selectOption(NATIONAL);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await section.getByRole('button', { name: 'Lưu phiếu theo kênh' }).click();
    await section.getByRole('status').getByText('Đã lưu phiếu theo kênh.').waitFor();
    expect(dialogs).toBe(0); // no responses yet: nothing to confirm
    expect(await seriousViolations(page)).toEqual([]);
    const stored = await adminInject('GET', `/api/v1/campaigns/${campaignId}/channel-forms`);
    expect(stored.channelForms).toEqual({ kiosk: NATIONAL, online: NATIONAL, field: ['01/2021-TT', '02/2021-DVCTT'] });

    // With kiosk responses, changing the kiosk form asks first; declining saves nothing.
    await kioskResponses();
    await page.reload();
    await expect.poll(() => section.getByLabel('Máy tại quầy (phiếu đầy đủ)').inputValue()).toBe(NATIONAL);
    await section.getByLabel('Máy tại quầy (phiếu đầy đủ)').selectOption('01/2021-TT');
    await section.getByRole('button', { name: 'Lưu phiếu theo kênh' }).click();
    await expect.poll(() => dialogs).toBe(1);
    const after = await adminInject('GET', `/api/v1/campaigns/${campaignId}/channel-forms`);
    expect(after.channelForms).toEqual(stored.channelForms);

    // A citizen answers the 2024 form online.
    const phone = await browser.newContext(PHONE);
    const citizen = await phone.newPage();
    await citizen.goto(`${sys.baseUrl}/o/ST34`);
    await citizen.getByRole('button', { name: 'Gửi phiếu' }).waitFor();
    await citizen.getByText('Phiếu khảo sát sự hài lòng', { exact: false }).first().waitFor();
    expect(await citizen.locator('fieldset.sf-question').count()).toBeGreaterThan(30);
    await fillForm(citizen);
    await citizen.getByRole('button', { name: 'Gửi phiếu' }).click();
    await citizen.getByText('Xin cảm ơn Ông/Bà! Ý kiến đã được ghi nhận.').waitFor();
    await expect
      .poll(
        async () =>
          (
            await sys.query<{ n: number }>(
              `select count(*)::int as n from responses r join forms f on f.id = r.form_id where f.code = $1 and r.channel = 'online'`,
              [NATIONAL],
            )
          )[0]?.n,
        { timeout: 15_000 },
      )
      .toBe(1);
    await phone.close();

    await page.goto(`/admin/campaigns/${campaignId}/results`);
    const row = page.locator('tr[data-unit="ST34"]');
    await expect.poll(() => row.locator('[data-col="valid"]').textContent(), { timeout: 15_000 }).toBe('5');
    expect(await row.locator('[data-col="sipas"]').textContent()).toBe('62,2 %');
    await admin.close();
  });

  it('a paired tablet shows the new kiosk form after a heartbeat, from the next session on', async () => {
    const forms = (kiosk: string) => ({ kiosk, online: NATIONAL, field: ['01/2021-TT', '02/2021-DVCTT'] });
    await adminInject('PUT', `/api/v1/campaigns/${campaignId}/channel-forms`, forms(NATIONAL));
    const k = await adminInject('POST', '/api/v1/kiosks', { unitCode: 'ST34', counterName: 'Quầy đổi phiếu', mode: 'full' });
    const context = await browser.newContext({ ...TABLET_LANDSCAPE, baseURL: sys.baseUrl });
    const tablet = await context.newPage();
    await tablet.clock.install();
    await tablet.goto(`/k?code=${String(k.pairingCode)}`);
    await tablet.getByRole('button', { name: 'Bắt đầu đánh giá' }).waitFor();
    // Unfinished sessions reset after 10 minutes here, so a heartbeat can come in the middle of one.
    await tablet.goto('/k?idle=600');
    const kiosk = await clockedKiosk(tablet);
    const start = tablet.getByRole('button', { name: 'Bắt đầu đánh giá' });
    await start.click();
    expect(await questionTotal(tablet)).toBe(questionsOf(NATIONAL));

    await adminInject('PUT', `/api/v1/campaigns/${campaignId}/channel-forms`, forms('01/2021-TT'));
    // Runs in the page: the test project has no DOM types, so the page's storage is typed here.
    const stored = () =>
      tablet.evaluate(() => {
        const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage;
        return (JSON.parse(storage.getItem('hl-kiosk-device') ?? '{}') as { form?: { code?: string } }).form?.code;
      });
    // The next heartbeat names 01/2021-TT; the tablet fetches and stores it. The clock stops just past
    // that heartbeat: running it on 10 s further would fire the heartbeat's timeout before its answer.
    await heartbeat(kiosk);
    await expect.poll(stored, { timeout: 20_000 }).toBe('01/2021-TT');
    // The citizen in front of the tablet keeps the form they started.
    expect(await questionTotal(tablet)).toBe(questionsOf(NATIONAL));
    await tablet.getByText('Câu 1/48').waitFor();

    // The unfinished session resets. The heartbeats this run passes may time out: nothing here waits
    // on them (the form is stored already), and the tablet reports again a minute later.
    await tablet.clock.runFor(600_000);
    await start.click();
    await expect.poll(() => questionTotal(tablet), { timeout: 20_000 }).toBe(questionsOf('01/2021-TT'));
    expect(await seriousViolations(tablet)).toEqual([]);

    await context.close();
  });
});
