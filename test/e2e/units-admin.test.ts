/**
 * The unit registry screen in a real browser: an administrator imports the Sóc Trăng → Cần Thơ event
 * file with one bad row (the dry run lists the row and column, nothing can be applied, nothing
 * changes), fixes it, checks and applies it, reads the registry of 2021 and of today under the names
 * of each day, and reads a merged unit's lineage. Also axe-core on the page.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { ADMIN } from '../support/build-app.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

const FIXTURE = readFileSync(new URL('../fixtures/units/soctrang-to-cantho-2026.csv', import.meta.url), 'utf8');
const BAD = FIXTURE.replace('merge,ST14,CT14', 'merge,ST14;ST99,CT14');

let sys: TestSystem;
let browser: Browser;

async function openUnits(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${sys.baseUrl}/admin`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Mật khẩu').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Đơn vị', exact: true }).click();
  await page.getByRole('heading', { name: /Danh mục đơn vị theo thời gian/ }).waitFor();
  return page;
}

const chooseFile = (page: Page, text: string) =>
  page.getByLabel(/Tệp sự kiện/).setInputFiles({ name: 'sap-xep-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

describe('unit registry screen', () => {
  beforeAll(async () => {
    sys = await startTestSystem();
    browser = await journeyBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  it('refuses a file with a bad row, applies the fixed file, shows each day under its names and a lineage', async () => {
    const page = await openUnits();
    await chooseFile(page, BAD);
    await page.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.locator('tbody tr').count()).toBe(1);
    expect(await errors.locator('tbody tr td').nth(0).textContent()).toBe('12');
    expect(await errors.locator('tbody tr td').nth(1).textContent()).toBe('from_codes');
    expect(await errors.textContent()).toContain('ST99');
    expect(await page.getByRole('button', { name: 'Áp dụng' }).isDisabled()).toBe(true);
    expect(await sys.query('select id from unit_events')).toEqual([]);

    await chooseFile(page, FIXTURE);
    await page.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
    await page.getByTestId('units-import-status').filter({ hasText: 'Tệp hợp lệ: 34 sự kiện' }).waitFor();
    expect(await sys.query('select id from unit_events')).toEqual([]);
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await page.getByTestId('units-import-status').filter({ hasText: 'Đã áp dụng 34 sự kiện' }).waitFor();
    expect(await sys.query<{ n: number }>('select count(*)::int as n from unit_events')).toEqual([{ n: 34 }]);

    const table = page.getByTestId('units-table');
    await table.locator('caption', { hasText: '50 đơn vị' }).waitFor();
    expect(await table.textContent()).toContain('Phường Phú Lợi');
    await page.getByLabel('Ngày', { exact: true }).fill('2021-11-01');
    await table.locator('caption', { hasText: '40 đơn vị ngày 2021-11-01' }).waitFor();
    expect(await table.locator('tr', { hasText: 'ST26' }).textContent()).toContain('Cục Thuế');

    await page.getByLabel('Mã đơn vị').fill('CT05');
    await page.getByRole('button', { name: 'Xem lịch sử', exact: true }).click();
    const lineage = page.getByTestId('units-lineage');
    await lineage.waitFor();
    const text = (await lineage.textContent()) ?? '';
    expect(text).toContain('ST05 Sở Giao thông vận tải — hợp nhất từ 2025-07-01');
    expect(text).toContain('ST16 Sở Xây dựng — hợp nhất từ 2025-07-01');
    // Picking a code in the table shows its lineage at once: a split district and its wards.
    await page.getByRole('button', { name: 'Chọn ST38 để xem lịch sử' }).click();
    await lineage.filter({ hasText: 'CTP02 Phường Phú Lợi — chia tách từ 2025-07-01' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A 2026 campaign's results list the city's units and compare none of them with a made-up figure.
    const cookie = await sys.sessionCookie();
    const created = await sys.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: { cookie },
      payload: {
        kind: 'sipas',
        name: 'SIPAS Cần Thơ 2026',
        year: 2026,
        opensAt: '2026-10-01T00:00:00+07:00',
        closesAt: '2026-11-01T00:00:00+07:00',
      },
    });
    await page.goto(`${sys.baseUrl}/admin/campaigns/${created.json<{ id: string }>().id}/results`);
    const yoy = page.getByTestId('rs-year-over-year');
    await yoy.waitFor();
    expect(await yoy.locator('tbody tr').count()).toBe(50);
    expect(await yoy.locator('tr', { hasText: 'CT05' }).textContent()).toContain('Đơn vị mới, không có số liệu năm trước');
  });
});
