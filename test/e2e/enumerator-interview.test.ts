/**
 * Issue 10 item 6 on the enumerator's phone: two assignments of one district unit in different
 * hamlets read differently on their cards and in the interview header (hamlet, commune, district);
 * the buttons name the forms in words; form 01 (36 questions) is interviewed one section at a time
 * with "Phần n/8 · Câu a–b/36" and a progress bar, can go back a section without losing answers,
 * does not move on past an unanswered question, and is stored for the assignment it was started on.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { PHONE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
import { answerShown } from './field-fixtures.ts';

let sys: TestSystem;
let browser: Browser;
const assignment: Record<string, string> = {};

async function post(cookie: string, url: string, payload: object): Promise<{ id: string }> {
  const res = await sys.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  if (res.statusCode !== 201) throw new Error(`${url} ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  sys = await startTestSystem();
  browser = await journeyBrowser();
  const cookie = await sys.sessionCookie();
  const campaign = await post(cookie, '/api/v1/campaigns', {
    kind: 'sipas',
    name: 'SIPAS 2021 địa bàn',
    year: 2021,
    opensAt: '2020-01-01T00:00:00Z',
    closesAt: '2099-01-01T00:00:00Z',
  });
  const commune = await post(cookie, '/api/v1/localities', { level: 'commune', unitCode: 'ST34', name: 'Xã Mỹ Hương' });
  const enumerator = await post(cookie, '/api/v1/enumerators', {
    fullName: 'Lâm Thị Ngọc',
    email: 'ngoc@buudien.vn',
    organisation: 'Bưu điện huyện Mỹ Tú',
    password: 'Dtv-Pass-2026!',
  });
  for (const hamlet of ['Ấp Mỹ Phước', 'Ấp Tân Hòa']) {
    const loc = await post(cookie, '/api/v1/localities', { level: 'hamlet', parentId: commune.id, name: hamlet });
    assignment[hamlet] = (
      await post(cookie, `/api/v1/campaigns/${campaign.id}/assignments`, {
        enumeratorId: enumerator.id,
        unitCode: 'ST34',
        quota: 27,
        localityId: loc.id,
      })
    ).id;
  }
});
afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

const progressBar = (page: Page) => page.getByRole('progressbar', { name: /^Tiến độ phỏng vấn/ });
const sectionHeading = (page: Page) => page.getByTestId('sf-progress').getByRole('heading');

describe('enumerator interview', () => {
  it('tells two hamlets of one unit apart, names forms in words, and shows sections and progress through form 01', async () => {
    const context = await browser.newContext({ ...PHONE, baseURL: sys.baseUrl });
    const page = await context.newPage();
    await page.goto('/e');
    await page.getByLabel('Email').fill('ngoc@buudien.vn');
    await page.getByLabel(/Mật khẩu/).fill('Dtv-Pass-2026!');
    await page.getByRole('button', { name: /Đăng nhập/ }).click();

    const cards = page.getByRole('list', { name: 'Phân công của bạn' }).getByRole('listitem');
    await cards.first().waitFor();
    expect(await cards.getByRole('heading').allTextContents()).toEqual(['Ấp Mỹ Phước, Xã Mỹ Hương', 'Ấp Tân Hòa, Xã Mỹ Hương']);
    const hoa = page.getByRole('listitem', { name: 'Ấp Tân Hòa, Xã Mỹ Hương' });
    expect(await hoa.textContent()).toContain('ST34 — Huyện Mỹ Tú');
    expect(await hoa.getByRole('button').allTextContents()).toEqual([
      'Phỏng vấn: Phiếu khảo sát trực tiếp – mẫu 01',
      'Phỏng vấn: Phiếu khảo sát dịch vụ công trực tuyến – mẫu 02',
    ]);
    expect(await page.locator('button', { hasText: '2021-TT' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await hoa.getByRole('button', { name: 'Phỏng vấn: Phiếu khảo sát trực tiếp – mẫu 01' }).click();
    const header = page.locator('.e-topbar');
    expect(await header.textContent()).toContain('Ấp Tân Hòa, Xã Mỹ Hương');
    expect(await header.textContent()).toContain('ST34 — Huyện Mỹ Tú');
    // The start time reads as the phone's own Vietnamese formatting of the hour and the day ("14:05 02-12");
    // the interview started within the last minute.
    const startedText = await page.evaluate(`[0, 60000].map((ago) => {
      const d = new Date(Date.now() - ago);
      return d.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' }) + ' ' +
        d.toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit' });
    })`);
    expect((startedText as string[]).map((t) => `bắt đầu ${t}`)).toContainEqual(
      /bắt đầu [^·]+$/.exec((await header.textContent()) ?? '')?.[0],
    );
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Phiếu khảo sát trực tiếp – mẫu 01');
    expect(await sectionHeading(page).textContent()).toBe('Phần 1/8 · Câu 1–4/36Tiếp cận dịch vụ');
    expect(await progressBar(page).getAttribute('aria-label')).toBe('Tiến độ phỏng vấn: đã trả lời 0/36 câu');
    expect(await seriousViolations(page)).toEqual([]);

    // Moving on with the section unanswered is refused, with the questions marked.
    await page.getByRole('button', { name: 'Phần tiếp theo →' }).click();
    await page.locator('.sf-invalid').first().waitFor();
    expect(await page.locator('.sf-invalid').count()).toBe(4);
    expect(await sectionHeading(page).textContent()).toContain('Phần 1/8');

    expect(await answerShown(page)).toBe(4);
    await expect.poll(() => progressBar(page).getAttribute('aria-label')).toBe('Tiến độ phỏng vấn: đã trả lời 4/36 câu');
    await page.getByRole('button', { name: 'Phần tiếp theo →' }).click();
    await expect.poll(() => sectionHeading(page).textContent()).toBe('Phần 2/8 · Câu 5–9/36Thủ tục hành chính');
    expect(await page.evaluate('document.activeElement.textContent')).toContain('Phần 2/8'); // focus moved to the new section
    expect(await page.locator('.sf-question').first().textContent()).toMatch(/^5\. /);

    // Back one section: the answers given there are still chosen.
    await page.getByRole('button', { name: '← Phần trước' }).click();
    await expect.poll(() => sectionHeading(page).textContent()).toContain('Phần 1/8');
    expect(await page.locator('.sf-question input:checked').count()).toBe(4);
    await page.getByRole('button', { name: 'Phần tiếp theo →' }).click();

    const seen: string[] = [];
    for (;;) {
      seen.push((await sectionHeading(page).textContent()) ?? '');
      await answerShown(page);
      const next = page.getByRole('button', { name: 'Phần tiếp theo →' });
      if ((await next.count()) === 0) break;
      await next.click();
    }
    expect(seen.map((s) => s.split(' · ')[0])).toEqual([
      'Phần 2/8',
      'Phần 3/8',
      'Phần 4/8',
      'Phần 5/8',
      'Phần 6/8',
      'Phần 7/8',
      'Phần 8/8',
    ]);
    expect(seen.at(-1)).toMatch(/^Phần 8\/8 · Câu 31–36\/36/);
    expect(await progressBar(page).getAttribute('aria-label')).toBe('Tiến độ phỏng vấn: đã trả lời 35/36 câu'); // free text left empty
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Lưu phiếu vào máy' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Đã lưu phiếu' });
    await saved.waitFor();
    expect(await saved.textContent()).toContain('Ấp Tân Hòa, Xã Mỹ Hương (ST34), Phiếu khảo sát trực tiếp – mẫu 01');
    await page.getByRole('button', { name: /Đồng bộ/ }).click();
    await page.getByTestId('e-status').filter({ hasText: 'Đã gửi 1 phiếu mới' }).waitFor();
    const rows = await sys.query<{ source_id: string }>("select source_id from responses where channel = 'enumerator'");
    expect(rows).toEqual([{ source_id: assignment['Ấp Tân Hòa'] }]);
    expect(
      await page
        .getByRole('listitem')
        .filter({ hasText: 'Ấp Tân Hòa, Xã Mỹ Hương (ST34) · Phiếu khảo sát trực tiếp – mẫu 01' })
        .count(),
    ).toBe(1);
    await context.close();
  });

  it('says when the interview screen could not be fetched, leads back to the list, and opens it once it can', async () => {
    // The interview screen is a chunk fetched after the list (docs/0038); here every fetch of it fails at first.
    const context = await browser.newContext({ ...PHONE, baseURL: sys.baseUrl, serviceWorkers: 'block' });
    const page = await context.newPage();
    let reachable = false;
    await page.route('**/assets/interview-screen-*.js', (route) => (reachable ? route.continue() : route.abort()));
    await page.goto('/e');
    await page.getByLabel('Email').fill('ngoc@buudien.vn');
    await page.getByLabel(/Mật khẩu/).fill('Dtv-Pass-2026!');
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    const start = page.getByRole('listitem', { name: 'Ấp Mỹ Phước, Xã Mỹ Hương' }).getByRole('button', { name: /mẫu 01$/ });
    await start.click();
    await page.getByRole('alert').filter({ hasText: 'Không mở được phiếu' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '← Danh sách' }).click();

    reachable = true;
    await start.click();
    await page.locator('.sf-question').first().waitFor();
    expect(await sectionHeading(page).textContent()).toBe('Phần 1/8 · Câu 1–4/36Tiếp cận dịch vụ');
    await context.close();
  });
});
