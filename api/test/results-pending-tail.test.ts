/**
 * Results pages with a large unfolded tail (docs/0027-large-unfolded-tail.md). A worker stopped for
 * an hour left 10^5 responses unfolded, and /results and /sipas, which expanded every answer of
 * every one of them, took 30–60 s. Now a dashboard read counts the tail only up to
 * RESULTS_PENDING_MAX responses; beyond it, it shows the folded figures, says how many responses
 * wait, and asks the worker to fold. The PAR table and the year-over-year comparison (the official
 * figures) stay exact.
 */
import { randomUUID } from 'node:crypto';
import { campaignResultsSchema, campaignSipasSchema } from '@hailong/contracts';
import { allQuestions, findForm } from '@hailong/forms';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { openSipasCampaign } from './kiosk-fixtures.ts';

const form02 = findForm('02/2021-DVCTT');

/** Form 02 with every rating set to `rating` (5 = very satisfied, 1 = very dissatisfied). */
function form02Answers(rating: number): Record<string, unknown> {
  const answers: Record<string, unknown> = { ...form02?.example };
  for (const q of allQuestions(form02 ?? { sections: [] })) if (q.type === 'likert5') answers[q.id] = rating;
  return answers;
}

interface Pending {
  counted: boolean;
  responses: number;
  moreThan: boolean;
  lastFoldAt: string | null;
}

describe('results pages with a large unfolded tail', () => {
  let t: TestApp;
  let campaignId: string;
  let sent = 0;
  const get = async <T>(url: string): Promise<T> => {
    const res = await t.app.inject({ url, headers: { cookie: t.adminCookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };
  const submit = async (count: number, rating: number) => {
    for (let i = 0; i < count; i++, sent++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/o/ST34/responses',
        remoteAddress: `10.0.1.${sent}`,
        payload: { clientId: randomUUID(), formCode: '02/2021-DVCTT', answers: form02Answers(rating) },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  };
  /**
   * The pages write their figures with plain JSON.stringify, not through the zod serializer
   * (docs/0033-results-page-cost.md): every answer must still be exactly its shared schema — parsing
   * it changes nothing (no missing or mistyped field, no field the schema does not name).
   */
  const inShape = async <T>(url: string, schema: { parse(body: unknown): unknown }): Promise<T> => {
    const body = await get<T>(url);
    expect(schema.parse(body)).toStrictEqual(body);
    return body;
  };
  const fold = () => t.app.db.execute(sql`select responses_tally_fold(50000)`);
  const results = () =>
    inShape<{ pending: Pending; units: { unitCode: string; validResponses: number; sipasPercent: number | null }[] }>(
      `/api/v1/campaigns/${campaignId}/results`,
      campaignResultsSchema,
    );
  const sipas = () =>
    inShape<{ pending: Pending; units: { unitCode: string; validForms: number; sipasPercent: number | null }[] }>(
      `/api/v1/campaigns/${campaignId}/sipas`,
      campaignSipasSchema,
    );
  const official = async () => ({
    comparison: (
      await get<{ units: { unitCode: string; validForms: number; sipasPercent: number | null }[] }>(
        '/api/v1/par/2021/sipas-comparison',
      )
    ).units.find((u) => u.unitCode === 'ST34'),
    pooled: (await get<{ sipasOverall?: { pooledPercent: number | null } }>('/api/v1/par/2021')).sipasOverall?.pooledPercent,
  });

  beforeAll(async () => {
    // Single forms are compared here: small-cell suppression (issue 14) is off, and the tail limit is low.
    t = await buildTestApp({ suppressMinCell: 1, resultsPendingMax: 3 });
    campaignId = await openSipasCampaign(t, { minSample: 1 });
    await submit(4, 5);
    await fold();
  });
  afterAll(async () => t.close());

  it('shows the folded figures and says more than RESULTS_PENDING_MAX responses wait, when the tail is larger', async () => {
    await submit(4, 1);
    const r = await results();
    expect(r.pending).toMatchObject({ counted: false, responses: 3, moreThan: true });
    expect(Date.parse(r.pending.lastFoldAt ?? '')).toBeGreaterThan(Date.now() - 600_000);
    expect(r.units.find((u) => u.unitCode === 'ST34')).toMatchObject({ validResponses: 4, sipasPercent: 100 });
    const s = await sipas();
    expect(s.pending).toMatchObject({ counted: false, responses: 3, moreThan: true });
    expect(s.units.find((u) => u.unitCode === 'ST34')).toMatchObject({ validForms: 4, sipasPercent: 100 });
  });

  it('asks the worker to fold now', async () => {
    await expect.poll(async () => (await t.app.queues.maintenance.getJob('tally-fold-now'))?.name).toBe('tally-fold');
  });

  it('keeps the official figures exact: the PAR table and the comparison count the tail', async () => {
    const before = await official();
    expect(before.comparison).toMatchObject({ validForms: 8, sipasPercent: 50 });
    expect(before.pooled).toBe(50);
    await fold();
    const after = await official();
    expect(after).toEqual(before);
    const r = await results();
    expect(r.pending).toMatchObject({ counted: true, responses: 0, moreThan: false });
    expect(r.units.find((u) => u.unitCode === 'ST34')).toMatchObject({ validResponses: 8, sipasPercent: 50 });
  });

  it('counts a tail of up to RESULTS_PENDING_MAX responses exactly, as before', async () => {
    await submit(2, 1);
    const r = await results();
    expect(r.pending).toMatchObject({ counted: true, responses: 2, moreThan: false });
    const unit = r.units.find((u) => u.unitCode === 'ST34');
    expect(unit?.validResponses).toBe(10);
    const s = await sipas();
    expect(s.pending).toMatchObject({ counted: true, responses: 2 });
    expect(s.units.find((u) => u.unitCode === 'ST34')).toMatchObject({ validForms: 10, sipasPercent: unit?.sipasPercent });
    expect((await official()).comparison).toMatchObject({ validForms: 10, sipasPercent: unit?.sipasPercent });
  });
});
