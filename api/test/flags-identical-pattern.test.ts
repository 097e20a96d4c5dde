/**
 * The identical-pattern rule (assignments/flags.ts): when one enumerator has 3 or more forms with
 * the same answers, all of them go to review — the copies stored earlier as well — while another
 * enumerator's copies do not count, and a form a supervisor already decided keeps its decision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicForm } from '@hailong/contracts';
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
let form: PublicForm;

type Item = { id: string; clientId: string; flags: string[]; reviewState: string };

async function queue(): Promise<Map<string, Item>> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/campaigns/${campaignId}/review-queue?state=all`,
    headers: { cookie: t.adminCookie },
  });
  expect(res.statusCode).toBe(200);
  return new Map(res.json<{ items: Item[] }>().items.map((i) => [i.clientId, i]));
}

beforeAll(async () => {
  t = await buildTestApp();
  campaignId = await createFieldCampaign(t);
  e1 = await createEnumerator(t);
  e2 = await createEnumerator(t);
  a1 = await assign(t, campaignId, e1.id, 'ST34', 50);
  a2 = await assign(t, campaignId, e2.id, 'ST34', 50);
  form = await fieldForm(t, e1.cookie);
});
afterAll(async () => t?.close());

describe('identical answer patterns', () => {
  it('flags all three copies when the third arrives, keeping a decision already made on an earlier one', async () => {
    const first = interview(a1, form, 42);
    const second = interview(a1, form, 42);
    const other = interview(a1, form, 7);
    const r1 = await sync(t, e1.cookie, [first, second, other]);
    expect(r1.map((r) => r.status)).toEqual(['stored', 'stored', 'stored']);
    expect(r1.some((r) => r.flags?.includes('identical_pattern'))).toBe(false);

    const before = await queue();
    const decided = before.get(first.clientId);
    expect(decided?.reviewState).toBe('valid');
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/v1/responses/${decided?.id}/decision`,
      headers: { cookie: t.adminCookie },
      payload: { state: 'valid', reason: 'Đã gọi lại' },
    });
    expect(ok.statusCode).toBe(200);

    const third = interview(a1, form, 42);
    const [r3] = await sync(t, e1.cookie, [third]);
    expect(r3?.flags).toContain('identical_pattern');

    const after = await queue();
    expect(after.get(first.clientId)).toMatchObject({
      reviewState: 'valid',
      flags: expect.arrayContaining(['identical_pattern']),
    });
    expect(after.get(second.clientId)).toMatchObject({ reviewState: 'pending', flags: ['identical_pattern'] });
    expect(after.get(third.clientId)).toMatchObject({ reviewState: 'pending', flags: ['identical_pattern'] });
    expect(after.get(other.clientId)).toMatchObject({ reviewState: 'valid', flags: [] });
  });

  it('flags the earlier copies only once when a fourth copy arrives', async () => {
    const fourth = interview(a1, form, 42);
    const [r] = await sync(t, e1.cookie, [fourth]);
    expect(r?.flags).toEqual(['identical_pattern']);
    const flagged = [...(await queue()).values()].filter((i) => i.flags.includes('identical_pattern'));
    expect(flagged).toHaveLength(4);
    for (const i of flagged) expect(i.flags.filter((f) => f === 'identical_pattern')).toHaveLength(1);
  });

  it("does not count another enumerator's copies, and flags three copies sent in one batch", async () => {
    const two = [interview(a2, form, 42), interview(a2, form, 42)];
    const r = await sync(t, e2.cookie, two);
    expect(r.some((x) => x.flags?.includes('identical_pattern'))).toBe(false);
    const batch = [interview(a2, form, 99), interview(a2, form, 99), interview(a2, form, 99)];
    const rb = await sync(t, e2.cookie, batch);
    expect(rb.every((x) => x.flags?.includes('identical_pattern'))).toBe(true);
  });

  it('keeps a replayed batch from adding the flag twice', async () => {
    const batch = [interview(a2, form, 5), interview(a2, form, 5), interview(a2, form, 5)];
    await sync(t, e2.cookie, batch);
    const again = await sync(t, e2.cookie, batch);
    expect(again.map((x) => x.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    const q = await queue();
    for (const f of batch) expect(q.get(f.clientId)?.flags).toEqual(['identical_pattern']);
  });
});
