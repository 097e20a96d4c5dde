/**
 * Building the app prints no deprecation warning (Fastify's FSTDEP023 for the old top-level
 * `disableRequestLogging` option used to appear at every start and in every benchmark), and the
 * request log keeps its shape: one line per request with the method and the route pattern, never
 * Fastify's own lines that carry the URL (a staff link's token is in it).
 */
import { Writable } from 'node:stream';
import { buildApp, loadConfig } from '@hailong/api';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../../test/support/env.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg.ts';
import { TEST_REDIS_URL, uniquePrefix } from '../../test/support/redis.ts';

describe('starting the API', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const logs: string[] = [];
  const warnings: string[] = [];
  const onWarning = (w: Error & { code?: string }) => warnings.push(`${w.name} ${w.code ?? ''}: ${w.message}`);

  beforeAll(async () => {
    database = await createTestDatabase();
    process.on('warning', onWarning);
    const stream = new Writable({ write: (chunk: Buffer, _enc, done) => (logs.push(chunk.toString()), done()) });
    const config = {
      ...loadConfig(testEnv({ REDIS_URL: TEST_REDIS_URL })),
      queuePrefix: uniquePrefix(),
      databaseUrl: database.url,
    };
    app = await buildApp(config, { logger: { level: 'info', stream } });
    await app.ready();
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await app?.close();
    await database?.drop();
  });

  it('emits no deprecation warning while the app is built', () => {
    expect(warnings.filter((w) => /deprecat|FSTDEP/i.test(w))).toEqual([]);
  });

  it('logs one line per request with its method, route and status, and not the URL with its token', async () => {
    const token = 'T0ken-Of-A-Personal-Link-'.padEnd(43, 'x');
    const res = await app.inject({ method: 'GET', url: `/api/v1/s/${token}` });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    const lines = logs
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string; method?: string; route?: string });
    const requests = lines.filter((l) => l.method === 'GET' && l.route === '/api/v1/s/:token');
    expect(requests.map((l) => l.msg)).toEqual(['request']);
    expect(lines.map((l) => l.msg)).not.toContain('incoming request');
    expect(lines.map((l) => l.msg)).not.toContain('request completed');
    expect(logs.join('')).not.toContain(token);
  });
});
