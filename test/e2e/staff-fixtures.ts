/**
 * Staff-survey browser tests: staff campaigns imported and invited through the API, focal-point
 * accounts, and signing in at the console's form.
 */
import { invitationToken } from '@hailong/runtime';
import type { Page } from 'playwright-core';
import { createStaffCampaign, sendInvitations, type StaffCampaignSpec } from '../../api/test/staff-support.ts';
import { ADMIN } from '../support/build-app.ts';
import type { TestSystem } from '../support/system.ts';

/** Creates an open staff campaign as the admin and imports its respondents; with `invite`, sends the invitations. */
export async function staffCampaign(sys: TestSystem, spec: StaffCampaignSpec & { invite?: boolean }): Promise<string> {
  const admin = { app: sys.app, cookie: await sys.sessionCookie() };
  const id = await createStaffCampaign(admin, spec);
  if (spec.invite) await sendInvitations(admin, id);
  return id;
}

/** Waits until the worker has recorded n delivered invitations (or throws after timeoutMs). */
export async function waitForDelivered(sys: TestSystem, n: number, timeoutMs = 10_000): Promise<void> {
  for (const until = Date.now() + timeoutMs; ;) {
    const rows = await sys.query<{ n: number }>('select count(*)::int as n from invitations where delivered_at is not null');
    if (rows[0]?.n === n) return;
    if (Date.now() > until) throw new Error(`${rows[0]?.n ?? 0}/${n} invitations delivered in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Creates a unit's focal-point account as the admin; returns its sign-in. */
export async function createFocalPoint(
  sys: TestSystem,
  account: { unitCode: string; fullName: string; email: string },
): Promise<{ email: string; password: string }> {
  const res = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: { cookie: await sys.sessionCookie() },
    payload: { role: 'focal_point', ...account },
  });
  if (res.statusCode !== 201) throw new Error(`focal point not created: ${res.statusCode} ${res.body}`);
  return { email: account.email, password: res.json<{ temporaryPassword: string }>().temporaryPassword };
}

/** Signs in at the console's form the page shows (the admin unless told otherwise). */
export async function signIn(page: Page, who: { email: string; password: string } = ADMIN): Promise<void> {
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel(/Mật khẩu/).fill(who.password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
}

/**
 * Creates an open staff campaign, imports `respondentCsvLine` (full_name,email,unit_code,group, or the
 * columns of `header`), invites; returns the respondent's link token.
 */
export async function inviteOne(
  sys: TestSystem,
  campaignName: string,
  respondentCsvLine: string,
  header = 'full_name,email,unit_code,respondent_group',
): Promise<string> {
  const id = await staffCampaign(sys, {
    name: campaignName,
    respondentsCsv: `${header}\n${respondentCsvLine}\n`,
    invite: true,
  });
  const rows = await sys.query<{ id: string }>('select id from invitations where campaign_id = $1', [id]);
  return invitationToken(sys.config.tokenSecret, rows[0]?.id ?? '');
}
