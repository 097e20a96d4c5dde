/**
 * Fuzz of the path and query-string parameters of every route in the OpenAPI document (issue 11),
 * so a new route or parameter is fuzzed without anyone adding it here. Each parameter in turn gets
 * hostile values — NUL, an unpaired surrogate (as the bytes a client would send), broken percent
 * escapes, NFD text with a bad character, huge values, repeated keys, non-numeric ids, ids beyond
 * the integer range, bad dates — while the others stay valid, and the caller is the one the route
 * is for. Every answer is a 4xx with a catalogue code that does not echo the value, and no row is
 * written anywhere.
 */
import { fc } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { createEnumerator } from './enumerator-fixtures.ts';
import { rowCounts, verdict } from './fuzz-support.ts';
import { openSipasCampaign, pairKiosk } from './kiosk-fixtures.ts';

type Param = {
  name: string;
  in: 'path' | 'query';
  schema?: { type?: string; format?: string; pattern?: string; enum?: unknown[] };
};
type Route = { method: string; path: string; params: Param[] };

/** Raw (already percent-encoded) hostile values; most carry "qzx" so an echo can be found. */
const ANY = [
  'qzx%00',
  '%00',
  'qzx%ED%A0%80', // an unpaired high surrogate, as WTF-8 bytes (not UTF-8)
  'qzx%ED%BF%BFy',
  '%F0%9F%98qzx', // a truncated 4-byte sequence
  `${encodeURIComponent('Hòa Bình'.normalize('NFD'))}%00qzx`,
  'qzx%zz',
  'qzx%',
  'qzx'.repeat(3_000),
];
const NUMERIC = ['qzx', '', '%20', 'NaN', 'Infinity', '-1', '1e400', '99999999999999999999', '2147483648', '0x10', '%EF%BC%91'];
const DATES = ['2021-02-30', '2021-13-01', '0000-00-00', '99999-01-01', '2021-1-1qzx'];
const IDS = ['qzx', '00000000-0000-0000-0000-00000000000g', '99999999999999999999', '-1', '..%2Fqzx'];

function hostile(p: Param): string[] {
  const s = p.schema ?? {};
  if (s.type === 'integer' || s.type === 'number' || s.pattern?.includes('\\d{1,16}')) return [...ANY, ...NUMERIC];
  if (s.format === 'date' || p.name === 'asOf') return [...ANY, ...DATES];
  // A code in a query string is a filter: one that matches nothing is an empty list, not an error.
  if (s.format === 'uuid' || s.enum || (s.pattern && p.in === 'path')) return [...ANY, ...IDS];
  return ANY;
}

/** Generated text with a NUL or a lone surrogate somewhere, percent-encoded as a client would. */
const generated = fc
  .tuple(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('%00', '%ED%A0%80', '%C0%AF'), fc.string({ maxLength: 8 }))
  .map(([a, bad, b]) => `${encodeURIComponent(a.replace(/[\uD800-\uDFFF]/g, ''))}${bad}${encodeURIComponent(b)}`);

describe('fuzzing the path and query parameters of every route', () => {
  let t: TestApp;
  let routes: Route[] = [];
  let campaignId = '';
  const callers = { kiosk: {} as Record<string, string>, enumerator: {} as Record<string, string> };

  beforeAll(async () => {
    t = await buildTestApp();
    campaignId = await openSipasCampaign(t);
    callers.kiosk = (await pairKiosk(t, { minIntervalSeconds: 0 })).auth;
    callers.enumerator = { cookie: (await createEnumerator(t)).cookie };
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { parameters?: Param[] }>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({ method: method.toUpperCase(), path, params: op.parameters ?? [] }))
        .filter((r) => r.params.length > 0)
        // Logging out ends the admin's session for the routes after it.
        .filter((r) => !r.path.endsWith('/logout')),
    );
  });
  afterAll(async () => t?.close());

  /** A valid value for each parameter, so only the one under test is hostile. */
  const valid = (p: Param): string | null => {
    if (p.in === 'query') return null;
    if (p.name === 'id') return campaignId;
    if (p.name === 'year') return '2021';
    if (p.name === 'unitCode' || p.name === 'code') return 'ST34';
    if (p.name === 'localityId') return '1';
    if (p.name === 'token') return 't'.repeat(43);
    return 'x';
  };
  const callerOf = (path: string) =>
    path.startsWith('/api/v1/kiosk/')
      ? callers.kiosk
      : path.startsWith('/api/v1/enumerator/')
        ? callers.enumerator
        : { cookie: t.adminCookie };

  async function send(r: Route, target: Param, raw: string, repeat = false) {
    let url = r.path;
    const query: string[] = [];
    for (const p of r.params) {
      const v = p === target ? raw : valid(p);
      if (p.in === 'path') url = url.replace(`{${p.name}}`, v ?? 'x');
      else if (v !== null) query.push(`${p.name}=${v}`);
    }
    if (target.in === 'query' && repeat) query.push(`${target.name}=${raw}`);
    const hasBody = r.method !== 'GET' && r.method !== 'DELETE';
    const res = await t.app.inject({
      method: r.method as 'GET',
      url: `${url}${query.length ? `?${query.join('&')}` : ''}`,
      headers: { ...callerOf(r.path), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
      ...(hasBody ? { payload: '{}' } : {}),
    });
    // The broken values carry "qzx": it must not come back. A well-formed code may be named in a not-found error.
    return verdict(res, ANY.includes(raw) ? 'qzx' : null);
  }

  it('finds the parameters in the OpenAPI document', () => {
    const all = routes.flatMap((r) => r.params.map((p) => `${p.in}:${p.name}`));
    expect(routes.length).toBeGreaterThan(40);
    for (const p of ['path:id', 'path:year', 'path:unitCode', 'path:token', 'path:localityId', 'query:limit', 'query:from'])
      expect(all).toContain(p);
  });

  it('answers every hostile path or query value with a 4xx catalogue code, without echoing it, and writes nothing', async () => {
    const before = await rowCounts(t);
    const failures: string[] = [];
    for (const r of routes) {
      for (const p of r.params) {
        for (const raw of hostile(p)) {
          const problem = await send(r, p, raw);
          if (problem) failures.push(`${r.method} ${r.path} ${p.in}:${p.name}=${raw.slice(0, 40)}: ${problem}`);
        }
        if (p.in === 'query' && p.schema?.type !== 'array') {
          const problem = await send(r, p, valid({ ...p, in: 'path' }) ?? '1', true);
          if (problem) failures.push(`${r.method} ${r.path} ${p.name} given twice: ${problem}`);
        }
        await fc
          .assert(
            fc.asyncProperty(generated, async (raw) => {
              const problem = await send(r, p, raw);
              if (problem) failures.push(`${r.method} ${r.path} ${p.in}:${p.name}=${raw.slice(0, 40)}: ${problem}`);
              return problem === null;
            }),
            { numRuns: 5, seed: 11, endOnFailure: true },
          )
          .catch(() => undefined);
      }
    }
    expect(failures).toEqual([]);
    expect(await rowCounts(t)).toEqual(before);
  }, 240_000);
});
