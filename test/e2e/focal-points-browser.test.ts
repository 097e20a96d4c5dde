/**
 * Issue 4 item 5 in Chromium: on a staff campaign's page an admin sees the campaign's units with
 * their focal point (đầu mối CCHC), is told "Email không hợp lệ" for a bad address, then sets one
 * inline and it is stored; axe-core finds no serious or critical violation in the section.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLET_LANDSCAPE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
import { signIn, staffCampaign } from './staff-fixtures.ts';

let sys: TestSystem;
let browser: Browser;
let campaignId: string;

beforeAll(async () => {
  sys = await startTestSystem();
  browser = await journeyBrowser();
  campaignId = await staffCampaign(sys, {
    name: 'Khảo sát CBCCVC 2021',
    respondentsCsv:
      'full_name,email,unit_code,respondent_group\nLê Văn A,a.fpb@example.vn,ST02,T2\nLê Văn B,b.fpb@example.vn,ST02,T3\n',
  });
});
afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

describe('focal points on the staff campaign page', () => {
  it('lets an admin set a unit’s focal point inline, refusing a bad email in Vietnamese', async () => {
    const context = await browser.newContext({ ...TABLET_LANDSCAPE, baseURL: sys.baseUrl });
    const page = await context.newPage();
    await page.goto(`/admin/campaigns/${campaignId}`);
    await signIn(page);
    const section = page.getByRole('region', { name: 'Đầu mối CCHC của các đơn vị' });
    await section.getByRole('button', { name: /^Thêm đầu mối của ST02/ }).click();
    await section.getByLabel(/^Họ tên đầu mối của ST02/).fill('Nguyễn Thị Đầu Mối');
    await section.getByLabel(/^Email đầu mối của ST02/).fill('khong-phai-email');
    await section.getByRole('button', { name: /^Lưu đầu mối của ST02/ }).click();
    await section.getByText('Email không hợp lệ').waitFor();
    const axe = await new AxeBuilder({ page }).include('[aria-labelledby="focal-points-title"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await section.getByLabel(/^Email đầu mối của ST02/).fill('daumoi.st02@example.vn');
    await section.getByRole('button', { name: /^Lưu đầu mối của ST02/ }).click();
    await section.getByRole('cell', { name: 'daumoi.st02@example.vn' }).waitFor();
    await page.getByText(/Đã lưu đầu mối của ST02/).waitFor();
    const stored = await sys.app.db.query.units.findFirst({ where: (u, { eq }) => eq(u.code, 'ST02') });
    expect(stored).toMatchObject({ focalPointName: 'Nguyễn Thị Đầu Mối', focalPointEmail: 'daumoi.st02@example.vn' });
    await context.close();
  });
});
