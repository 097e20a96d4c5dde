/**
 * Issue 6 acceptance: an enumerator logs in on a phone, downloads assignments, goes offline,
 * interviews 4 respondents across 2 assignments (on the shared survey renderer), reloads the app with
 * no network (service worker shell + IndexedDB outbox), comes back online and the outbox syncs →
 * 4 responses stored once; a second sync changes nothing. A form the server refuses shows as
 * rejected with its Vietnamese reason and stays on the phone with its answers; the enumerator reads
 * it, moves it to another assignment and resends it, discards another after confirming, and fixes
 * a form refused for invalid answers in the form renderer. Every screen passes axe with no
 * serious/critical violation.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { PHONE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
import { answerAll } from './field-fixtures.ts';
import { postgresOnly } from '../support/engine.ts';

/** A sync's answer is awaited as long as the app awaits it (60 s, enumerator-api.ts), not Playwright's 30 s. */
const SYNC = { timeout: 60_000 };

let sys: TestSystem;
let browser: Browser;
let cookie: string;
let campaignId: string;

async function adminCall(url: string, payload: unknown) {
  const res = await sys.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as Record<string, unknown> });
  if (res.statusCode !== 201) throw new Error(`${url} ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

async function newEnumerator(email: string, units: string[]): Promise<string[]> {
  const enumeratorId = await adminCall('/api/v1/enumerators', {
    fullName: `Điều tra viên ${email}`,
    email,
    organisation: 'Bưu điện tỉnh Sóc Trăng',
    password: 'Dtv-Pass-2026!',
  });
  const ids: string[] = [];
  for (const unitCode of units)
    ids.push(await adminCall(`/api/v1/campaigns/${campaignId}/assignments`, { enumeratorId, unitCode, quota: 10 }));
  return ids;
}

beforeAll(async () => {
  sys = await startTestSystem();
  browser = await journeyBrowser();
  cookie = await sys.sessionCookie();
  campaignId = await adminCall('/api/v1/campaigns', {
    kind: 'sipas',
    name: 'SIPAS 2021 e2e',
    year: 2021,
    opensAt: '2020-01-01T00:00:00Z',
    closesAt: '2099-01-01T00:00:00Z',
  });
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

async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`);
}

async function logIn(page: Page, email: string) {
  await page.goto('/e');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/Mật khẩu/).fill('Dtv-Pass-2026!');
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.locator('li[data-assignment]').first().waitFor();
  await page.locator('html[data-offline-ready="true"]').waitFor(); // the shell is cached: offline reloads work
}

const FORM_01 = 'Phỏng vấn: Phiếu khảo sát trực tiếp – mẫu 01';

/** Opens form 01 for a unit and answers every question. */
async function interview(page: Page, unit: string, note = '') {
  await page.locator(`li[data-assignment="${unit}"]`).getByRole('button', { name: FORM_01 }).click();
  expect(await answerAll(page)).toBe(36);
  if (note) await page.getByLabel(/Ghi chú/).fill(note);
  await page.getByRole('button', { name: /Lưu phiếu/ }).click();
  await page.getByRole('status').filter({ hasText: 'Đã lưu phiếu' }).waitFor();
}

