/**
 * The quick start as a user runs it: the compiled launcher (`node server/dist/main.mjs`, what `pnpm start` runs
 * after `pnpm build`) in its `all` role on embedded defaults, and the clear failure messages of a bad configuration.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../test/support/server-process.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bundle = path.join(repo, 'server/dist/main.mjs');

function run(env: Record<string, string>, untilMs: number, role = 'all') {
  const child = spawn(process.execPath, [bundle, role], {
    cwd: repo,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const timer = setTimeout(() => child.kill('SIGKILL'), untilMs);
  return { child, exited: exited.finally(() => clearTimeout(timer)), output: () => out };
}

describe('pnpm start', () => {
  it('starts on embedded defaults (PGlite under DATA_DIR) and answers /healthz 200 (worker beating) within 90 s', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hl-start-'));
    const port = await freePort();
    const p = run(
      {
        PORT: String(port),
        DATA_DIR: dataDir,
        ADMIN_EMAIL: 'admin@example.vn',
        ADMIN_PASSWORD: 'Start-Pass-2026!',
        LOG_LEVEL: 'warn',
      },
      120_000,
    );
    try {
      const t0 = Date.now();
      let health: unknown = null;
      while (Date.now() - t0 < 90_000) {
        try {
          const r = await fetch(`http://127.0.0.1:${port}/healthz`);
          if (r.status === 200) {
            health = await r.json();
            break;
          }
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(health, p.output()).toMatchObject({ db: 'ok', redis: 'ok', worker: { status: 'ok' } });
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@example.vn', password: 'Start-Pass-2026!' }),
      });
      expect(login.status).toBe(200);
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
    } finally {
      p.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('stops with one clear message listing every bad variable', async () => {
    const p = run({ PORT: 'eighty', REDIS_URL: 'http://nope', DATABASE_URL: 'mysql://x' }, 20_000);
    expect(await p.exited).toBe(1);
    const out = p.output();
    expect(out).toContain('hailong cannot start');
    for (const v of ['PORT', 'REDIS_URL', 'DATABASE_URL']) expect(out).toContain(v);
  });

  it('stops with a clear message when the database is unreachable', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hl-start-'));
    const p = run(
      { DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/none', PORT: String(await freePort()), DATA_DIR: dataDir },
      20_000,
    );
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/Database unreachable at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none/);
    expect(p.output()).not.toContain('secret');
  });

  it('in production, stops with one message naming DATABASE_URL and TOKEN_SECRET', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hl-start-'));
    for (const role of ['all', 'api', 'worker', 'migrate']) {
      const p = run({ NODE_ENV: 'production', DATA_DIR: dataDir }, 20_000, role);
      expect(await p.exited).toBe(1);
      expect(p.output()).toContain('DATABASE_URL, TOKEN_SECRET: required when NODE_ENV=production');
    }
  });
});
