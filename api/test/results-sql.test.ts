import { randomUUID } from 'node:crypto';
import { findForm, allQuestions } from '@hailong/forms';
import { countAnswers, type ResponseAnswers } from '@hailong/scoring';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStoredFormById } from '../src/features/forms/repo.ts';
import { resultSettings, unitResult } from '../src/features/results/service.ts';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { kioskBody, openSipasCampaign, pairKiosk, quickAnswers } from './kiosk-fixtures.ts';

const form02 = findForm('02/2021-DVCTT');

/** A deterministic pseudo-random generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

function randomForm02(next: () => number): Record<string, unknown> {
  const answers: Record<string, unknown> = { ...form02?.example };
  for (const q of allQuestions(form02 ?? { sections: [] })) {
    if (q.type !== 'likert5') continue;
    const r = next();
    answers[q.id] = r < 0.08 && q.allowNotApplicable ? 'na' : 1 + Math.floor(next() * 5);
  }
  return answers;
}

describe('campaign results', () => {
  let t: TestApp;
  let campaignId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    campaignId = await openSipasCampaign(t);
    const next = rng(20211103);
    for (let i = 0; i < 45; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/o/ST34/responses',
        remoteAddress: `10.0.0.${i}`,
        payload: { clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: randomForm02(next) },
      });
      expect(res.statusCode).toBe(201);
    }
    const k = await pairKiosk(t, { minIntervalSeconds: 0, hourlyCap: 100_000 });
    const t0 = Date.parse('2021-11-03T01:00:00Z');
    for (let i = 0; i < 35; i++) {
      const ov = 1 + Math.floor(next() * 5);
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/kiosk/responses',
        headers: k.auth,
        payload: kioskBody(quickAnswers(ov, 3), new Date(t0 + i * 60_000)),
      });
    }
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/o/ST16/responses',
        payload: { clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: randomForm02(next) },
      });
    }
  });
  afterAll(async () => t.close());

  it('gives the same figures from SQL counting as from counting the stored answers in memory', async () => {
    const res = await t.app.inject({ url: `/api/v1/campaigns/${campaignId}/results`, headers: { cookie: t.adminCookie } });
    expect(res.statusCode).toBe(200);
    const viaSql = res.json<{ units: { unitCode: string; unitName: string }[] }>().units.find((u) => u.unitCode === 'ST34');
    const rows = await t.app.db.execute(
      sql`select form_id, answers from responses r join units u on u.id = r.unit_id where u.code = 'ST34' and r.campaign_id = ${campaignId} and review_state = 'valid'`,
    );
    const byForm = new Map<number, ResponseAnswers[]>();
    for (const r of rows.rows as { form_id: number; answers: ResponseAnswers }[])
      byForm.set(r.form_id, [...(byForm.get(r.form_id) ?? []), r.answers]);
    const parts = [];
    for (const [formId, answers] of byForm) {
      const form = await findStoredFormById(t.app.db, formId);
      if (form) parts.push({ form, validForms: answers.length, counts: countAnswers(answers) });
    }
    const inMemory = unitResult(
      { unitCode: 'ST34', unitName: viaSql?.unitName ?? '', states: { valid: rows.rows.length } },
      parts,
      resultSettings({}),
      undefined,
      t.app.config.suppressMinCell,
    );
    expect(viaSql).toEqual(inMemory);
    expect(inMemory.sipasPercent).not.toBeNull();
    expect(inMemory.quickRatePercent).not.toBeNull();
    expect(inMemory.components.map((c) => c.code)).toEqual(['TC', 'TT', 'CC', 'KQ', 'PA']);
  });

  it('shows null (not enough data) for a unit below the minimum sample of 30', async () => {
    const res = await t.app.inject({ url: `/api/v1/campaigns/${campaignId}/results`, headers: { cookie: t.adminCookie } });
    const u = res
      .json<{ units: { unitCode: string; sipasPercent: number | null; sipasStatus: string; validResponses: number }[] }>()
      .units.find((x) => x.unitCode === 'ST16');
    expect(u).toMatchObject({ validResponses: 5, sipasPercent: null, sipasStatus: 'not_enough_data' });
  });

  it('offers a per-counter and a per-day view', async () => {
    const counters = await t.app.inject({
      url: `/api/v1/campaigns/${campaignId}/results/counters`,
      headers: { cookie: t.adminCookie },
    });
    expect(counters.json<{ counters: unknown[] }>().counters).toEqual([
      expect.objectContaining({ unitCode: 'ST34', counterName: 'Quầy 1', validResponses: 35, quickForms: 35 }),
    ]);
    const days = await t.app.inject({ url: `/api/v1/campaigns/${campaignId}/results/days`, headers: { cookie: t.adminCookie } });
    expect(days.json<{ days: { day: string; unitCode: string }[] }>().days).toEqual(
      expect.arrayContaining([expect.objectContaining({ day: '2021-11-03', unitCode: 'ST34' })]),
    );
  });

  it('is for dashboard users only', async () => {
    expect((await t.app.inject({ url: `/api/v1/campaigns/${campaignId}/results` })).statusCode).toBe(401);
  });
});
