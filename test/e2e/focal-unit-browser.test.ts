/**
 * Issue 14 items 3 and 4 in Chromium. A unit's focal point signs in at the console's sign-in form,
 * lands on their unit's page, sees the response rate by template and who has not answered, resends
 * one invitation after a confirmation and the mail reaches the SMTP sink; the navigation shows
 * nothing of the administration. An admin sees on the campaign page what the retention purge will
 * remove and when, then that it was removed.
 */
import AxeBuilder from '@axe-core/playwright';
import { purgePersonalData } from '@hailong/db';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../api/test/staff-support.ts';
import { TABLET_LANDSCAPE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
import { createFocalPoint, signIn, staffCampaign, waitForDelivered } from './staff-fixtures.ts';

let sys: TestSystem;
let sink: SmtpSink;
let browser: Browser;
let campaignId: string;
let focal: { email: string; password: string };

beforeAll(async () => {
  sink = await startSmtpSink();
  sys = await startTestSystem({ smtpUrl: sink.url, worker: true });
  browser = await journeyBrowser();
  campaignId = await staffCampaign(sys, {
    name: 'Khảo sát CBCCVC 2021',
    respondentsCsv:
      'full_name,email,unit_code,respondent_group,phone\nLê Văn Chưa,chua.fub@example.vn,ST02,T2,0912000001\nTrần Văn Ngoài,ngoai.fub@example.vn,ST07,T3,\n',
    invite: true,
  });
  await sink.waitFor(2);
  await waitForDelivered(sys, 2);
  focal = await createFocalPoint(sys, { unitCode: 'ST02', fullName: 'Nguyễn Thị Đầu Mối', email: 'daumoi.st02@example.vn' });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await sys?.close();
  await sink?.close();
});

describe('the focal point’s unit page', () => {
  it('signs in at the console form, sees the rate and the non-respondent, resends and the mail arrives', async () => {
    const context = await browser.newContext({ ...TABLET_LANDSCAPE, baseURL: sys.baseUrl });
    const page = await context.newPage();
    await page.goto('/admin');
    await signIn(page, focal);
    await page.waitForURL(/\/unit$/);
    await page.getByRole('heading', { level: 1, name: /ST02/ }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByRole('link', { name: /Tài khoản|Nhật ký|Đợt khảo sát/ }).count()).toBe(0);

    const section = page.getByRole('region', { name: 'Khảo sát CBCCVC 2021' });
    expect(await section.getByTestId('rate-T2').textContent()).toMatch(/^0([,.]00)?\s?%$/);
    const people = section.getByRole('region', { name: 'Người chưa trả lời' });
    await people.getByRole('rowheader', { name: 'Lê Văn Chưa' }).waitFor();
    expect(await people.getByText('ngoai.fub@example.vn').count()).toBe(0);
    const axe = await new AxeBuilder({ page }).include('main').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    const before = sink.mails.length;
    page.once('dialog', (d) => {
      expect(d.message()).toContain('Gửi lại lời mời tới Lê Văn Chưa');
      void d.accept();
    });
    await people.getByRole('button', { name: 'Gửi lại lời mời tới Lê Văn Chưa' }).click();
    await people.getByRole('status').filter({ hasText: 'Đã gửi lại lời mời tới chua.fub@example.vn' }).waitFor();
    await sink.waitFor(before + 1);
    expect(sink.mails.at(-1)?.to).toBe('chua.fub@example.vn');

    // English second: the same page after the switch.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('region', { name: 'Not answered yet' }).waitFor();
    await context.close();
  });
});

describe('the personal-data panel on the campaign page', () => {
  it('shows an admin what the purge will remove and when, then that it was removed', async () => {
    const context = await browser.newContext({ ...TABLET_LANDSCAPE, baseURL: sys.baseUrl });
    const page = await context.newPage();
    await page.goto(`/admin/campaigns/${campaignId}`);
    await signIn(page);
    const panel = page.getByRole('region', { name: 'Dữ liệu cá nhân và thời hạn lưu' });
    await panel.getByTestId('remove-respondents').filter({ hasText: '2' }).waitFor();
    expect(await panel.getByTestId('remove-phones').textContent()).toBe('1');
    expect(await panel.getByTestId('personal-data-state').textContent()).toMatch(/Sẽ xóa ngày \d{2}\/\d{2}\/2099 \(90 ngày/);

    expect(await purgePersonalData(sys.app.db, campaignId, new Date())).not.toBeNull();
    await page.reload();
    await panel.getByText(/đã được xóa ngày/).waitFor();
    expect(await panel.getByRole('table').count()).toBe(0);
    await context.close();
  });
});
