/**
 * The compiled API role starts while Redis is down: ready (degraded) and serving what needs only the
 * database; /healthz names Redis. Mail jobs wait for Redis; responses never touch it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../../test/support/env.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg.ts';
import { freePort } from '../../test/support/server-process.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));

describe('the API role without Redis', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it('starts, answers /readyz 200 degraded, signs in an admin, and /healthz 503 names redis', async () => {
    const port = await freePort();
    const env = testEnv({
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      REDIS_URL: 'redis://127.0.0.1:1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: 'admin@example.vn',
      ADMIN_PASSWORD: 'NoRedis-Pass-2026!',
    });
    const child = spawn(process.execPath, [path.join(repo, 'server/dist/main.mjs'), 'api'], {
      cwd: repo,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      let ready: Response | null = null;
      for (let i = 0; i < 240 && !ready; i++) {
        ready = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
        if (!ready) await new Promise((r) => setTimeout(r, 250));
      }
      expect(ready?.status, out).toBe(200);
      expect(await ready?.json()).toEqual({ status: 'degraded', db: 'ok', redis: 'down' });
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@example.vn', password: 'NoRedis-Pass-2026!' }),
      });
      expect(login.status).toBe(200);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ db: 'ok', redis: 'down', worker: { status: 'unknown' } });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
