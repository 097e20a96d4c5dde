/**
 * Issue 12 item 5 in Chromium, staff side: a T3 template imported under a new code is chosen for
 * group T3 in the "Mẫu phiếu theo nhóm" section of the staff campaign page; the T3 respondent's
 * personal link then shows it, and once invited the group's choice is locked in the console.
 */
import { sheetsWorkbook } from '@hailong/api';
import { sheetsFromForm, staffTemplate } from '@hailong/forms';
import { invitationToken } from '@hailong/runtime';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { PHONE, TABLET_LANDSCAPE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
import { signIn, staffCampaign } from './staff-fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NEW_T3 = 'CBCCVC-T3/2027';
const NEW_TITLE = 'Phiếu khảo sát cán bộ, công chức nhóm 3 năm 2027';
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

async function importNewT3(): Promise<void> {
  const t3 = staffTemplate('T3');
  if (!t3) throw new Error('no T3 template');
  const sheets = sheetsFromForm(t3);
  const [head = [], row = []] = sheets.settings;
  row[head.indexOf('form_id')] = NEW_T3;
  row[head.indexOf('version')] = '1';
  row[head.indexOf('title::vi')] = NEW_TITLE;
  const res = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/forms.xlsx',
    headers: { cookie: await sys.sessionCookie(), 'content-type': XLSX },
    payload: await sheetsWorkbook(sheets),
  });
  if (res.statusCode !== 200) throw new Error(`import: ${res.statusCode} ${res.body}`);
}

describe('templates by group', () => {
  it('an admin chooses an imported T3 template; the invited respondent sees it and the group is then locked', async () => {
    await importNewT3();
    const id = await staffCampaign(sys, {
      name: 'CBCCVC mẫu 2027',
      respondentsCsv: 'full_name,email,unit_code,respondent_group\nLê Văn Tư,tu.t3@example.vn,ST16,T3\n',
    });
    const ctx = await browser.newContext({ ...TABLET_LANDSCAPE, baseURL: sys.baseUrl });
    const page = await ctx.newPage();
    await page.goto(`/admin/campaigns/${id}`);
    await signIn(page);
    const section = page.getByRole('region', { name: 'Mẫu phiếu theo nhóm' });
    const t3 = section.getByLabel(/^Nhóm T3/);
    await expect.poll(() => t3.inputValue()).toBe(staffTemplate('T3')?.code);
    expect(await section.getByRole('combobox').count()).toBe(6);
    expect(await t3.locator(`option[value="${NEW_T3}"]`).textContent()).toContain(`${NEW_T3} · v1 — ${NEW_TITLE}`);
    await t3.selectOption(NEW_T3);
    await section.getByRole('button', { name: 'Lưu mẫu phiếu theo nhóm' }).click();
    await section.getByRole('status').getByText('Đã lưu mẫu phiếu theo nhóm.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const sent = await sys.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/invitations/send`,
      headers: { cookie: await sys.sessionCookie() },
    });
    expect(sent.statusCode).toBe(202);
    await page.reload();
    await expect.poll(() => section.getByLabel(/^Nhóm T3/).isDisabled()).toBe(true);
    expect(await section.getByLabel(/^Nhóm T3/).inputValue()).toBe(NEW_T3);
    await section.getByText('đã gửi 1 thư mời, giữ mẫu hiện tại').waitFor();

    const rows = await sys.query<{ id: string }>('select id from invitations where campaign_id = $1', [id]);
    const phone = await browser.newContext(PHONE);
    const respondent = await phone.newPage();
    await respondent.goto(`${sys.baseUrl}/s/${invitationToken(sys.config.tokenSecret, rows[0]?.id ?? '')}`);
    await respondent.getByText(NEW_TITLE).first().waitFor();
    await phone.close();
    await ctx.close();
  });
});