describe('enumerator app offline', () => {
  it('keeps 4 interviews made offline across a reload and stores each once when synced (twice)', async () => {
    await newEnumerator('dtv1@buudien.vn', ['ST34', 'ST35']);
    const context = await browser.newContext({ ...PHONE, baseURL: sys.baseUrl });
    const page = await context.newPage();
    await logIn(page, 'dtv1@buudien.vn');
    expect(await seriousViolations(page)).toEqual([]);

    await context.setOffline(true);
    await page.getByTestId('e-net').filter({ hasText: 'Không có mạng' }).waitFor();
    await page.locator('li[data-assignment="ST34"]').getByRole('button', { name: FORM_01 }).click();
    expect(await seriousViolations(page)).toEqual([]); // the interview screen
    await page.getByRole('button', { name: /Danh sách/ }).click();
    for (const [i, unit] of ['ST34', 'ST34', 'ST35', 'ST35'].entries())
      await interview(page, unit, i === 0 ? 'Người dân trả lời tại nhà' : '');
    await expect.poll(() => page.getByTestId('e-pending').textContent(), { timeout: 30_000 }).toBe('4');

    await page.reload();
    await page.locator('li[data-assignment="ST34"]').waitFor();
    await expect.poll(() => page.getByTestId('e-pending').textContent(), { timeout: 30_000 }).toBe('4');
    expect(await page.locator('li[data-state="pending"]').count()).toBe(4);
    expect(await page.locator('li[data-assignment="ST34"]').textContent()).toContain('2 / 10');
    expect(await stored()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    // The interview screen's code is a chunk of its own, fetched after the list (docs/0038): reloaded
    // with no network, the app still opens an interview from what the shell kept.
    await page.locator('li[data-assignment="ST35"]').getByRole('button', { name: FORM_01 }).click();
    await page.locator('.sf-question').first().waitFor();
    await page.getByRole('button', { name: /Danh sách/ }).click();
    await page.locator('li[data-assignment="ST35"]').waitFor();

    await context.setOffline(false); // the app syncs by itself when the network comes back
    await page.getByTestId('e-status').filter({ hasText: 'Đã gửi 4 phiếu mới' }).waitFor(SYNC);
    expect(await stored()).toBe(4);
    expect(await page.getByTestId('e-pending').textContent()).toBe('0');
    expect(await page.locator('li[data-state="synced"]').count()).toBe(4);
    await expect.poll(() => page.locator('li[data-assignment="ST34"]').textContent(), { timeout: 30_000 }).toContain('2 / 10');

    await page.getByRole('button', { name: /Đồng bộ/ }).click();
    await page.getByTestId('e-status').filter({ hasText: 'Đã gửi 0 phiếu mới' }).waitFor(SYNC);
    expect(await stored()).toBe(4);
    await context.close();
  });

  it.skipIf(postgresOnly)(
    'keeps a form the server refuses on the phone, with the reason in Vietnamese, until it is moved to another assignment and stored',
    async () => {
      const [, gone] = await newEnumerator('dtv2@buudien.vn', ['ST34', 'ST36']);
      const context = await browser.newContext({ ...PHONE, baseURL: sys.baseUrl });
      const page = await context.newPage();
      await logIn(page, 'dtv2@buudien.vn');
      await context.setOffline(true);
      await interview(page, 'ST34');
      await interview(page, 'ST36');
      await interview(page, 'ST36', 'Phiếu thứ hai ở ST36');
      // Meanwhile the admin withdraws the ST36 assignment (it has no forms on the server yet).
      const del = await sys.app.inject({ method: 'DELETE', url: `/api/v1/assignments/${gone}`, headers: { cookie } });
      expect(del.statusCode).toBe(204);

      const before = await stored();
      await context.setOffline(false);
      await page.getByTestId('e-status').filter({ hasText: '2 phiếu bị từ chối' }).waitFor(SYNC);
      expect(await stored()).toBe(before + 1);
      expect(await page.getByTestId('e-rejected').textContent()).toBe('2');
      const rejected = page.locator('li[data-state="rejected"]');
      for (const text of await rejected.allTextContents()) {
        expect(text).toMatch(/Bị từ chối: \S/);
        expect(text).toContain('Câu trả lời vẫn được giữ trên máy');
      }
      expect(await seriousViolations(page)).toEqual([]);

      // The answers survive a reload and can be read (read-only).
      await page.reload();
      const second = rejected.filter({ has: page.getByRole('button') }).last();
      await rejected.first().getByRole('button', { name: 'Xem câu trả lời' }).click();
      const answers = page.getByTestId('e-answers');
      await answers.waitFor();
      expect(await answers.textContent()).toContain('4 · Hài lòng');
      expect(await page.locator('input, textarea').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: /Danh sách/ }).click();

      // Moved to the enumerator's other assignment of the same campaign, it is resent and stored.
      const move = rejected.first();
      expect(await move.getByRole('combobox', { name: 'Chuyển sang phân công' }).locator('option').allTextContents()).toEqual([
        expect.stringMatching(/\(ST34\)$/),
      ]);
      await move.getByRole('button', { name: 'Chuyển và gửi lại' }).click();
      await page.getByTestId('e-status').filter({ hasText: 'Đã gửi 1 phiếu mới' }).waitFor(SYNC);
      expect(await stored()).toBe(before + 2);
      expect(await page.getByTestId('e-rejected').textContent()).toBe('1');
      await expect.poll(() => page.locator('li[data-assignment="ST34"]').textContent(), { timeout: 30_000 }).toContain('2 / 10');
      expect(await seriousViolations(page)).toEqual([]);

      // Discarding asks first; cancelling keeps the form, confirming removes it from the phone.
      const asked: string[] = [];
      page.once('dialog', (d) => void (asked.push(d.message()), d.dismiss()));
      await second.getByRole('button', { name: 'Xoá phiếu' }).click();
      expect(asked[0]).toMatch(/^Xoá phiếu này khỏi máy\?/);
      expect(await rejected.count()).toBe(1);
      page.once('dialog', (d) => void d.accept());
      await second.getByRole('button', { name: 'Xoá phiếu' }).click();
      await expect.poll(() => rejected.count()).toBe(0);
      expect(await page.getByTestId('e-rejected').textContent()).toBe('0');
      expect(await stored()).toBe(before + 2);
      await context.close();
    },
  );

  it.skipIf(postgresOnly)(
    'reopens a form refused for invalid answers with the refused question marked, and stores it once fixed',
    async () => {
      await newEnumerator('dtv3@buudien.vn', ['ST34']);
      const context = await browser.newContext({ ...PHONE, baseURL: sys.baseUrl });
      const page = await context.newPage();
      await logIn(page, 'dtv3@buudien.vn');
      await context.setOffline(true);
      await interview(page, 'ST34', 'Ghi chú giữ nguyên');
      // An answer the server refuses (as if the form changed): one rating set out of range in the outbox.
      // (a string: the test project has no DOM types)
      await page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('hl-outbox-enumerator', 1);
      open.onerror = () => reject(new Error('cannot open the outbox'));
      open.onsuccess = () => {
        const items = open.result.transaction('items', 'readwrite').objectStore('items');
        const all = items.getAll();
        all.onsuccess = () => {
          const row = all.result[0];
          if (!row) return reject(new Error('empty outbox'));
          const id = Object.keys(row.item.answers).find((k) => row.item.answers[k] === 4);
          row.item.answers[id] = 9;
          items.put(row).onsuccess = () => resolve();
        };
      };
    })`);
      const before = await stored();
      await context.setOffline(false);
      await page.getByTestId('e-status').filter({ hasText: '1 phiếu bị từ chối' }).waitFor(SYNC);
      expect(await page.locator('li[data-state="rejected"]').textContent()).toMatch(/Câu 1: \S/);

      await page.getByRole('button', { name: 'Sửa và gửi lại' }).click();
      const invalid = page.locator('.sf-invalid');
      await invalid.first().waitFor();
      expect(await invalid.count()).toBe(1);
      expect(await page.getByLabel(/Ghi chú/).inputValue()).toBe('Ghi chú giữ nguyên');
      expect(await seriousViolations(page)).toEqual([]);
      await invalid.getByText('4 · Hài lòng', { exact: true }).click();
      await page.getByRole('button', { name: 'Lưu và gửi lại' }).click();
      await page.getByTestId('e-status').filter({ hasText: 'Đã gửi 1 phiếu mới' }).waitFor(SYNC);
      expect(await stored()).toBe(before + 1);
      expect(await page.getByTestId('e-rejected').textContent()).toBe('0');
      await context.close();
    },
  );

  it('keeps each downloaded form once on the phone, lists every assignment, and opens offline what an older version stored', async () => {
    const units = ['ST02', 'ST03', 'ST05', 'ST16', 'ST26', 'ST30']; // more than the first screen's cards
    await newEnumerator('dtv4@buudien.vn', units);
    const context = await browser.newContext({ ...PHONE, baseURL: sys.baseUrl });
    const page = await context.newPage();
    await logIn(page, 'dtv4@buudien.vn');
    const cards = page.getByRole('list', { name: 'Phân công của bạn' }).getByRole('listitem');
    await expect.poll(() => cards.count()).toBe(units.length);
    expect(await page.locator('ul[aria-busy]').count()).toBe(0); // every card is in
    // What the phone keeps: each distinct form once, each assignment naming its forms by index.
    const kept = await page.evaluate<{ forms: string[]; each: string[] }>(`(() => {
      const s = JSON.parse(localStorage.getItem('hl-e-assignments'));
      return { forms: s.forms.map((f) => f.code), each: s.assignments.map((a) => a.unitCode + ':' + a.forms.join(',')) };
    })()`);
    expect(kept.forms).toEqual(['01/2021-TT', '02/2021-DVCTT']);
    expect(kept.each).toEqual(units.map((u) => `${u}:0,1`));

    // A phone updated from the version that kept every assignment with its own copy of the forms.
    await page.evaluate(`(() => {
      const s = JSON.parse(localStorage.getItem('hl-e-assignments'));
      const old = s.assignments.map((a) => ({ ...a, forms: a.forms.map((i) => s.forms[i]) }));
      localStorage.setItem('hl-e-assignments', JSON.stringify(old));
    })()`);
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => cards.count()).toBe(units.length);
    await page.locator('li[data-assignment="ST30"]').getByRole('button', { name: FORM_01 }).click();
    await page.locator('.sf-question').first().waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Phiếu khảo sát trực tiếp – mẫu 01');
    await context.close();
  });
});
