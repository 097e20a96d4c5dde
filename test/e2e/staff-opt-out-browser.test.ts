/**
 * The opt-out link of a staff-survey mail, on a phone: opening it changes nothing (mail scanners
 * follow links); one click on the confirmation button records the opt-out.
 */
import { invitationToken } from '@hailong/worker/invitation-tokens';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../support/build-app.ts';
import { launchBrowser, PHONE } from '../support/browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
let browser: Browser;

beforeAll(async () => {
  sys = await startTestSystem();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: sys.database.url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function inviteOne(): Promise<string> {
  const login = await sys.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN });
  const cookie = `hl_session=${login.cookies.find((c) => c.name === 'hl_session')?.value ?? ''}`;
  const c = await sys.app.inject({
    method: 'POST', url: '/api/v1/campaigns', headers: { cookie },
    payload: { kind: 'staff', name: 'browser opt-out', year: 2021, opensAt: '2021-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
  });
  const id = c.json<{ id: string }>().id;
  const csv = 'full_name,email,unit_code,respondent_group\nTrịnh Văn Tâm,tam.optout@example.vn,ST05,T3\n';
  expect((await sys.app.inject({ method: 'POST', url: `/api/v1/campaigns/${id}/respondents`, headers: { cookie, 'content-type': 'text/csv' }, payload: csv })).statusCode).toBe(201);
  expect((await sys.app.inject({ method: 'POST', url: `/api/v1/campaigns/${id}/invitations/send`, headers: { cookie } })).statusCode).toBe(202);
  const rows = await query<{ id: string }>('select id from invitations where campaign_id = $1', [id]);
  return invitationToken(sys.config.tokenSecret, rows[0]?.id ?? '');
}

const optedOut = async () => (await query<{ at: Date | null }>("select opted_out_at as at from respondents where email = 'tam.optout@example.vn'"))[0]?.at ?? null;

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
