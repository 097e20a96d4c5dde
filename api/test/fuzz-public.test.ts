/**
 * Fuzz (issue 11): generated bodies — NUL, unpaired surrogates, NFD text, huge strings, deep nesting,
 * wrong types — sent to the public endpoints (kiosk, pairing, online form, staff link, enumerator
 * sync, login). Every answer is a 4xx with a catalogue code, and nothing is written.
 */
import { randomUUID } from 'node:crypto';
import { fc } from '@fast-check/vitest';
import { isErrorCode } from '@hailong/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { assign, createEnumerator, createFieldCampaign } from './enumerator-fixtures.ts';
import { openSipasCampaign, pairKiosk } from './kiosk-fixtures.ts';

const TABLES = ['responses', 'respondents', 'organisations', 'users', 'kiosk_devices', 'campaigns', 'assignments', 'invitations'];

const badText = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '\uD800', 'x\uDFFFy', 'Hòa'.normalize('NFD') + '\u0000'),
  fc.string({ unit: 'binary' }).map((s) => `${s}\u0000`),
  fc.constant('x'.repeat(200_000)),
);
const anyValue = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    badText,
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 4 }),
  ),
})).v;
const deep = fc.integer({ min: 17, max: 300 }).map((n) => JSON.parse(`${'['.repeat(n)}1${']'.repeat(n)}`) as unknown);
/** A plausible body with one field replaced by something bad. */
function mutated(base: Record<string, unknown>) {
  return fc
    .record({ key: fc.constantFrom(...Object.keys(base), 'extra'), value: fc.oneof(badText, deep, anyValue) })
    .map(({ key, value }) => ({ ...base, [key]: value }));
}

describe('fuzzing the public endpoints', () => {
  let t: TestApp;
  const targets: { url: string; headers: Record<string, string>; body: fc.Arbitrary<unknown> }[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
    await openSipasCampaign(t);
    const kiosk = await pairKiosk(t, { minIntervalSeconds: 0 });
    const field = await createFieldCampaign(t);
    const e = await createEnumerator(t);
    const a = await assign(t, field, e.id, 'ST34', 10);
    const now = new Date().toISOString();
    const kioskBase = {
      clientId: randomUUID(),
      formCode: 'QUICK/2021',
      answers: { Q_TC: 4, Q_TT: 4, Q_CC: 4, Q_KQ: 4, OV: 4, Q_X: '\u0000' },
      startedAt: now,
      completedAt: now,
    };
    const interview = {
      clientId: randomUUID(),
      assignmentId: a,
      formCode: '01/2021-TT',
      answers: { PROCEDURE: 'a\u0000' },
      startedAt: now,
      completedAt: now,
    };
    targets.push(
      { url: '/api/v1/kiosk/responses', headers: kiosk.auth, body: fc.oneof(mutated(kioskBase), anyValue) },
      { url: '/api/v1/kiosk/pair', headers: {}, body: fc.oneof(mutated({ pairingCode: 'ABCD1234' }), anyValue) },
      {
        url: '/api/v1/o/ST34/responses',
        headers: {},
        body: fc.oneof(mutated({ ...kioskBase, formCode: '02/2021-DVCTT' }), anyValue),
      },
      { url: `/api/v1/s/${'t'.repeat(43)}`, headers: {}, body: fc.oneof(mutated({ answers: {} }), anyValue) },
      {
        url: '/api/v1/enumerator/sync',
        headers: { cookie: e.cookie },
        body: fc.oneof(
          mutated({ forms: [interview] }),
          fc.array(badText).map((forms) => ({ forms })),
          anyValue,
        ),
      },
      {
        url: '/api/v1/auth/login',
        headers: {},
        body: fc.oneof(mutated({ email: 'a@example.vn', password: 'x'.repeat(10) }), anyValue),
      },
    );
  });
  afterAll(async () => t?.close());

  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of TABLES)
      out[table] = ((await t.app.db.execute(sql.raw(`select count(*)::int as n from ${table}`))).rows[0] as { n: number }).n;
    return out;
  }

  it('answers every generated body with a 4xx catalogue code and writes nothing', async () => {
    const before = await counts();
    for (const target of targets) {
      await fc.assert(
        fc.asyncProperty(target.body, async (body) => {
          const res = await t.app.inject({
            method: 'POST',
            url: target.url,
            headers: { ...target.headers, 'content-type': 'application/json' },
            payload: JSON.stringify(body) ?? 'null',
          });
          const code = res.json<{ error?: { code?: string } }>().error?.code;
          if (res.statusCode === 200 && target.url.endsWith('/sync')) {
            // A sync answers per item: every generated item is rejected, none stored.
            const results = res.json<{ results: { status: string }[] }>().results;
            return results.every((r) => r.status === 'rejected');
          }
          return res.statusCode >= 400 && res.statusCode < 500 && isErrorCode(code);
        }),
        { numRuns: 40, seed: 11 },
      );
    }
    expect(await counts()).toEqual(before);
  });
});
