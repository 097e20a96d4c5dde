/**
 * Small-cell suppression in the per-counter and per-day views (issue 14, SUPPRESS_MIN_CELL): a
 * counter with 3 forms shows "< 5" instead of a rate, and because /results shows the unit's totals,
 * a second counter is withheld too — otherwise unit total minus the shown counter would give the
 * small one's satisfied count away. Same rule per day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { kioskBody, openSipasCampaign, pairKiosk, quickAnswers } from './kiosk-fixtures.ts';

interface Row {
  unitCode: string;
  quickForms: number;
  quickRatePercent: number | null;
  suppressed: 'small' | 'secondary' | null;
}
interface CounterRow extends Row {
  counterName: string;
}
interface DayRow extends Row {
  day: string;
}

let t: TestApp;
let campaignId = '';
const get = <T>(url: string) => t.app.inject({ url, headers: { cookie: t.adminCookie } }).then((r) => r.json<T>());

async function answer(counterName: string, n: number, day: string) {
  const k = await pairKiosk(t, { counterName, minIntervalSeconds: 0, hourlyCap: 100_000 });
  const t0 = Date.parse(`${day}T01:00:00Z`);
  for (let i = 0; i < n; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/responses',
      headers: k.auth,
      payload: kioskBody(quickAnswers(1 + (i % 5), 3), new Date(t0 + i * 60_000)),
    });
    expect(res.statusCode).toBe(201);
  }
}

beforeAll(async () => {
  t = await buildTestApp({ suppressMinCell: 5 });
  campaignId = await openSipasCampaign(t);
  await answer('Quầy 1', 40, '2021-11-03');
  await answer('Quầy 2', 3, '2021-11-04');
  await answer('Quầy 3', 35, '2021-11-03');
});
afterAll(async () => t?.close());

describe('suppressed breakdowns', () => {
  it('shows "< 5" for a counter with 3 forms and withholds a second counter of the same unit', async () => {
    const body = await get<{ counters: CounterRow[]; minCell: number }>(`/api/v1/campaigns/${campaignId}/results/counters`);
    expect(body.minCell).toBe(5);
    const by = Object.fromEntries(body.counters.map((c) => [c.counterName, c]));
    expect(by['Quầy 2']).toMatchObject({ quickForms: 3, quickRatePercent: null, suppressed: 'small' });
    expect(by['Quầy 3']).toMatchObject({ quickForms: 35, quickRatePercent: null, suppressed: 'secondary' });
    expect(by['Quầy 1']).toMatchObject({ quickForms: 40, quickRatePercent: 40, suppressed: null });
    // The unit's own figures stay visible: the withheld counters cannot be told apart from them.
    const unit = (
      await get<{ units: { unitCode: string; quickForms: number; quickSatisfied: number }[] }>(
        `/api/v1/campaigns/${campaignId}/results`,
      )
    ).units.find((u) => u.unitCode === 'ST34');
    expect(unit).toMatchObject({ quickForms: 78 });
    const shownSatisfied = body.counters
      .filter((c) => c.quickRatePercent !== null)
      .reduce((a, c) => a + Math.round(((c.quickRatePercent ?? 0) * c.quickForms) / 100), 0);
    const left = (unit?.quickSatisfied ?? 0) - shownSatisfied; // what subtraction gives: the two withheld counters together
    expect(left).toBeGreaterThan(0);
  });

  it('applies the same rule per day: a day of 3 forms withholds the other day of the unit too', async () => {
    const body = await get<{ days: DayRow[] }>(`/api/v1/campaigns/${campaignId}/results/days`);
    const st34 = body.days.filter((d) => d.unitCode === 'ST34');
    expect(st34.map((d) => [d.day, d.quickForms, d.suppressed, d.quickRatePercent])).toEqual([
      ['2021-11-03', 75, 'secondary', null],
      ['2021-11-04', 3, 'small', null],
    ]);
  });

  it('refuses a minimum below 3 at start-up', async () => {
    const { loadRuntimeConfig } = await import('@hailong/runtime');
    expect(() => loadRuntimeConfig({ SUPPRESS_MIN_CELL: '2', DATA_DIR: t.config.dataDir })).toThrow(/SUPPRESS_MIN_CELL/);
    expect(loadRuntimeConfig({ DATA_DIR: t.config.dataDir }).suppressMinCell).toBe(5);
  });
});
