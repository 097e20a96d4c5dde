/**
 * Sở Nội vụ's admin opens a SIPAS campaign's sampling plan, checks and imports a plan workbook
 * (40 units, 2,005 forms, 3 communes × 2 hamlets × 27), sees the totals, then edits one target.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planWorkbook } from '@hailong/api';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../support/build-app.ts';
import { TABLET_LANDSCAPE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

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

async function sipasCampaign(): Promise<string> {
  const cookie = await sys.sessionCookie();
  const c = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie },
    payload: {
      kind: 'sipas',
      name: 'SIPAS 2021 Bưu điện',
      year: 2021,
      opensAt: '2021-11-03T00:00:00+07:00',
      closesAt: '2021-11-23T00:00:00+07:00',
    },
  });
  return c.json<{ id: string }>().id;
}

async function planFile(): Promise<string> {
  const codes = Array.from({ length: 40 }, (_, i) => `ST${String(i + 1).padStart(2, '0')}`);
  const file = await planWorkbook({
    targets: codes.map((unitCode, i) => ({ unitCode, target: i < 5 ? 51 : 50 })),
    localities: ['Phú Tân', 'Thuận Hòa', 'An Hiệp'].flatMap((commune) =>
      ['Ấp 1', 'Ấp 2'].map((hamlet) => ({ districtCode: 'ST30', commune, hamlet, quota: 27 })),
    ),
  });
  const path = join(mkdtempSync(join(tmpdir(), 'hl-plan-')), 'ke-hoach.xlsx');
  writeFileSync(path, file);
  return path;
}

describe('the sampling plan page', () => {
  it('imports a plan workbook after a dry run, shows the totals, and saves an edited target', async () => {
    const id = await sipasCampaign();
    const page = await browser.newPage(TABLET_LANDSCAPE);
    page.setDefaultTimeout(15_000);
    await page.goto(`${sys.baseUrl}/admin`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page
      .getByRole('heading', { name: /đợt khảo sát/i })
      .first()
      .waitFor();
    await page.goto(`${sys.baseUrl}/admin/campaigns/${id}`);
    await page.getByRole('link', { name: /Kế hoạch chọn mẫu/ }).click();
    await page.getByRole('heading', { name: 'Kế hoạch chọn mẫu SIPAS' }).waitFor();
    expect(page.url()).toBe(`${sys.baseUrl}/admin/campaigns/${id}/plan`);
    await page.getByText('Chưa có chỉ tiêu đơn vị nào').waitFor();

    await page.getByLabel('Chọn tệp kế hoạch (.xlsx)').setInputFiles(await planFile());
    await page.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
    await page.getByText('Tệp hợp lệ: 40 đơn vị, tổng 2005 phiếu.').waitFor();
    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click();
    await page.getByText('Đã nhập kế hoạch: 40 đơn vị, tổng 2005 phiếu.').waitFor();
    await page.getByTestId('plan-total-target').getByText('2005').waitFor();
    expect(await page.getByTestId('plan-locality-totals').textContent()).toContain('3 xã · 6 ấp được chọn · tổng 162 phiếu');

    await page.getByLabel('Chỉ tiêu phiếu của Ban Dân tộc').fill('60');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu của Ban Dân tộc' }).click();
    await page.getByText('Đã lưu chỉ tiêu của Ban Dân tộc.').waitFor();
    await page.getByTestId('plan-total-target').getByText('2014').waitFor();
    expect(await page.getByTestId('plan-totals').textContent()).toContain('Tổng chỉ tiêu: 2014 phiếu');
    await page.close();
  });
});
