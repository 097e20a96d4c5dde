/**
 * Staff answers cannot be traced to a person (docs/0012-unlinkable-staff-answers.md). 200 civil
 * servants of two units answer through their personal links in a known order; then, with full
 * database access, every way of ordering the stored answers (each column, the physical row order,
 * the writing transaction, the order of the tally queue) is compared with the completion order.
 * Threshold: |Spearman rho| < 0.3 over the 200 answers and < 0.42 within each unit of 100 — a random
 * order exceeds these with probability below 1 in 10,000 (4.2 standard deviations), the order the
 * invitations record gives 1.
 */
import { schema } from '@hailong/db';
import { invitationToken } from '@hailong/runtime';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { fillAnswers, respondentsCsv, type PlannedRespondent } from './staff-support.ts';

const SECRET = 'staff-unlinkable-test-secret-0123456789abcd';
const N = 200;
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ tokenSecret: SECRET });
});
afterAll(async () => {
  await t?.close();
});

/** Ranks with ties averaged (xmin is shared by every row a transaction rewrote). */
function ranks(values: readonly (number | string)[]): number[] {
  const idx = values.map((v, i) => ({ v, i })).sort((a, b) => (a.v < b.v ? -1 : a.v > b.v ? 1 : 0));
  const out = new Array<number>(values.length).fill(0);
  for (let s = 0; s < idx.length;) {
    let e = s;
    while (e + 1 < idx.length && idx[e + 1]?.v === idx[s]?.v) e++;
    for (let k = s; k <= e; k++) out[idx[k]?.i ?? 0] = (s + e) / 2;
    s = e + 1;
  }
  return out;
}

function spearman(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  const [ra, rb] = [ranks(a), ranks(b)];
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const [ma, mb] = [mean(ra), mean(rb)];
  let [num, da, db] = [0, 0, 0];
  for (let i = 0; i < ra.length; i++) {
    const [x, y] = [(ra[i] ?? 0) - ma, (rb[i] ?? 0) - mb];
    num += x * y;
    da += x * x;
    db += y * y;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Form = Parameters<typeof fillAnswers>[0];

/** A valid answer set with random A–E choices: 200 of them are all different. */
function randomAnswers(form: Form, next: () => number): Record<string, unknown> {
  const a = fillAnswers(form);
  for (const s of form.sections) {
    for (const q of s.questions)
      if (q.type === 'single_choice' && q.options) a[q.id] = q.options[Math.floor(next() * q.options.length)]?.code;
  }
  return a;
}

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => p.localeCompare(q)))
      : x,
  );

interface StoredRow extends Record<string, unknown> {
  page: number;
  item: number;
  xid: string;
  id: string;
  client_id: string;
  unit_id: number;
  answers: unknown;
  payload_hash: string;
  completed_at: Date;
  received_at: Date;
  source_id: string | null;
  started_at: Date | null;
  pending_page: number | null;
  pending_item: number | null;
}

