/**
 * The kiosk tells staff the truth and the admin can trust the fleet, in a real browser:
 * - with no campaign open, the start screen says so; a citizen who rates anyway is thanked, the
 *   session is parked on the tablet with its reason (discreet staff status), the heartbeat makes the
 *   tablet show "in trouble" on /admin/kiosks (red summary); the admin opens a campaign covering that
 *   time, reads the reason and releases the session → stored exactly once;
 * - a session answered with a code the app does not know is parked, and the session queued behind
 *   it is stored all the same;
 * - a session the admin releases while the tablet is busy sending another is sent right after that
 *   one, not at the next periodic round.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../support/build-app.ts';
import { TABLET_LANDSCAPE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { postgresOnly } from '../support/engine.ts';
import { clockedKiosk, heartbeat, nextBeat, type ClockedKiosk } from '../support/kiosk-clock.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
let browser: Browser;
let cookie = '';

async function adminPost(url: string, payload: object): Promise<Record<string, unknown>> {
  const res = await sys.app.inject({ method: 'POST', url, payload, headers: { cookie } });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function stored(kioskId: string): Promise<{ client_id: string }[]> {
  return sys.query<{ client_id: string }>('select client_id from responses where source_id = $1', [kioskId]);
}

async function until(fn: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const t0 = Date.now();
  while (!(await fn())) {
    if (Date.now() - t0 > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Opens the SIPAS campaign the journeys store into (once per file). */
