import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import {
  assign,
  createEnumerator,
  createFieldCampaign,
  fieldForm,
  interview,
  sync,
  type FieldEnumerator,
} from './enumerator-fixtures.ts';

let t: TestApp;
let campaignId: string;
let e1: FieldEnumerator;
let e2: FieldEnumerator;
let a1: string;
let a2: string;

async function count(where: string): Promise<number> {
  const r = await t.app.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from responses where ${where}`));
  return r.rows[0]?.n ?? 0;
}

beforeAll(async () => {
  t = await buildTestApp();
  campaignId = await createFieldCampaign(t);
  e1 = await createEnumerator(t);
  e2 = await createEnumerator(t);
  a1 = await assign(t, campaignId, e1.id, 'ST34', 1000);
  a2 = await assign(t, campaignId, e2.id, 'ST35', 10);
});
afterAll(async () => t?.close());

describe('enumerator batch sync', () => {
  it('stores 475 of 500 forms, reports 20 duplicates and 5 rejections with reasons, and writes nothing twice', async () => {
    const form = await fieldForm(t, e1.cookie);
    const fresh = Array.from({ length: 475 }, (_, i) => interview(a1, form, i + 1));
    const stored = fresh.slice(0, 20);
    expect((await sync(t, e1.cookie, stored)).every((r) => r.status === 'stored')).toBe(true);
    const invalid = Array.from({ length: 5 }, (_, i) => interview(a1, form, 1000 + i, { answers: i === 0 ? {} : { TC1: 9 } }));
    const batch = [...fresh.slice(20), ...invalid, ...stored];
    batch.splice(100, 0, ...batch.splice(455, 25)); // mix the invalid and duplicate forms into the middle
    const results = await sync(t, e1.cookie, batch);
    expect(results.map((r) => r.clientId)).toEqual(batch.map((f) => f.clientId));
    const by = (s: string) => results.filter((r) => r.status === s);
    expect(by('stored')).toHaveLength(455);
    expect(by('duplicate')).toHaveLength(20);
    expect(by('rejected')).toHaveLength(5);
    for (const r of by('rejected')) {
      expect(r.reason).toBe('ANSWERS_INVALID');
      expect(r.errors?.length).toBeGreaterThan(0);
    }
    expect(await count(`source_id = '${a1}'`)).toBe(475);
    const q = await t.app.db.execute<{ collected: number }>(sql.raw(`select collected from assignments where id = '${a1}'`));
    expect(q.rows[0]?.collected).toBe(475);
  });

  it('reports a client id repeated inside one batch as duplicate, and a changed payload as a conflict', async () => {
    const form = await fieldForm(t, e1.cookie);
    const f = interview(a1, form, 5001);
    const changed = { ...f, answers: { ...f.answers, TC1: f.answers.TC1 === 5 ? 4 : 5 } };
    const results = await sync(t, e1.cookie, [f, { ...f }, changed]);
    expect(results.map((r) => r.status)).toEqual(['stored', 'duplicate', 'rejected']);
    expect(results[2]?.reason).toBe('SUBMISSION_CONFLICT');
    const again = await sync(t, e1.cookie, [changed]);
    expect(again[0]).toMatchObject({ status: 'rejected', reason: 'SUBMISSION_CONFLICT' });
  });

  it("rejects forms for another enumerator's assignment: FORBIDDEN_ASSIGNMENT in sync, 403 on the single endpoint", async () => {
    const form = await fieldForm(t, e1.cookie);
    const results = await sync(t, e1.cookie, [interview(a2, form, 7)]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: 'FORBIDDEN_ASSIGNMENT' });
    const { assignmentId: _a, ...single } = interview(a2, form, 8);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/enumerator/assignments/${a2}/responses`,
      headers: { cookie: e1.cookie },
      payload: single,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN_ASSIGNMENT');
    expect(await count(`source_id = '${a2}'`)).toBe(0);
  });

  it('stores one interview on the single endpoint with 201, and 200 when it is sent again', async () => {
    const form = await fieldForm(t, e2.cookie);
    const { assignmentId: _a, ...single } = interview(a2, form, 9);
    const url = `/api/v1/enumerator/assignments/${a2}/responses`;
    const first = await t.app.inject({ method: 'POST', url, headers: { cookie: e2.cookie }, payload: single });
    expect(first.statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url, headers: { cookie: e2.cookie }, payload: single });
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe('duplicate');
  });

  it("lists only the logged-in enumerator's own assignments", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/enumerator/assignments', headers: { cookie: e2.cookie } });
    const list = res.json().assignments;
    expect(list.map((a: { id: string }) => a.id)).toEqual([a2]);
    expect(list[0].forms.map((f: { code: string }) => f.code)).toEqual(['01/2021-TT', '02/2021-DVCTT']);
    const admin = await t.app.inject({
      method: 'GET',
      url: '/api/v1/enumerator/assignments',
      headers: { cookie: t.adminCookie },
    });
    expect(admin.statusCode).toBe(403);
  });

  it('flags short interviews, interviews outside the window and forms over quota for review', async () => {
    const form = await fieldForm(t, e2.cookie);
    const short = interview(a2, form, 20, { completedAt: '2021-11-05T08:02:00+07:00' });
    const late = interview(a2, form, 21, { startedAt: '2021-12-01T08:00:00+07:00', completedAt: '2021-12-01T08:12:00+07:00' });
    const rest = Array.from({ length: 9 }, (_, i) => interview(a2, form, 30 + i));
    const results = await sync(t, e2.cookie, [short, late, ...rest]);
    expect(results[0]?.flags).toContain('short_interview');
    expect(results[1]?.flags).toContain('outside_window');
    const over = results.filter((r) => r.flags?.includes('over_quota'));
    expect(over).toHaveLength(2); // 1 earlier + 11 now against a quota of 10
    expect(await count(`source_id = '${a2}' and over_quota`)).toBe(2);
    expect(await count(`source_id = '${a2}' and review_state = 'pending'`)).toBe(4);
  });
});
