/**
 * Migrations and reference data under one PostgreSQL advisory lock: several processes starting
 * together (API replicas, a migrate job) take turns, so each migration is applied once. drizzle's
 * migrator reads the last applied migration before its own transaction; without the lock two
 * processes could both decide to apply the same one.
 */
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import { createDb, type Db } from './client.ts';
import { seed, type SeedResult } from './seed.ts';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** Advisory lock key held while migrating and seeding ("hailong" digits; any fixed bigint works). */
export const MIGRATION_LOCK_KEY = 4_245_660_001;

/** Runs `fn` on one connection of `db`'s pool while that connection holds the migration lock. */
export async function withMigrationLock<T>(db: Db, fn: (locked: Db) => Promise<T>): Promise<T> {
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await fn(createDb(client as unknown as pg.Pool));
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** Applies every committed migration that has not run yet (under the lock). Throws on failure. */
export async function runMigrations(db: Db): Promise<void> {
  await withMigrationLock(db, (locked) => migrate(locked, { migrationsFolder }));
}

/**
 * Everything a database needs before the API serves it, under the lock: migrations, reference data,
 * then `also` (e.g. the initial admin) on the locked connection.
 */
export async function prepareDatabase(db: Db, also?: (locked: Db) => Promise<unknown>): Promise<SeedResult> {
  return withMigrationLock(db, async (locked) => {
    await migrate(locked, { migrationsFolder });
    const seeded = await seed(locked);
    if (also) await also(locked);
    return seeded;
  });
}
