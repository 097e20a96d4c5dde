/**
 * Issue 10 item 6 on the counter tablet: on the full form 01 (36 screens) the citizen can go back
 * one screen (the answer given there shows as chosen and can be changed) and skip questions that
 * are not required, with large "Quay lại" / "Bỏ qua" buttons; required questions cannot be
 * skipped; the quick form is unchanged (no such buttons). The stored response holds the changed
 * answer and nothing for the skipped questions. Time in the page is a controlled clock.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { TABLET_LANDSCAPE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
let browser: Browser;
let cookie = '';

async function adminPost(url: string, payload: object): Promise<{ id: string; pairingCode?: string }> {
  const res = await sys.app.inject({ method: 'POST', url, payload, headers: { cookie } });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function tap(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.clock.runFor(1_100); // past the 1 s double-tap guard
}

async function pairedTablet(counterName: string, mode: 'quick' | 'full'): Promise<{ page: Page; id: string }> {
  const k = await adminPost('/api/v1/kiosks', { unitCode: 'ST34', counterName, mode });
  const context = await browser.newContext({ ...TABLET_LANDSCAPE });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(`${sys.baseUrl}/k?code=${String(k.pairingCode)}`);
  await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).waitFor();
  return { page, id: k.id };
}

const at = (page: Page) => page.getByRole('progressbar', { name: 'Tiến độ' }).getAttribute('aria-valuetext');
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

beforeAll(async () => {
  sys = await startTestSystem();
  cookie = await sys.sessionCookie();
  await adminPost('/api/v1/campaigns', {
    kind: 'sipas',
    name: 'SIPAS quầy',
    year: 2021,
    opensAt: '2020-01-01T00:00:00Z',
    closesAt: '2099-01-01T00:00:00Z',
  });
  browser = await journeyBrowser();
});
afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

describe('kiosk full form 01', () => {
  it('goes back one screen to change an answer and skips optional questions; the stored response says so', async () => {
    const { page, id } = await pairedTablet('Quầy 01 đầy đủ', 'full');
    await tap(page, 'Bắt đầu đánh giá');
    expect(await at(page)).toBe('Câu 1/36');
    expect(await page.locator('.k-part').textContent()).toBe('Phần 1/8: Tiếp cận dịch vụ');
    expect(await button(page, 'Quay lại').count()).toBe(0); // nothing before the first screen
    expect(await button(page, 'Bỏ qua').count()).toBe(0); // a required rating

    await tap(page, 'Hài lòng');
    expect(await at(page)).toBe('Câu 2/36');
    const back = button(page, 'Quay lại');
    expect((await back.boundingBox())?.height).toBeGreaterThanOrEqual(64);
    expect(await seriousViolations(page)).toEqual([]);
    await tap(page, 'Quay lại');
    expect(await at(page)).toBe('Câu 1/36');
    expect(await button(page, 'Hài lòng').getAttribute('aria-pressed')).toBe('true');
    await tap(page, 'Rất hài lòng'); // changes the first answer

    const skipped: string[] = [];
    for (;;) {
      const where = await page.getByRole('progressbar', { name: 'Tiến độ' }).count();
      if (where === 0) break;
      const question = (await page.locator('#k-question').textContent()) ?? '';
      if (await button(page, 'Bỏ qua').count()) {
        skipped.push(question);
        expect((await button(page, 'Bỏ qua').boundingBox())?.height).toBeGreaterThanOrEqual(64);
        await tap(page, 'Bỏ qua');
      } else if (await button(page, 'Hài lòng').count()) await tap(page, 'Hài lòng');
      else
        await page
          .locator('.k-option')
          .first()
          .click()
          .then(() => page.clock.runFor(1_100));
    }
    // Optional: improvements and the six about the respondent (the "if late" questions are required once the result was late).
    expect(skipped).toHaveLength(7);
    expect(skipped).toContain('Giới tính');
    expect(skipped).toContain('Thủ tục hành chính Ông/Bà đã thực hiện');
    await page.getByText('Xin cảm ơn Ông/Bà!').waitFor();

    await expect
      .poll(async () => (await sys.query('select 1 from responses where source_id = $1', [id])).length, { timeout: 15_000 })
      .toBe(1);
    const [row] = await sys.query<{ answers: Record<string, unknown> }>('select answers from responses where source_id = $1', [
      id,
    ]);
    expect(row?.answers.TC1).toBe(5);
    expect(row?.answers.TC2).toBe(4);
    expect(row?.answers.RESULT_TIME).toBe('late');
    expect(row?.answers.LATE_NOTIFIED).toBe(true);
    for (const q of ['IMPROVE', 'GENDER', 'AGE', 'EDUCATION', 'OCCUPATION', 'PROCEDURE', 'LEVEL'])
      expect(row?.answers).not.toHaveProperty(q);
    expect(Object.keys(row?.answers ?? {})).toHaveLength(29);
    await page.context().close();
  });

  it('leaves the quick form as it was: five ratings, no back or skip buttons', async () => {
    const { page } = await pairedTablet('Quầy nhanh', 'quick');
    await tap(page, 'Bắt đầu đánh giá');
    for (let i = 1; i <= 5; i++) {
      expect(await at(page)).toBe(`Câu ${i}/5`);
      expect(await button(page, 'Quay lại').count()).toBe(0);
      expect(await button(page, 'Bỏ qua').count()).toBe(0);
      expect(await page.locator('.k-part').count()).toBe(0);
      await tap(page, 'Hài lòng');
    }
    await page.getByText('Xin cảm ơn Ông/Bà!').waitFor();
    await page.context().close();
  });
});
