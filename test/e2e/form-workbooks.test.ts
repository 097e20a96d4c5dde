/**
 * Issue 12 item 5 in Chromium: an admin opens the questionnaires page, checks a form workbook with a
 * `note` row (refused on its cell: sheet, row, column, message), fixes it, imports it, sees the new
 * form in the list and downloads it back as a workbook.
 */
import { sheetsWorkbook } from '@hailong/api';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { TABLET_LANDSCAPE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { ADMIN } from '../support/build-app.ts';
import { addQuestion, readSheets, setSetting, settingOf } from '../support/form-workbook-edits.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let sys: TestSystem;
let browser: Browser;

beforeAll(async () => {
  sys = await startTestSystem();
  browser = await journeyBrowser();
}, 480_000);
afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

describe('questionnaires page', () => {
  it('shows a bad cell, imports the fixed workbook, lists the form and downloads it back', async () => {
    const admin = await sys.sessionCookie();
    const exported = await sys.app.inject({
      url: '/api/v1/forms/workbook.xlsx?code=02/2021-DVCTT&version=2',
      headers: { cookie: admin },
    });
    expect(exported.statusCode).toBe(200);
    const sheets = await readSheets(exported.rawPayload);
    setSetting(sheets, 'form_id', 'THU/2026');
    setSetting(sheets, 'version', '1');
    setSetting(sheets, 'title::vi', 'Phiếu thử nghiệm năm 2026');
    const bad = structuredClone(sheets);
    const noteRow = addQuestion(bad, 'TC', { type: 'note', name: 'N1', 'label::vi': 'Ghi chú', 'label::en': 'Note' });

    const context = await browser.newContext({ ...TABLET_LANDSCAPE, baseURL: sys.baseUrl });
    const page = await context.newPage();
    await page.goto('/admin/forms');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel(/Mật khẩu/).fill(ADMIN.password);
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    await page.getByRole('heading', { name: 'Phiếu khảo sát', level: 1 }).waitFor();
    const list = page.getByRole('table', { name: 'Các phiếu đã lưu' });
    await list.getByRole('rowheader', { name: 'SIPAS/2024' }).waitFor();
    expect(await list.getByRole('rowheader', { name: 'THU/2026' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Tải mẫu phiếu SIPAS 2024 (.xlsx)' }).getAttribute('href')).toBe(
      '/api/v1/forms/workbook.xlsx?code=SIPAS%2F2024&version=1',
    );

    // The workbook with a note: the dry run names its cell, and nothing can be imported.
    const file = page.getByLabel('Chọn tệp phiếu (.xlsx)');
    await file.setInputFiles({ name: 'thu-2026.xlsx', mimeType: XLSX, buffer: await sheetsWorkbook(bad) });
    await page.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
    await page.getByRole('alert').filter({ hasText: 'chưa thể nhập' }).waitFor();
    const errorRow = page.getByTestId('import-errors').locator('tbody tr').first();
    const cells = await errorRow.locator('td').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['survey', String(noteRow)]);
    expect(cells[3]).toMatch(/note/);
    expect(await page.getByRole('button', { name: 'Nhập phiếu' }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // Fixed: the dry run says what would be created; the import stores it and the list shows it.
    await file.setInputFiles({ name: 'thu-2026.xlsx', mimeType: XLSX, buffer: await sheetsWorkbook(sheets) });
    await page.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
    await page.getByRole('status').filter({ hasText: 'THU/2026 v1' }).filter({ hasText: 'sẽ được tạo mới' }).waitFor();
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    expect(await list.getByRole('rowheader', { name: 'THU/2026' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Nhập phiếu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã nhập phiếu: THU/2026 v1' }).waitFor();
    const row = list.locator('tr[data-form="THU/2026 v1"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Phiếu thử nghiệm năm 2026');
    expect(await row.textContent()).toContain('Chưa có người trả lời');

    // Downloaded back: the same form code, version and title.
    const href = await row.getByRole('link', { name: 'Tải THU/2026 v1 (.xlsx)' }).getAttribute('href');
    const res = await page.request.get(href ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
    const back = await readSheets(await res.body());
    expect([settingOf(back, 'form_id'), settingOf(back, 'version'), settingOf(back, 'title::vi')]).toEqual([
      'THU/2026',
      '1',
      'Phiếu thử nghiệm năm 2026',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
