/**
 * The whole system for end-to-end tests: the real app (serving the built web app) listening on a
 * free loopback port, a fresh database — PostgreSQL, or with `engine: 'embedded'` the PGlite that
 * `pnpm start` runs when DATABASE_URL is unset (embedded.ts) — real Redis with a unique prefix, and
 * optionally the worker (mail to `smtpUrl`, or to an outbox folder).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { buildApp } from '@hailong/api';
import { loadConfig, type AppConfig } from '@hailong/api';
import { ensureAdmin } from '@hailong/api';
import { loadWorkerConfig, startWorker, type WorkerHandle } from '@hailong/worker';
import { ADMIN } from './build-app.ts';
import { createEmbeddedDatabase } from './embedded.ts';
import { engine as runEngine, type Engine } from './engine.ts';
import { createTestDatabase, queryDatabase, type TestDatabase } from './pg.ts';
import { removeKeys, TEST_REDIS_URL, uniquePrefix } from './redis.ts';

export const WEB_DIST = fileURLToPath(new URL('../../survey-web/dist', import.meta.url));

export interface TestSystem {
  app: FastifyInstance;
  baseUrl: string;
  database: TestDatabase;
  config: AppConfig & { databaseUrl: string };
  worker: WorkerHandle | null;
  startWorker(): Promise<WorkerHandle>;
  stopWorker(): Promise<void>;
  /** A signed-in session cookie (`hl_session=…`) for API calls; the admin's by default. */
  sessionCookie(who?: { email: string; password: string }): Promise<string>;
  /** One query on the system's database (own short-lived connection). */
  query<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface TestSystemOptions {
  smtpUrl?: string;
  worker?: boolean;
  mailConcurrency?: number;
  config?: Partial<AppConfig>;
  /** The database engine (default: this run's, engine.ts). */
  engine?: Engine;
}

export async function startTestSystem(opts: TestSystemOptions = {}): Promise<TestSystem> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hl-sys-'));
  const embedded = (opts.engine ?? runEngine) === 'embedded';
  const database = embedded ? await createEmbeddedDatabase(dataDir) : await createTestDatabase();
  const base = loadConfig({ REDIS_URL: TEST_REDIS_URL, DATA_DIR: dataDir, ...(opts.smtpUrl ? { SMTP_URL: opts.smtpUrl } : {}) });
  const config = { ...base, queuePrefix: uniquePrefix(), webDist: WEB_DIST, ...opts.config, databaseUrl: database.url };
  const app = await buildApp(config, embedded ? { dbPoolSize: 8 } : {});
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = address.replace('localhost', '127.0.0.1');
  config.publicUrl = baseUrl;
  app.config.publicUrl = baseUrl;
  // The test system plays a deployment that set PUBLIC_URL, unless a test asks otherwise.
  config.publicUrlSet = opts.config?.publicUrlSet ?? true;
  app.config.publicUrlSet = config.publicUrlSet;
  await ensureAdmin(app.db, ADMIN);
  const sys: TestSystem = {
    app,
    baseUrl,
    database,
    config,
    worker: null,
    async startWorker() {
      sys.worker = await startWorker(
        loadWorkerConfig({
          DATABASE_URL: database.url,
          REDIS_URL: TEST_REDIS_URL,
          QUEUE_PREFIX: config.queuePrefix,
          DATA_DIR: dataDir,
          PUBLIC_URL: baseUrl,
          ...(opts.smtpUrl ? { SMTP_URL: opts.smtpUrl } : {}),
        }),
        { schedulers: false, log: () => undefined, ...(opts.mailConcurrency ? { mailConcurrency: opts.mailConcurrency } : {}) },
      );
      return sys.worker;
    },
    async stopWorker() {
      await sys.worker?.close();
      sys.worker = null;
    },
    async sessionCookie(who = ADMIN) {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: who });
      const value = login.cookies.find((c) => c.name === 'hl_session')?.value;
      if (!value) throw new Error(`login of ${who.email} failed: ${login.statusCode} ${login.body}`);
      return `hl_session=${value}`;
    },
    query: <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => queryDatabase<T>(database.url, text, values),
    async close() {
      await sys.stopWorker();
      await app.close();
      await removeKeys(config.queuePrefix);
      await database.drop();
    },
  };
  if (opts.worker) await sys.startWorker();
  return sys;
}
