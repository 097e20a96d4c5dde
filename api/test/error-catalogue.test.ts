/**
 * Only catalogue codes leave the API. Walks every route of the OpenAPI document: each declared
 * error response carries the catalogue's codes, and the error answers each route actually gives
 * (no credentials, an admin with unknown ids and empty or broken bodies, a bogus device token) are
 * catalogue codes with the catalogue's status, declared for that route.
 */
import { randomUUID } from 'node:crypto';
import { errorBodySchema, errorCatalogue, errorCodes } from '@hailong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';

interface Parameter {
  in: string;
  name: string;
  schema?: { type?: string; format?: string };
}
interface Operation {
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}
interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  enum?: string[];
  $ref?: string;
}
interface Route {
  method: string;
  path: string;
  op: Operation;
}

let t: TestApp;
let routes: Route[];

beforeAll(async () => {
  t = await buildTestApp();
  const doc = (await t.app.inject({ url: '/docs/json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
  // Logging out ends the admin session the other requests use: last.
  routes.sort((a, b) => Number(a.path.includes('logout')) - Number(b.path.includes('logout')));
});
afterAll(async () => t?.close());

const isHealth = (r: Route) => r.op.tags?.includes('health') ?? false;

function fill(path: string, params: Parameter[] = []): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const s = params.find((p) => p.in === 'path' && p.name === name)?.schema;
    if (s?.format === 'uuid') return randomUUID();
    if (s?.type === 'integer' || s?.type === 'number') return '987654';
    return 'ZZ99';
  });
}

function errorSchemaOf(r: Route, status: string): JsonSchema | undefined {
  return r.op.responses[status]?.content?.['application/json']?.schema;
}

describe('the error catalogue', () => {
  it('gives every code a status, both messages and a client decision', () => {
    for (const code of errorCodes) {
      const e = errorCatalogue[code];
      expect(e.status, code).toBeGreaterThanOrEqual(400);
      expect(e.vi.length, code).toBeGreaterThan(0);
      expect(e.en.length, code).toBeGreaterThan(0);
      expect(['retry', 'park'], code).toContain(e.client);
    }
  });

  it('is what every route declares for its error responses', () => {
    expect(routes.length).toBeGreaterThan(50);
    const statuses = new Set<number>(errorCodes.map((c) => errorCatalogue[c].status));
    for (const r of routes) {
      const errors = Object.keys(r.op.responses).filter((s) => Number(s) >= 400);
      expect(errors, `${r.method} ${r.path} declares its errors`).toEqual(expect.arrayContaining(['400', '401', '404', '500']));
      for (const status of errors) {
        if (isHealth(r) && status === '503') continue; // health answers name the failing part, not an error code
        const codeEnum = errorSchemaOf(r, status)?.properties?.error?.properties?.code?.enum;
        expect(codeEnum, `${r.method} ${r.path} ${status}`).toEqual(errorCodes);
        expect(statuses.has(Number(status)), `${r.method} ${r.path} ${status} has a catalogue code`).toBe(true);
      }
    }
  });

  it('is what every route actually answers when things go wrong', async () => {
    const seen = new Set<string>();
    const asked = (r: Route) => [
      { url: fill(r.path, r.op.parameters), headers: {} as Record<string, string>, payload: undefined as string | undefined },
      {
        url: fill(r.path, r.op.parameters),
        headers: { cookie: t.adminCookie, 'content-type': 'application/json' },
        payload: '{}',
      },
      {
        url: fill(r.path, r.op.parameters),
        headers: { cookie: t.adminCookie, 'content-type': 'application/json' },
        payload: '{"broken',
      },
      {
        url: fill(r.path, r.op.parameters),
        headers: { authorization: `Bearer ${'x'.repeat(43)}`, 'content-type': 'application/json' },
        payload: '{}',
      },
      { url: fill(r.path, r.op.parameters), headers: { cookie: t.adminCookie, 'content-type': 'text/plain' }, payload: 'x' },
    ];
    for (const r of routes) {
      if (isHealth(r)) continue;
      for (const req of asked(r)) {
        const withBody = r.method !== 'GET' && r.method !== 'DELETE';
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: req.url,
          headers: req.headers,
          ...(withBody && req.payload !== undefined ? { payload: req.payload } : {}),
        });
        if (res.statusCode < 400) continue;
        const what = `${r.method} ${req.url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        const body = errorBodySchema.safeParse(res.json());
        expect(body.success, what).toBe(true);
        if (!body.success) continue;
        expect(res.statusCode, what).toBe(errorCatalogue[body.data.error.code].status);
        expect(Object.keys(r.op.responses), `${what} is declared`).toContain(String(res.statusCode));
        seen.add(body.data.error.code);
      }
    }
    // The walk reached the common failures, not only one of them.
    expect([...seen]).toEqual(
      expect.arrayContaining(['UNAUTHENTICATED', 'VALIDATION_FAILED', 'NOT_FOUND', 'UNSUPPORTED_MEDIA_TYPE']),
    );
  });

  it('answers unknown paths, and bodies no route takes, with catalogue codes', async () => {
    const cases = [
      await t.app.inject({ url: '/api/v1/no-such-thing' }),
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/xml' },
        payload: '<x/>',
      }),
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: 'x'.repeat(7 * 1024 * 1024),
      }),
    ];
    expect(cases.map((c) => [c.statusCode, c.json<{ error: { code: string } }>().error.code])).toEqual([
      [404, 'NOT_FOUND'],
      [415, 'UNSUPPORTED_MEDIA_TYPE'],
      [413, 'PAYLOAD_TOO_LARGE'],
    ]);
  });
});
