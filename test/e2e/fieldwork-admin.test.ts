/**
 * Issue 6, admin and supervisor screens in Chromium: the admin bulk-imports 2 enumerators (after a
 * bad file shows its row errors), gives one an assignment and sees progress once forms are synced;
 * a supervisor of an attached organisation draws back-checks and records an outcome. axe-core
 * finds no serious or critical violation on either page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import type { PublicForm } from '@hailong/contracts';
import { interview } from '../../api/test/enumerator-fixtures.ts';
import { TABLET_LANDSCAPE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { ADMIN } from '../support/build-app.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
let browser: Browser;
let campaignId: string;
const PASSWORD = 'Dtv-Pass-2026!';

const cookieOf = (email: string, password: string): Promise<string> => sys.sessionCookie({ email, password });

async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/Mật khẩu/).fill(password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
}

beforeAll(async () => {
  sys = await startTestSystem();
  browser = await journeyBrowser();
  const admin = await cookieOf(ADMIN.email, ADMIN.password);
  const res = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie: admin },
    payload: {
      kind: 'sipas',
      name: 'SIPAS 2021 thực địa',
      year: 2021,
      opensAt: '2020-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
    },
  });
  campaignId = res.json<{ id: string }>().id;
  const sup = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/supervisors',
    headers: { cookie: admin },
    payload: { fullName: 'Giám sát MTTQ', email: 'gs@mttq.vn', organisation: 'Ủy ban MTTQ tỉnh', password: PASSWORD },
  });
  expect(sup.statusCode).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

describe('admin fieldwork and supervision screens', () => {
  it('imports enumerators, assigns a quota, shows progress, and lets a supervisor record a back-check', async () => {
    const context = await browser.newContext({ ...TABLET_LANDSCAPE, baseURL: sys.baseUrl });
    const page = await context.newPage();
    await page.goto(`/admin/campaigns/${campaignId}/fieldwork`);
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { name: /Điều tra thực địa: SIPAS 2021 thực địa/ }).waitFor();
    await page
      .getByText(/chưa có tài khoản nào/)
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const file = page.getByLabel('Tệp', { exact: true });
    const header = 'full_name,email,organisation,password\n';
    await file.setInputFiles({
      name: 'sai.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}Nguyễn Văn An,khong-phai-email,Bưu điện tỉnh Sóc Trăng,${PASSWORD}\n`),
    });
    await page.getByRole('button', { name: /Nhập tài khoản/ }).click();
    await page.locator('.fw-errors').getByRole('cell', { name: 'email', exact: true }).waitFor();

    await file.setInputFiles({
      name: 'dtv.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `${header}Nguyễn Văn An,an@buudien.vn,Bưu điện tỉnh Sóc Trăng,${PASSWORD}\nTrần Thị Bình,binh@buudien.vn,Bưu điện tỉnh Sóc Trăng,${PASSWORD}\n`,
      ),
    });
    await page.getByRole('button', { name: /Nhập tài khoản/ }).click();
    await page.getByRole('status').filter({ hasText: 'Đã nhập 2 tài khoản' }).waitFor();
    await page.getByRole('cell', { name: 'binh@buudien.vn' }).waitFor();

    await page.getByLabel('Tên tổ chức').fill('Ủy ban MTTQ tỉnh');
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.getByRole('listitem').filter({ hasText: 'Ủy ban MTTQ tỉnh' }).waitFor();

    const assignForm = page.getByRole('form', { name: /Giao địa bàn/ });
    await assignForm.getByLabel(/Điều tra viên/).selectOption({ label: 'Nguyễn Văn An (Bưu điện tỉnh Sóc Trăng)' });
    await assignForm.getByLabel(/Đơn vị/).selectOption('ST34');
    await assignForm.getByLabel(/Chỉ tiêu/).fill('4');
    await assignForm.getByRole('button', { name: 'Giao', exact: true }).click();
    await page.locator('tr[data-assignment="ST34"]').waitFor();
    expect(await page.locator('tr[data-assignment="ST34"]').textContent()).toContain('0/4 (0%)');

    // The enumerator syncs 2 interviews from the field.
    const enumerator = await cookieOf('an@buudien.vn', PASSWORD);
    const mine = (
      await sys.app.inject({ method: 'GET', url: '/api/v1/enumerator/assignments', headers: { cookie: enumerator } })
    ).json<{ assignments: Array<{ id: string; forms: PublicForm[] }> }>().assignments[0];
    const form = mine?.forms.find((f) => f.code === '01/2021-TT');
    if (!mine || !form) throw new Error('no assignment or form');
    const synced = await sys.app.inject({
      method: 'POST',
      url: '/api/v1/enumerator/sync',
      headers: { cookie: enumerator },
      payload: { forms: [interview(mine.id, form, 1), interview(mine.id, form, 2, { note: 'Chị Hoa, khóm 2' })] },
    });
    expect(synced.statusCode).toBe(200);

    await page.reload();
    await page.locator('tr[data-assignment="ST34"]').filter({ hasText: '2/4 (50%)' }).waitFor();
    const byEnumerator = page.locator('table', { has: page.locator('caption', { hasText: 'Theo điều tra viên' }) });
    expect(await byEnumerator.getByRole('row').filter({ hasText: 'Nguyễn Văn An' }).textContent()).toMatch(
      /Nguyễn Văn An \(Bưu điện tỉnh Sóc Trăng\)2200/,
    );
    await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
    expect(await page.getByTestId('fw-remuneration').locator('tfoot').textContent()).toContain('50.000');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();

    const supContext = await browser.newContext({ ...TABLET_LANDSCAPE, baseURL: sys.baseUrl });
    const sup = await supContext.newPage();
    await sup.goto(`/supervision/${campaignId}`);
    await sup.getByRole('heading', { name: /Đăng nhập giám sát/ }).waitFor();
    await signIn(sup, 'gs@mttq.vn', PASSWORD);
    await sup.getByText(/Chưa rút phiếu phúc tra nào/).waitFor();
    await sup.getByLabel(/Tỷ lệ phúc tra/).fill('50');
    await sup.getByRole('button', { name: /Rút phiếu phúc tra/ }).click();
    await sup.getByRole('status').filter({ hasText: 'Đã rút thêm 1 phiếu' }).waitFor();
    const item = sup.locator('li[data-back-check]');
    await item.getByText(/Chưa phúc tra/).waitFor();
    expect(await item.textContent()).toContain('ST34');
    await item.getByLabel(/Người dân xác nhận/).check();
    await item.getByLabel('Ghi chú').fill('Đã gọi lại, người dân xác nhận');
    await item.getByRole('button', { name: /Lưu kết quả/ }).click();
    await item.locator('.sv-outcome-confirmed').waitFor();
    expect(await sup.getByRole('heading', { name: /Phúc tra/ }).textContent()).toContain('1/1');
    expect(await seriousViolations(sup)).toEqual([]);
    await supContext.close();
  });
});
