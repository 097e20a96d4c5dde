/**
 * Replicas starting together: two `migrate` processes launched at the same moment on one empty
 * PostgreSQL database. The advisory lock makes them take turns, so each migration is applied once,
 * the reference data once, and the initial admin once.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../../test/support/env.ts';
import { createEmptyDatabase, type TestDatabase } from '../../test/support/pg.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const journal = JSON.parse(readFileSync(path.join(repo, 'db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };

function migrate(databaseUrl: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [path.join(repo, 'server/dist/main.mjs'), 'migrate'], {
    cwd: repo,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      ...testEnv({ DATABASE_URL: databaseUrl, ADMIN_EMAIL: 'admin@example.vn', ADMIN_PASSWORD: 'Lock-Pass-2026!' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

async function count(url: string, sql: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query<{ n: string }>(sql)).rows[0]?.n);
  } finally {
    await c.end();
  }
}

describe('migrations under the advisory lock', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createEmptyDatabase();
  });
  afterAll(async () => database.drop());

  it('two processes started together apply each migration once', async () => {
    const [a, b] = await Promise.all([migrate(database.url), migrate(database.url)]);
    expect(a.code, a.out).toBe(0);
    expect(b.code, b.out).toBe(0);
    expect(await count(database.url, 'SELECT count(*) AS n FROM drizzle.__drizzle_migrations')).toBe(journal.entries.length);
    expect(await count(database.url, 'SELECT count(DISTINCT hash) AS n FROM drizzle.__drizzle_migrations')).toBe(
      journal.entries.length,
    );
    expect(await count(database.url, 'SELECT count(*) AS n FROM units')).toBeGreaterThanOrEqual(40);
    expect(await count(database.url, "SELECT count(*) AS n FROM users WHERE email = 'admin@example.vn'")).toBe(1);
  });
});
