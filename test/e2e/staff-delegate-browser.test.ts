/**
 * A People's Council delegate rates three units through one personal link (docs/0018): one step per
 * unit with its name and "Đơn vị 2/3", the draft keeps every unit's answers across a reload, "Không
 * đủ thông tin" answers E for a whole unit, and one submit stores one answer set per unit.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { postgresOnly } from '../support/engine.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
import { inviteOne, signIn } from './staff-fixtures.ts';

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

const RATED = ['ST16', 'ST03', 'ST30'];

/** Checks option `n` (0 = A) of every question on the page. */
async function answerAll(page: Page, n: number): Promise<void> {
  const questions = page.locator('fieldset.sf-question');
  const total = await questions.count();
  for (let i = 0; i < total; i++) await questions.nth(i).locator('input[type=radio]').nth(n).check();
}

describe('a delegate answering for three units on a phone', () => {
  it('answers unit by unit, resumes the draft of each, and submits three answer sets at once', async () => {
    const token = await inviteOne(
      sys,
      'browser delegates',
      `Đại biểu Trần Văn Bình,binh@example.vn,ST30,T1,"${RATED.join('; ')}"`,
      'full_name,email,unit_code,respondent_group,rated_units',
    );
    const names = new Map(
      (await sys.query<{ code: string; name: string }>('select code, name from units where code = any($1)', [RATED])).map((u) => [
        u.code,
        u.name,
      ]),
    );
    const heading = (code: string) => ({ name: names.get(code) ?? code, level: 2 });
    const page = await browser.newPage(PHONE);
    await page.goto(`${sys.baseUrl}/s/${token}`);
    await page.getByText('Đại biểu Trần Văn Bình').waitFor();
    await page.getByText('Đơn vị 1/3').waitFor();
    await page.getByRole('heading', heading('ST16')).waitFor();
    expect(await page.getByRole('list', { name: 'Các đơn vị anh/chị đánh giá' }).locator('li').count()).toBe(3);

    // Moving on checks the unit's answers first.
    await page.getByRole('button', { name: 'Tiếp tục: đơn vị tiếp theo' }).click();
    await page.getByText('Vui lòng trả lời câu hỏi này').first().waitFor();
    await answerAll(page, 0);
    await page.getByRole('button', { name: 'Tiếp tục: đơn vị tiếp theo' }).click();
    await page.getByText('Đơn vị 2/3').waitFor();
    await page.getByRole('heading', heading('ST03')).waitFor();
    await page.locator('fieldset.sf-question').nth(0).locator('input[type=radio]').nth(2).check();
    await page.getByRole('button', { name: 'Lưu tạm' }).click();
    await page.getByText(/Đã lưu tạm lúc/).waitFor();

    // After a reload both units' answers are back.
    await page.reload();
    await page.getByText('Đơn vị 1/3').waitFor();
    expect(await page.locator('fieldset.sf-question').nth(3).locator('input[type=radio]').nth(0).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Tiếp tục: đơn vị tiếp theo' }).click();
    await page.getByText('Đơn vị 2/3').waitFor();
    expect(await page.locator('fieldset.sf-question').nth(0).locator('input[type=radio]').nth(2).isChecked()).toBe(true);

    // Not enough information about this unit: E everywhere, then on to the last unit.
    await page.getByRole('button', { name: 'Không đủ thông tin để đánh giá đơn vị này' }).click();
    expect(await page.locator('fieldset.sf-question').nth(0).locator('input[type=radio]').nth(4).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Tiếp tục: đơn vị tiếp theo' }).click();
    await page.getByText('Đơn vị 3/3').waitFor();
    await page.getByRole('heading', heading('ST30')).waitFor();
    await page.getByRole('button', { name: 'Đơn vị trước' }).click();
    await page.getByText('Đơn vị 2/3').waitFor();
    await page.getByRole('button', { name: 'Tiếp tục: đơn vị tiếp theo' }).click();
    await page.getByText('Đơn vị 3/3').waitFor();
    await answerAll(page, 1);
    await page.getByRole('button', { name: 'Gửi phiếu khảo sát (3 đơn vị)' }).click();
    await page.getByText('Cảm ơn anh/chị đã hoàn thành phiếu khảo sát').waitFor();

    const stored = await sys.query<{ code: string; letters: string }>(
      `select u.code, string_agg(distinct a.value #>> '{}', '') as letters
         from responses r join units u on u.id = r.unit_id, jsonb_each(r.answers) a
        where r.channel = 'email' group by u.code order by u.code`,
    );
    expect(stored).toEqual([
      { code: 'ST03', letters: 'E' },
      { code: 'ST16', letters: 'A' },
      { code: 'ST30', letters: 'B' },
    ]);
    await page.reload();
    await page.getByText('Anh/chị đã trả lời phiếu khảo sát này').waitFor();
    await page.close();
  });

  it.skipIf(postgresOnly)(
    'shows the admin, before importing, who rates which units and how many answer sets each unit gets',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${sys.baseUrl}/admin`);
      await signIn(page);
      await page.getByRole('link', { name: 'browser delegates' }).click();
      const csv = [
        'full_name,email,unit_code,respondent_group,rated_units',
        'Đại biểu Lâm Thị Hạnh,hanh@example.vn,ST31,T1,ST16;ST30',
        'Cán bộ Phòng,phong@example.vn,ST16,T2,',
      ].join('\n');
      await page
        .getByLabel('Chọn tệp danh sách')
        .setInputFiles({ name: 'dai-bieu.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
      const multi = page.getByRole('table', { name: '1 người đánh giá nhiều đơn vị (mỗi đơn vị một phiếu)' });
      await multi.waitFor();
      expect(await multi.locator('tbody tr').textContent()).toContain('Đại biểu Lâm Thị HạnhST16, ST30');
      const sets = page.getByRole('row').filter({ hasText: /^ST16/ });
      // ST16: one person of its own (the T2), two answer sets (the T2 and the delegate).
      expect(await sets.locator('td').allTextContents()).toEqual([expect.stringMatching(/^ST16 /), '1', '2']);
      await page.close();
    },
  );
});
