/**
 * Personal-link guessing is limited per address, per token prefix and installation-wide, and a
 * respondent's own link keeps working whatever others do: wrong tokens from the respondent's
 * address, wrong tokens sharing the link's first characters, and a flood from many addresses.
 */
import { invitationToken } from '@hailong/runtime';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { BAD_TOKEN_LIMITS, TOKEN_PREFIX_LENGTH } from '../src/features/staff-survey/shared-bad-token-guard.ts';

const SECRET = 'link-guessing-secret-0123456789abcdef';
let t: TestApp;
let token = '';
const VICTIM = '198.51.100.7';

const open = (tok: string, remoteAddress: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/s/${tok}`, remoteAddress }).then((r) => r.statusCode);
const randomToken = () => randomBytes(32).toString('base64url');

beforeAll(async () => {
  t = await buildTestApp({ tokenSecret: SECRET });
  for (let i = 0; i < 100 && t.app.redis.status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 20));
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie: t.adminCookie },
    payload: { kind: 'staff', name: 'guessing', year: 2021, opensAt: '2021-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
  });
  const campaignId = created.json<{ id: string }>().id;
  const csv = 'full_name,email,unit_code,respondent_group\nĐỗ Thị Lan,lan.guess@example.vn,ST05,T3\n';
  const imported = await t.app.inject({
    method: 'POST',
    url: `/api/v1/campaigns/${campaignId}/respondents`,
    headers: { cookie: t.adminCookie, 'content-type': 'text/csv' },
    payload: csv,
  });
  expect(imported.statusCode).toBe(201);
  const sent = await t.app.inject({
    method: 'POST',
    url: `/api/v1/campaigns/${campaignId}/invitations/send`,
    headers: { cookie: t.adminCookie },
  });
  expect(sent.statusCode).toBe(202);
  const rows = await t.app.db.execute(sql`select id from invitations where campaign_id = ${campaignId}`);
  token = invitationToken(SECRET, String((rows.rows[0] as { id: string }).id));
});
afterAll(async () => t?.close());

describe('personal-link guessing', () => {
  it('serves the link although more than the per-address limit of wrong tokens came from the same address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= BAD_TOKEN_LIMITS.perAddress; i++) statuses.push(await open(randomToken(), VICTIM));
    expect(statuses.slice(0, BAD_TOKEN_LIMITS.perAddress)).toEqual(Array(BAD_TOKEN_LIMITS.perAddress).fill(404));
    expect(statuses.at(-1)).toBe(429);
    expect(await open(token, VICTIM)).toBe(200);
  });

  it('limits wrong tokens sharing a prefix across addresses, and still serves the link with that prefix', async () => {
    const prefix = token.slice(0, TOKEN_PREFIX_LENGTH);
    const statuses: number[] = [];
    for (let i = 0; i <= BAD_TOKEN_LIMITS.perPrefix; i++)
      statuses.push(await open(prefix + randomToken().slice(TOKEN_PREFIX_LENGTH), `192.0.2.${i + 1}`));
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(await open(token, '192.0.2.200')).toBe(200);
  });

  it('refuses every wrong token once the installation-wide limit is spent, and the link still opens', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < BAD_TOKEN_LIMITS.global; i++)
      statuses.push(await open(randomToken(), `10.${(i >> 8) & 255}.${i & 255}.9`));
    expect(statuses).toContain(429);
    expect(await open(randomToken(), '172.16.99.99')).toBe(429); // a fresh address, a fresh prefix
    expect(await open(token, '172.16.99.99')).toBe(200);
    const submit = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/s/${token}/draft`,
      payload: { answers: {} },
      remoteAddress: '172.16.99.99',
    });
    expect(submit.statusCode).toBe(200);
  }, 60_000);
});