describe('staff answers cannot be linked to respondents', () => {
  let campaignId = '';
  const order = new Map<string, number>(); // canonical answers → completion index
  const invitationOrder = new Map<string, number>(); // invitation id → completion index

  it('stores 200 answer sets given in a known order, each link once', async () => {
    const c = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: { cookie: t.adminCookie },
      payload: {
        kind: 'staff',
        name: 'Khảo sát CBCCVC ẩn danh',
        year: 2021,
        opensAt: '2021-01-01T00:00:00Z',
        closesAt: '2099-01-01T00:00:00Z',
      },
    });
    campaignId = c.json<{ id: string }>().id;
    const plan: PlannedRespondent[] = Array.from({ length: N }, (_, i) => ({
      email: `cb${i}.an@example.vn`,
      unitCode: i % 2 ? 'ST01' : 'ST02',
      group: 'T2',
    }));
    const imp = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${campaignId}/respondents`,
      headers: { cookie: t.adminCookie, 'content-type': 'text/csv' },
      payload: respondentsCsv(plan),
    });
    expect(imp.statusCode).toBe(201);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/campaigns/${campaignId}/invitations/send`,
          headers: { cookie: t.adminCookie },
        })
      ).statusCode,
    ).toBe(202);
    const invs = await t.app.db
      .select({ id: schema.invitations.id })
      .from(schema.invitations)
      .where(eq(schema.invitations.campaignId, campaignId));
    const next = rng(14);
    const shuffled = invs
      .map((i) => ({ id: i.id, token: invitationToken(SECRET, i.id), key: next() }))
      .sort((a, b) => a.key - b.key);
    const tokens = shuffled.map((i) => i.token);
    for (const [k, { id, token }] of shuffled.entries()) {
      invitationOrder.set(id, k);
      const form = (await t.app.inject({ method: 'GET', url: `/api/v1/s/${token}` })).json<{ form: Form }>().form;
      const answers = randomAnswers(form, next);
      if (k % 3 === 0) await t.app.inject({ method: 'PUT', url: `/api/v1/s/${token}/draft`, payload: { answers } });
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/s/${token}/submit`, payload: { answers } });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({ completedAt: expect.any(String) });
      order.set(canonical(answers), k);
    }
    expect(order.size).toBe(N);
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/s/${tokens[0] ?? ''}/submit`, payload: { answers: {} } });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('ALREADY_SUBMITTED');
  });

  it('keeps on the invitation only that and when it was completed, and no draft', async () => {
    const rows = await t.app.db.execute<{ n: number; drafts: number; completed: number }>(sql`
      select count(*)::int as n, count(*) filter (where draft_answers is not null or draft_updated_at is not null)::int as drafts,
             count(completed_at)::int as completed from invitations where campaign_id = ${campaignId}`);
    expect(rows.rows[0]).toEqual({ n: N, drafts: 0, completed: N });
    const rates = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${campaignId}/response-rates`,
      headers: { cookie: t.adminCookie },
    });
    expect(rates.json<{ overall: { invited: number; completed: number } }>().overall).toMatchObject({ invited: N, completed: N });
  });

  it('stores no link, no time finer than the day, and no order that follows completion', async () => {
    const res = await t.app.db.execute<StoredRow>(sql`
      select (r.ctid::text::point)[0]::int as page, (r.ctid::text::point)[1]::int as item, r.xmin::text as xid, r.*,
             (p.ctid::text::point)[0]::int as pending_page, (p.ctid::text::point)[1]::int as pending_item
        from responses r left join tally_pending p on p.response_id = r.id
       where r.campaign_id = ${campaignId}`);
    const rows = res.rows;
    expect(rows).toHaveLength(N);
    for (const r of rows) {
      expect(r.source_id).toBeNull();
      expect(r.started_at).toBeNull();
      expect(new Date(r.completed_at).getTime()).toBe(new Date(r.received_at).getTime());
      expect((new Date(r.completed_at).getTime() + 7 * 3600_000) % 86_400_000).toBe(0);
      expect(r.pending_page).not.toBeNull();
    }
    const truth = rows.map((r) => order.get(canonical(r.answers)) ?? -1);
    expect(truth.filter((k) => k < 0)).toEqual([]);
    const orderings: Record<string, (r: StoredRow) => number | string> = {
      'physical order': (r) => r.page * 10_000 + r.item,
      'writing transaction': (r) => Number(r.xid),
      'tally queue order': (r) => (r.pending_page ?? 0) * 10_000 + (r.pending_item ?? 0),
      id: (r) => r.id,
      client_id: (r) => r.client_id,
      payload_hash: (r) => r.payload_hash,
      completed_at: (r) => new Date(r.completed_at).getTime(),
      received_at: (r) => new Date(r.received_at).getTime(),
    };
    const report: Record<string, number> = {};
    for (const [name, key] of Object.entries(orderings)) {
      report[name] = spearman(rows.map(key), truth);
      for (const unit of new Set(rows.map((r) => r.unit_id))) {
        const inUnit = rows.map((r, i) => ({ r, k: truth[i] ?? 0 })).filter((x) => x.r.unit_id === unit);
        report[`${name} in unit ${unit}`] = spearman(
          inUnit.map((x) => key(x.r)),
          inUnit.map((x) => x.k),
        );
      }
    }
    for (const [name, rho] of Object.entries(report))
      expect(Math.abs(rho), name).toBeLessThan(name.includes(' in unit ') ? 0.42 : 0.3);
    // The statistic sees an order when there is one: the invitations' completion times give 1.
    const inv = await t.app.db.execute<{ id: string; completed_at: Date }>(
      sql`select id, completed_at from invitations where campaign_id = ${campaignId}`,
    );
    const control = spearman(
      inv.rows.map((r) => new Date(r.completed_at).getTime()),
      inv.rows.map((r) => invitationOrder.get(r.id) ?? -1),
    );
    expect(control).toBeGreaterThan(0.99);
  });
});
