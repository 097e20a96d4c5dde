/**
 * A civil servant on a phone opens their personal link, answers part of the form, saves the draft,
 * reloads (the answers come back), finishes and submits, then reopens the link and sees
 * "already answered".
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../support/build-app.ts';
import { PHONE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
import { postgresOnly } from '../support/engine.ts';
import { inviteOne as staffInviteOne } from './staff-fixtures.ts';

let sys: TestSystem;
let browser: Browser;

beforeAll(async () => {
  sys = await startTestSystem();
  browser = await journeyBrowser();
});
afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

const inviteOne = () => staffInviteOne(sys, 'browser staff', 'Lê Thị Hoa,hoa@example.vn,ST05,T3');

describe('the personal survey link on a phone', () => {
  it('saves a draft, resumes after reload, submits once and then says "already answered"', async () => {
    const token = await inviteOne();
    const page = await browser.newPage(PHONE);
    await page.goto(`${sys.baseUrl}/s/${token}`);
    await page.getByText('Lê Thị Hoa').waitFor();
    const questions = page.locator('fieldset.sf-question');
    const total = await questions.count();
    expect(total).toBeGreaterThan(3);
    await questions.nth(0).locator('input[type=radio]').nth(1).check();
    await questions.nth(1).locator('input[type=radio]').nth(0).check();
    await page.getByRole('button', { name: 'Lưu tạm' }).click();
    await page.getByText(/Đã lưu tạm lúc/).waitFor();

    await page.reload();
    await page.locator('fieldset.sf-question').first().waitFor();
    expect(await page.locator('fieldset.sf-question').nth(0).locator('input[type=radio]').nth(1).isChecked()).toBe(true);
    expect(await page.locator('fieldset.sf-question').nth(1).locator('input[type=radio]').nth(0).isChecked()).toBe(true);

    // Submitting too early shows the errors next to the questions, in Vietnamese.
    await page.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click();
    await page.getByText('Vui lòng trả lời câu hỏi này').first().waitFor();

    for (let i = 2; i < total; i++)
      await page.locator('fieldset.sf-question').nth(i).locator('input[type=radio]').first().check();
    await page.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click();
    await page.getByText('Cảm ơn anh/chị đã hoàn thành phiếu khảo sát').waitFor();

    await page.reload();
    await page.getByText('Anh/chị đã trả lời phiếu khảo sát này').waitFor();
    const stored = await sys.query("select id from responses where channel = 'email'");
    expect(stored).toHaveLength(1);
    await page.close();
  });

  it.skipIf(postgresOnly)("lets the admin log in and see the campaign's response rate per unit", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${sys.baseUrl}/admin`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'browser staff' }).click();
    await page.getByRole('heading', { name: 'Tỷ lệ phản hồi: 100,00\u00a0% (1/1)' }).waitFor();
    await page.locator('.admin-curve').waitFor();
    expect(await page.locator('.admin-table tbody tr').count()).toBeGreaterThan(1);
    await page.close();
  });

  it.skipIf(postgresOnly)('shows "invalid link" for a wrong token', async () => {
    const page = await browser.newPage(PHONE);
    await page.goto(`${sys.baseUrl}/s/${'x'.repeat(43)}`);
    await page.getByText('Đường dẫn không hợp lệ').waitFor();
    await page.close();
  });
});
