import { randomUUID } from 'node:crypto';
import { findForm } from '@hailong/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { openSipasCampaign } from './kiosk-fixtures.ts';

const example = findForm('02/2021-DVCTT')?.example ?? {};

describe('/results and /sipas follow the same campaign method', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Three forms per unit: the lowest minimum cell a deployment may set (SUPPRESS_MIN_CELL ≥ 3) shows them.
    t = await buildTestApp({ suppressMinCell: 3 });
  });
  afterAll(async () => t.close());

  it('shows the SIPAS % of /sipas on /results when the campaign scores by the overall question', async () => {
    const campaignId = await openSipasCampaign(t, { sipasMethod: 'overall_question', minSample: 1 });
    // Satisfied with every criterion, but not overall: the two methods give different figures.
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/o/ST34/responses',
        payload: { clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: { ...example, OV: i === 0 ? 5 : 2 } },
      });
      expect(res.statusCode).toBe(201);
    }
    const get = (path: string) =>
      t.app.inject({ url: `/api/v1/campaigns/${campaignId}/${path}`, headers: { cookie: t.adminCookie } });
    const sipas = (await get('sipas'))
      .json<{ units: { unitCode: string; sipasPercent: number | null }[] }>()
      .units.find((u) => u.unitCode === 'ST34');
    const results = (await get('results'))
      .json<{ units: { unitCode: string; sipasPercent: number | null }[] }>()
      .units.find((u) => u.unitCode === 'ST34');
    expect(sipas?.sipasPercent).toBeCloseTo(33.33, 1);
    expect(results?.sipasPercent).toBe(sipas?.sipasPercent);
  });
});
