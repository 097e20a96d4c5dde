/**
 * Issue 12 in Chromium: the SIPAS results page of a campaign answered on the 2024 national form
 * shows the perception shares and the expectation items ranked by the share answering "rất nhiều",
 * for the whole campaign and for one unit, with a share of 3 answers withheld as "< 5".
 * 30 forms at ST34: 6 say an official caused trouble (20 %); only 3 answer the money question;
 * "rất nhiều" KV2 21 (70 %), KV5 15 (50 %), the other eight items 0.
 */
import AxeBuilder from '@axe-core/playwright';
import { schema } from '@hailong/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertResponses } from '../../api/test/aggregation-fixtures.ts';
import { findStoredForm } from '../../api/src/features/forms/repo.ts';
import { TABLET_LANDSCAPE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { ADMIN } from '../support/build-app.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
let browser: Browser;
let campaignId: string;

async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function responses2024(): Promise<void> {
  const form = (await findStoredForm(sys.app.db, 'SIPAS/2024'))!;
  const [unit] = (await sys.app.db.select().from(schema.units)).filter((u) => u.code === 'ST34');
  const rows = Array.from({ length: 30 }, (_, i) => {
    const answers: Record<string, unknown> = {
      ...form.definition.example,
      RESULT_TIME: 'on_time',
      HARASSMENT: i < 6,
      EXTRA_PAYMENT: i < 1,
      ...Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`KV${k + 1}`, 'it'])),
      KV2: i < 21 ? 'rat_nhieu' : 'nhieu',
      KV5: i < 15 ? 'rat_nhieu' : 'nhieu',
    };
    if (i >= 3) delete answers.EXTRA_PAYMENT;
    return {
      campaignId,
      unitId: unit!.id,
      formId: form.id,
      reviewState: 'valid' as const,
      completedAt: new Date(Date.now() - 3_600_000),
      answers,
    };
  });
  await insertResponses(sys.app.db, rows);
}

beforeAll(async () => {
  sys = await startTestSystem();
  browser = await journeyBrowser();
  const admin = await sys.sessionCookie();
  const res = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie: admin },
    payload: {
      kind: 'sipas',
      name: 'SIPAS 2024 hộ gia đình',
      year: 2024,
      opensAt: '2020-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
    },
  });
  campaignId = res.json<{ id: string }>().id;
  await responses2024();
}, 480_000);
afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

describe('SIPAS results page: perception and expectations', () => {
  it('shows the shares and the ranking for the campaign and for a unit', async () => {
    const context = await browser.newContext({ ...TABLET_LANDSCAPE, baseURL: sys.baseUrl });
    const page = await context.newPage();
    await page.goto(`/admin/campaigns/${campaignId}/results`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel(/Mật khẩu/).fill(ADMIN.password);
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    await page.getByRole('heading', { name: 'Cảm nhận và mong đợi' }).waitFor();

    const perception = page.getByRole('table', { name: 'Tỷ lệ cảm nhận' });
    const harassment = perception.getByRole('row', { name: /Công chức gây phiền hà, sách nhiễu/ });
    await expect.poll(() => harassment.locator('td').last().textContent()).toBe('20 %');
    const money = perception.getByRole('row', { name: /Phải chi thêm tiền ngoài quy định/ });
    expect(await money.locator('td').first().textContent()).toBe('3');
    expect(await money.locator('[data-withheld="small"] [aria-hidden="true"]').textContent()).toBe('< 5');

    const ranking = page.getByRole('table', { name: 'Mong đợi' });
    const rows = ranking.locator('tbody tr');
    expect(await rows.count()).toBe(10);
    expect(await rows.nth(0).textContent()).toContain('Cải thiện cơ sở vật chất, trang thiết bị nơi tiếp nhận và trả kết quả');
    expect(await rows.nth(0).locator('td').first().textContent()).toBe('1');
    expect(await rows.nth(0).locator('td').last().textContent()).toBe('70 %');
    expect(await rows.nth(1).textContent()).toContain('Nâng cao thái độ phục vụ của công chức');
    expect(await rows.nth(1).locator('td').last().textContent()).toBe('50 %');
    expect(await seriousViolations(page)).toEqual([]);

    // One unit: the same forms, so the same figures, under the unit's name.
    await page.getByLabel('Phạm vi').selectOption('ST34');
    await page
      .getByRole('table', { name: 'Tỷ lệ cảm nhận' })
      .getByText(/Tỷ lệ cảm nhận: (?!toàn đợt)/)
      .waitFor();
    expect(await harassment.locator('td').last().textContent()).toBe('20 %');
    expect(await rows.nth(0).locator('td').last().textContent()).toBe('70 %');
    await context.close();
  });
});
