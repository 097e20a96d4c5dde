/**
 * The opt-out link of a staff-survey mail, on a phone: opening it changes nothing (mail scanners
 * follow links); one click on the confirmation button records the opt-out.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
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

const inviteOne = () => staffInviteOne(sys, 'browser opt-out', 'Trịnh Văn Tâm,tam.optout@example.vn,ST05,T3');

const optedOut = async () =>
  (await sys.query<{ at: Date | null }>("select opted_out_at as at from respondents where email = 'tam.optout@example.vn'"))[0]
    ?.at ?? null;

describe('the opt-out link on a phone', () => {
  it('asks first, then records the opt-out on one click and says no more mails will come', async () => {
    const token = await inviteOne();
    const page = await browser.newPage(PHONE);
    await page.goto(`${sys.baseUrl}/s/${token}/opt-out`);
    await page.getByRole('heading', { name: 'Từ chối nhận thư mời và thư nhắc khảo sát' }).waitFor();
    expect(await optedOut()).toBeNull();
    await page.getByRole('button', { name: /Xác nhận từ chối nhận thư/ }).click();
    await page.getByText('Anh/chị sẽ không nhận thêm thư của đợt khảo sát này').waitFor();
    expect(await optedOut()).not.toBeNull();
    await page.goto(`${sys.baseUrl}/s/${'z'.repeat(43)}/opt-out`);
    await page.getByRole('button', { name: /Xác nhận từ chối nhận thư/ }).click();
    await page.getByText('Đường dẫn không hợp lệ').waitFor();
    await page.close();
  });
});
