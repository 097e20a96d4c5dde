/**
 * Test databases on the real PostgreSQL (127.0.0.1:5432, or TEST_DATABASE_URL). A template database
 * is migrated and seeded once per content of migrations + seed; each test file clones its own fresh
 * database from it (CREATE DATABASE … TEMPLATE), so tests are isolated by construction.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const repo = fileURLToPath(new URL('../..', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}

/** Name of the template for the current migrations, seed and standard forms. */
export function templateName(): string {
  const h = createHash('sha256');
  for (const dir of ['db/migrations', 'db/seed', 'db/src', 'packages/forms/src', 'packages/scoring/src']) {
    for (const f of filesUnder(path.join(repo, dir)).sort()) h.update(f).update(readFileSync(f));
  }
  return `hl_tpl_${h.digest('hex').slice(0, 16)}`;
}

export function urlFor(database: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** One query on a database over its own short-lived connection. */
export async function queryDatabase<T extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated, seeded template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `hl_t_${randomBytes(6).toString('hex')}`;
  const tpl = templateName();
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${tpl}`));
  return {
    name,
    url: urlFor(name),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** An empty database (no migrations), for migration tests. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = `hl_e_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: urlFor(name),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
