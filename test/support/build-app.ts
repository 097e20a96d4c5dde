/**
 * Builds the real app against a fresh PostgreSQL database (cloned from the migrated template), or
 * with `engine: 'embedded'` a fresh embedded PGlite (embedded.ts), and the real Redis with a unique
 * queue prefix. `close()` closes the app and drops the database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@hailong/api';
import { loadConfig, type AppConfig } from '@hailong/api';
import { ensureAdmin } from '@hailong/api';
import { createEmbeddedDatabase } from './embedded.ts';
import type { Engine } from './engine.ts';
import { testEnv } from './env.ts';
import { createTestDatabase, type TestDatabase } from './pg.ts';
import { removeKeys, TEST_REDIS_URL, uniquePrefix } from './redis.ts';

export const ADMIN = { email: 'admin@example.vn', password: 'Admin-Pass-2026!' };

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: AppConfig & { databaseUrl: string };
  /** Cookie header of a logged-in admin. */
  adminCookie: string;
  /** Logs in (from `remoteAddress` when given: the login rate limit counts per address). */
  login(email: string, password: string, remoteAddress?: string): Promise<string>;
  close(): Promise<void>;
}

export async function buildTestApp(overrides: Partial<AppConfig> = {}, opts: { engine?: Engine } = {}): Promise<TestApp> {
  const embeddedDir = opts.engine === 'embedded' ? mkdtempSync(path.join(os.tmpdir(), 'hl-app-')) : null;
  const database = embeddedDir ? await createEmbeddedDatabase(embeddedDir) : await createTestDatabase();
  const config = {
    ...loadConfig(testEnv({ REDIS_URL: TEST_REDIS_URL, PUBLIC_URL: 'http://127.0.0.1:3000' })),
    queuePrefix: uniquePrefix(),
    ...overrides,
    databaseUrl: database.url,
  };
  // The launcher's pool size on the embedded engine (system.ts).
  const app = await buildApp(config, embeddedDir ? { dbPoolSize: 8 } : {});
  await app.ready();
  await ensureAdmin(app.db, ADMIN);
  const login = async (email: string, password: string, remoteAddress?: string): Promise<string> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      ...(remoteAddress ? { remoteAddress } : {}),
    });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'hl_session');
    if (!cookie) throw new Error('no session cookie');
    return `hl_session=${cookie.value}`;
  };
  const adminCookie = await login(ADMIN.email, ADMIN.password);
  return {
    app,
    database,
    config,
    adminCookie,
    login,
    async close() {
      await app.close();
      await removeKeys(config.queuePrefix);
      await database.drop();
      if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
    },
  };
}
