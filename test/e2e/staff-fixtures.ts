/** Staff-survey browser tests: one respondent imported and invited through the API, and their link token. */
import { invitationToken } from '@hailong/runtime';
import { expect } from 'vitest';
import type { TestSystem } from '../support/system.ts';

/**
 * Creates an open staff campaign, imports `respondentCsvLine` (full_name,email,unit_code,group, or the
 * columns of `header`), invites.
 */
export async function inviteOne(
  sys: TestSystem,
  campaignName: string,
  respondentCsvLine: string,
  header = 'full_name,email,unit_code,respondent_group',
): Promise<string> {
  const cookie = await sys.sessionCookie();
  const c = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie },
    payload: { kind: 'staff', name: campaignName, year: 2021, opensAt: '2021-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
  });
  const id = c.json<{ id: string }>().id;
  const csv = `${header}\n${respondentCsvLine}\n`;
  expect(
    (
      await sys.app.inject({
        method: 'POST',
        url: `/api/v1/campaigns/${id}/respondents`,
        headers: { cookie, 'content-type': 'text/csv' },
        payload: csv,
      })
    ).statusCode,
  ).toBe(201);
  expect(
    (await sys.app.inject({ method: 'POST', url: `/api/v1/campaigns/${id}/invitations/send`, headers: { cookie } })).statusCode,
  ).toBe(202);
  const rows = await sys.query<{ id: string }>('select id from invitations where campaign_id = $1', [id]);
  return invitationToken(sys.config.tokenSecret, rows[0]?.id ?? '');
}
