/**
 * The admin side of counter kiosks in a real browser: an administrator creates a kiosk on
 * /admin/kiosks, the pairing code and QR code shown there are used by a tablet, which pairs by
 * itself and takes ratings; the list then shows it alive with today's submissions; revoking it
 * from the page stops the tablet (visibly), and re-pairing brings its kept ratings through.
 * Also: a kiosk in full form 01/2021-TT mode answered end to end, and axe-core on the page.
 */
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../support/build-app.ts';
import { TABLET_LANDSCAPE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
import { postgresOnly } from '../support/engine.ts';

// The web app's own QR library, to recompute what the page must show for a given URL.
const QRCode = createRequire(new URL('../../survey-web/package.json', import.meta.url))('qrcode') as {
  toString(text: string, opts: object): Promise<string>;
};

let sys: TestSystem;
let browser: Browser;
let pool: pg.Pool;

async function count(sourceId: string): Promise<number> {
  const r = await pool.query<{ n: number }>('select count(*)::int as n from responses where source_id = $1', [sourceId]);
  return r.rows[0]?.n ?? -1;
}

async function until(fn: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const t0 = Date.now();
  while (!(await fn())) {
    if (Date.now() - t0 > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Logs in on /admin and follows the dashboard's link to the kiosk page. */
async function openKioskAdmin(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${sys.baseUrl}/admin`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Mật khẩu').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('link', { name: 'Máy tại quầy' }).click();
  await page.getByRole('heading', { name: /Máy tính bảng tại quầy/ }).waitFor();
  return page;
}

/** Fills the create form and returns the code, the pairing URL and the kiosk id shown. */
async function createOnPage(
  page: Page,
  counterName: string,
  mode: 'quick' | 'full' = 'quick',
): Promise<{ code: string; url: string; id: string }> {
  await page.getByLabel('Đơn vị').selectOption('ST34');
  await page.getByLabel('Tên quầy').fill(counterName);
  await page.getByLabel('Mẫu phiếu').selectOption(mode);
  await page.getByRole('button', { name: 'Tạo và lấy mã ghép nối' }).click();
  const code = (await page.getByTestId('pairing-code').textContent()) ?? '';
  const url = (await page.getByTestId('pair-url').getAttribute('href')) ?? '';
  const row = page.locator('tr', { has: page.getByRole('rowheader', { name: counterName }) });
  await row.waitFor();
  return { code, url, id: (await row.getAttribute('data-kiosk-id')) ?? '' };
}

async function tap(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.clock.runFor(1_100); // past the 1 s double-tap guard
}

async function quickSession(tablet: Page): Promise<void> {
  await tap(tablet, 'Bắt đầu đánh giá');
  for (let i = 0; i < 5; i++) await tap(tablet, 'Hài lòng');
  await tablet.getByText('Xin cảm ơn Ông/Bà!').waitFor();
  await tablet.clock.runFor(5_000);
  await tablet.getByRole('button', { name: 'Bắt đầu đánh giá' }).waitFor();
}

async function openTablet(url: string): Promise<{ context: BrowserContext; tablet: Page }> {
  const context = await browser.newContext(TABLET_LANDSCAPE);
  const tablet = await context.newPage();
  await tablet.clock.install();
  await tablet.goto(url);
  await tablet.getByRole('button', { name: 'Bắt đầu đánh giá' }).waitFor();
  return { context, tablet };
}

describe('kiosk administration in the browser', () => {
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

  it('pairs a tablet from the code and QR shown on /admin/kiosks, lists it alive, and revoking it stops the tablet visibly', async () => {
    const adminContext = await browser.newContext();
    const admin = await openKioskAdmin(adminContext);
    await admin.getByText('Chưa có máy nào').waitFor();
    const { code, url, id } = await createOnPage(admin, 'Quầy 7');
    expect(code).toMatch(/^[A-Z0-9]{12}$/);
    expect(url).toBe(`${sys.baseUrl}/k?code=${code}`);
    const qr = await admin.getByTestId('pairing-qr').getAttribute('src');
    const expected = await QRCode.toString(url, { type: 'svg', margin: 1, width: 240 });
    expect(decodeURIComponent((qr ?? '').replace(/^data:image\/svg\+xml;charset=utf-8,/, ''))).toBe(expected);
    await admin
      .getByRole('timer')
      .getByText(/^1[45]:\d\d$/)
      .waitFor();
    const row = admin.locator(`tr[data-kiosk-id="${id}"]`);
    await row.getByText('Chưa ghép').waitFor();
    const serious = (await new AxeBuilder({ page: admin }).analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    const { context, tablet } = await openTablet(url);
    await quickSession(tablet);
    await until(async () => (await count(id)) === 1);

    await admin.reload();
    await row.getByText('Đang hoạt động').waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(1, 7)).toEqual([
      'Phiếu nhanhTự đặt lại sau 60 giây không chạm',
      'Đang hoạt động',
      'vừa xong',
      expect.stringMatching(/^1\.0\.0\+[0-9a-f]{12}$/),
      '0',
      '1',
    ]);

    await admin.getByRole('button', { name: 'Thu hồi Quầy 7 (ST34)' }).click();
    await admin.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await row.getByText('Đã thu hồi').waitFor();
    await admin.getByText('Đã thu hồi Quầy 7 (ST34).').waitFor();

    // The tablet's next send is refused (401): it says so, and keeps the rating.
    await quickSession(tablet);
    await tablet.getByRole('alert').getByText('Thiết bị đã bị thu hồi', { exact: false }).waitFor();
    await tablet.getByText('1 đang chờ gửi').waitFor();
    expect(await count(id)).toBe(1);

    // Re-pair from the page; the tablet enters the new code and its kept rating goes through.
    await admin.getByRole('button', { name: 'Ghép nối lại Quầy 7 (ST34)' }).click();
    const newCode = (await admin.getByTestId('pairing-code').textContent()) ?? '';
    expect(newCode).not.toBe(code);
    await tablet.getByRole('button', { name: 'Ghép nối lại' }).click();
    await tablet.getByLabel('Mã ghép nối').fill(newCode);
    await tablet.getByRole('button', { name: 'Ghép nối' }).click();
    await tablet.getByRole('button', { name: 'Bắt đầu đánh giá' }).waitFor();
    await until(async () => (await count(id)) === 2);
    await admin.reload();
    await row.getByText('Đang hoạt động').waitFor();
    await context.close();
    await adminContext.close();
  });

  it.skipIf(postgresOnly)('answers a whole form 01/2021-TT session on a kiosk created in full mode', async () => {
    const adminContext = await browser.newContext();
    const admin = await openKioskAdmin(adminContext);
    const { url, id } = await createOnPage(admin, 'Quầy Mẫu 01', 'full');
    await admin.locator(`tr[data-kiosk-id="${id}"]`).getByText('Mẫu 01 đầy đủ').waitFor();
    const { context, tablet } = await openTablet(url);
    await tap(tablet, 'Bắt đầu đánh giá');
    const total = Number((await tablet.getByText(/^Câu 1\/\d+$/).textContent())?.split('/')[1]);
    expect(total).toBeGreaterThan(20);
    for (let i = 1; i <= total; i++) {
      await tablet.getByText(`Câu ${i}/${total}`).waitFor();
      await answerScreen(tablet);
    }
    await tablet.getByText('Xin cảm ơn Ông/Bà!').waitFor();
    await until(async () => (await count(id)) === 1);
    const stored = await pool.query<{ form_code: string; answers: Record<string, unknown>; review_state: string }>(
      `select f.code as form_code, r.answers, r.review_state from responses r join forms f on f.id = r.form_id where r.source_id = $1`,
      [id],
    );
    expect(stored.rows[0]?.form_code).toBe('01/2021-TT');
    expect(stored.rows[0]?.answers.OV).toBe(4);
    expect(stored.rows[0]?.review_state).toBe('valid');
    await context.close();
    await adminContext.close();
  });
});

/** One kiosk screen of the full form: a rating, yes/no, a choice, a multi-choice or a skip. */
async function answerScreen(tablet: Page): Promise<void> {
  const rating = tablet.getByRole('button', { name: 'Hài lòng', exact: true });
  const no = tablet.getByRole('button', { name: 'Không', exact: true });
  const skip = tablet.getByRole('button', { name: 'Bỏ qua', exact: true });
  const next = tablet.getByRole('button', { name: 'Tiếp tục', exact: true });
  if ((await rating.count()) > 0) return tap(tablet, 'Hài lòng');
  if ((await no.count()) > 0) return tap(tablet, 'Không');
  if ((await skip.count()) > 0) return tap(tablet, 'Bỏ qua');
  const first = tablet.locator('.k-option').first();
  await first.click();
  if ((await next.count()) > 0) {
    await tablet.clock.runFor(1_100);
    await tap(tablet, 'Tiếp tục');
  } else {
    await tablet.clock.runFor(1_100);
  }
}