async function openCampaign(): Promise<void> {
  if ((await sys.query("select 1 from campaigns where kind = 'sipas'")).length > 0) return;
  await adminPost('/api/v1/campaigns', {
    kind: 'sipas',
    name: 'SIPAS fleet',
    year: 2021,
    opensAt: '2020-01-01T00:00:00Z',
    closesAt: '2099-01-01T00:00:00Z',
  });
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

interface Tablet extends ClockedKiosk {
  id: string;
}

async function tablet(context: BrowserContext, counterName: string): Promise<Tablet> {
  const k = await adminPost('/api/v1/kiosks', { unitCode: 'ST34', counterName });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(`${sys.baseUrl}/k?code=${String(k.pairingCode)}`);
  return { ...(await clockedKiosk(page)), id: String(k.id) };
}

/**
 * Whether the tablet's outbox still holds this session as parked (read from its IndexedDB; the
 * script is a string because this project has no DOM types).
 */
async function heldParked(page: Page, clientId: string): Promise<boolean> {
  const script = `new Promise((resolve, reject) => {
    const open = indexedDB.open('hl-outbox-kiosk');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('items', 'readonly').objectStore('items').get(${JSON.stringify(clientId)});
      get.onerror = () => reject(get.error);
      get.onsuccess = () => {
        open.result.close();
        resolve(Boolean(get.result && get.result.parked));
      };
    };
  })`;
  return (await page.evaluate(script)) === true;
}

const RETIRED = JSON.stringify({
  error: { code: 'FORM_VERSION_RETIRED', message: 'Phiên bản mẫu phiếu đã ngừng dùng', messageEn: 'Form version retired' },
});

async function kioskAdminPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${sys.baseUrl}/admin`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Mật khẩu').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Máy tại quầy' }).click();
  await page.getByRole('heading', { name: /Máy tính bảng tại quầy/ }).waitFor();
  return page;
}

describe('kiosk staff status and fleet page', () => {
  beforeAll(async () => {
    sys = await startTestSystem();
    cookie = await sys.sessionCookie();
    browser = await journeyBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  it('parks a rating made with no open campaign, shows the tablet in trouble, and stores it once after the admin opens a campaign and releases it', async () => {
    const context = await browser.newContext({ ...TABLET_LANDSCAPE, serviceWorkers: 'block' });
    const k = await tablet(context, 'Quầy Fleet');
    const { page, id } = k;
    await page.getByTestId('no-campaign').getByText('Hiện chưa có đợt khảo sát nào đang mở').waitFor();

    await session(page); // the citizen is thanked all the same
    await page.getByTestId('parked').getByText('1 phiếu tạm giữ trên máy: Hiện không có đợt khảo sát nào đang mở').waitFor();
    expect(await stored(id)).toEqual([]);
    await heartbeat(k); // the heartbeat reports it
    await until(
      async () => (await sys.query<{ n: number }>('select parked_count as n from kiosk_devices where id = $1', [id]))[0]?.n === 1,
    );

    const adminContext = await browser.newContext();
    const admin = await kioskAdminPage(adminContext);
    const summary = admin.getByTestId('fleet-summary');
    await summary.getByText('1/1 máy cần chú ý').waitFor();
    expect(await summary.getAttribute('class')).toContain('ka-summary-bad');
    const row = admin.locator(`tr[data-kiosk-id="${id}"]`);
    await row.getByTestId('kiosk-state').getByText('Có lỗi').waitFor();
    await row.getByText('1 phiếu tạm giữ trên máy').waitFor();

    await openCampaign();
    await admin.getByRole('button', { name: 'Phiếu tạm giữ của Quầy Fleet (ST34)' }).click();
    await admin.getByTestId('parked-item').getByText('Hiện không có đợt khảo sát nào đang mở').waitFor();
    await admin.getByRole('button', { name: /^Gửi lại 1 phiếu/ }).click();
    await admin.getByText('Đã cho gửi lại 1 phiếu của Quầy Fleet (ST34).').waitFor();

    await heartbeat(k); // the tablet sends it again
    await until(async () => (await stored(id)).length === 1);
    await page.getByTestId('parked').waitFor({ state: 'detached' });
    await heartbeat(k); // and reports that it holds nothing any more
    await until(
      async () => (await sys.query<{ n: number }>('select parked_count as n from kiosk_devices where id = $1', [id]))[0]?.n === 0,
    );
    await admin.reload();
    await admin.getByTestId('fleet-summary').getByText('Tất cả 1 máy đang hoạt động bình thường.').waitFor();
    const rows = await stored(id);
    expect(rows).toHaveLength(1);
    expect(await page.getByTestId('no-campaign').count()).toBe(0);
    await adminContext.close();
    await context.close();
  });

  it.skipIf(postgresOnly)('parks a session answered with an unknown code and stores the session queued behind it', async () => {
    const context = await browser.newContext({ ...TABLET_LANDSCAPE, serviceWorkers: 'block' });
    const { page, id } = await tablet(context, 'Quầy Unknown');
    await context.setOffline(true);
    await session(page);
    await session(page);
    await page.getByText('2 đang chờ gửi').waitFor();

    // A newer server's code this app has never heard of, for the oldest session only.
    let refused = '';
    await page.route('**/api/v1/kiosk/responses', async (route) => {
      const body = route.request().postDataJSON() as { clientId: string };
      if (refused === '' || refused === body.clientId) {
        refused = body.clientId;
        await route.fulfill({
          status: 422,
          contentType: 'application/json',
          body: RETIRED,
        });
        return;
      }
      await route.continue();
    });
    await context.setOffline(false);
    await until(async () => (await stored(id)).length === 1);
    await page.getByTestId('parked').getByText('1 phiếu tạm giữ trên máy: Phiên bản mẫu phiếu đã ngừng dùng').waitFor();
    await page.getByTestId('pending').waitFor({ state: 'detached' });
    const rows = await stored(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.client_id).not.toBe(refused);
    await context.close();
  });

  it.skipIf(postgresOnly)(
    'sends a session released while another is on its way right after it, not at the next round',
    async () => {
      const context = await browser.newContext({ ...TABLET_LANDSCAPE, serviceWorkers: 'block' });
      await openCampaign();
      const k = await tablet(context, 'Quầy Busy');
      const { page, id } = k;

      // The first session is refused with a code the app does not know: parked until the admin decides.
      let parkedId = '';
      let hold: (() => void) | null = null;
      let held = false;
      await page.route('**/api/v1/kiosk/responses', async (route) => {
        const body = route.request().postDataJSON() as { clientId: string };
        if (parkedId === '') {
          parkedId = body.clientId;
          await route.fulfill({ status: 422, contentType: 'application/json', body: RETIRED });
          return;
        }
        if (body.clientId !== parkedId && hold === null) {
          // The second session stays on its way until the release has reached the tablet.
          await new Promise<void>((resolve) => {
            hold = resolve;
            held = true;
          });
        }
        await route.continue();
      });
      await session(page);
      await page.getByTestId('parked').getByText('1 phiếu tạm giữ trên máy: Phiên bản mẫu phiếu đã ngừng dùng').waitFor();
      await heartbeat(k); // it tells the server about it
      await until(
        async () =>
          (await sys.query<{ n: number }>('select parked_count as n from kiosk_devices where id = $1', [id]))[0]?.n === 1,
      );
      await adminPost(`/api/v1/kiosks/${id}/parked/release`, {});

      // The second session is finished 4 s before the next heartbeat, so its send is still on its way
      // (a send gives up after 10 s) when the release arrives.
      const beatAt = await nextBeat(k); // a minute away: there is time for a session
      await page.clock.runFor(beatAt - 4_000 - 6 * 1_100 - (await page.evaluate(() => Date.now())));
      await tap(page, 'Bắt đầu đánh giá');
      for (let i = 0; i < 5; i++) await tap(page, 'Hài lòng');
      await until(async () => held);
      // From here on the tablet's timers fire only when told: no periodic round can pick the session up.
      await page.clock.pauseAt(beatAt + 500); // the heartbeat brings the release
      await until(async () => !(await heldParked(page, parkedId)));
      (hold as (() => void) | null)?.();

      await until(async () => (await stored(id)).length === 2);
      expect((await stored(id)).map((r) => r.client_id)).toContain(parkedId);
      await context.close();
    },
  );
});
