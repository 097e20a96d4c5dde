/**
 * Fuzz of every route that takes a body (issue 11), generated from the OpenAPI document, so a new
 * route is fuzzed without anyone adding it here. Each body is a random JSON value with at least one
 * bad leaf planted somewhere — NUL, an unpaired surrogate (next to NFD text), a 200,000-character
 * string or nesting deeper than the boundary allows. Callers are the ones the route is for (the
 * admin's session, a paired kiosk's token, an enumerator's session), so validation is reached.
 * Every answer is a 4xx with a catalogue code, and no row is written anywhere.
 * fuzz-public.test.ts adds plausible bodies with one bad field for the public endpoints.
 */
import { randomUUID } from 'node:crypto';
import { fc } from '@fast-check/vitest';
import { isErrorCode } from '@hailong/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { createEnumerator } from './enumerator-fixtures.ts';
import { openSipasCampaign, pairKiosk } from './kiosk-fixtures.ts';

const BAD = ['\u0000', 'a\u0000b', '\uD800', 'x\uDFFFy', `${'Hòa Bình'.normalize('NFD')}\uD83D`, 'x'.repeat(200_000)];
const badLeaf = fc.oneof(
  fc.constantFrom(...BAD),
  fc.integer({ min: 17, max: 200 }).map((n) => JSON.parse(`${'['.repeat(n)}1${']'.repeat(n)}`) as unknown),
);
const plain = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant('Hòa'.normalize('NFD')),
);

/** A random object (or array) with one bad leaf at a random depth, under a random or a likely key. */
const body = fc
  .record({
    keys: fc.array(
      fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.constantFrom('name', 'email', 'answers', 'forms', 'reason', 'unitCode', 'note', 'code'),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    siblings: fc.dictionary(fc.string({ maxLength: 8 }), plain, { maxKeys: 4 }),
    leaf: badLeaf,
    asArray: fc.boolean(),
  })
  .map(({ keys, siblings, leaf, asArray }) => {
    let v: unknown = leaf;
    for (const k of [...keys].reverse()) v = { ...siblings, [k]: v };
    return asArray ? [v] : v;
  });

const TABLES = [
  'responses',
  'respondents',
  'organisations',
  'users',
  'kiosk_devices',
  'campaigns',
  'assignments',
  'invitations',
  'units',
  'audit_log',
  'mail_deliveries',
];

describe('fuzzing every route that takes a body', () => {
  let t: TestApp;
  let routes: { method: string; path: string }[] = [];
  const headersFor: { kiosk: Record<string, string>; enumerator: Record<string, string>; admin: Record<string, string> } = {
    kiosk: {},
    enumerator: {},
    admin: {},
  };

  beforeAll(async () => {
    t = await buildTestApp();
    await openSipasCampaign(t);
    headersFor.kiosk = (await pairKiosk(t, { minIntervalSeconds: 0 })).auth;
    headersFor.enumerator = { cookie: (await createEnumerator(t)).cookie };
    headersFor.admin = { cookie: t.adminCookie };
    const doc = t.app.swagger() as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method, op]) => ['post', 'put', 'patch'].includes(method) && op.requestBody?.content?.['application/json'])
        .map(([method]) => ({ method: method.toUpperCase(), path })),
    );
  });
  afterAll(async () => t?.close());

  const counts = async () => {
    const out: Record<string, number> = {};
    for (const table of TABLES)
      out[table] = ((await t.app.db.execute(sql.raw(`select count(*)::int as n from ${table}`))).rows[0] as { n: number }).n;
    return out;
  };
  const fill = (path: string) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) =>
      ['unitCode', 'code'].includes(name) ? 'ST34' : name === 'token' ? 't'.repeat(43) : randomUUID(),
    );
  const callerOf = (path: string) =>
    path.startsWith('/api/v1/kiosk/')
      ? headersFor.kiosk
      : path.startsWith('/api/v1/enumerator/')
        ? headersFor.enumerator
        : headersFor.admin;

  it('finds the routes in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes).toContainEqual({ method: 'POST', path: '/api/v1/o/{unitCode}/responses' });
    expect(routes).toContainEqual({ method: 'PUT', path: '/api/v1/o/{unitCode}/settings' });
  });

  it('answers every generated body with a 4xx catalogue code and writes nothing', async () => {
    const before = await counts();
    const failures: string[] = [];
    for (const r of routes) {
      await fc
        .assert(
          fc.asyncProperty(body, async (b) => {
            const res = await t.app.inject({
              method: r.method as 'POST',
              url: fill(r.path),
              headers: { ...callerOf(r.path), 'content-type': 'application/json' },
              payload: JSON.stringify(b),
            });
            const code = res.json<{ error?: { code?: string } }>().error?.code;
            const ok = res.statusCode >= 400 && res.statusCode < 500 && isErrorCode(code);
            if (!ok) failures.push(`${r.method} ${r.path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
            return ok;
          }),
          { numRuns: 8, seed: 11, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    expect(failures).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
