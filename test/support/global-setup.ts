/** Vitest global setup: make sure the migrated + seeded template database exists (once per content). */
import { createDb, createPool, runMigrations, seed } from '@hailong/db';
import { templateName, urlFor, withAdmin } from './pg.ts';

export default async function setup(): Promise<void> {
  const tpl = templateName();
  await withAdmin(async (c) => {
    // Several vitest projects run this concurrently: serialise on an advisory lock.
    await c.query('SELECT pg_advisory_lock(4242)');
    try {
      const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [tpl]);
      if (exists.rowCount) return;
      const building = `${tpl}_building`;
      await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${building}`);
      const pool = createPool(urlFor(building), 1);
      try {
        const db = createDb(pool);
        await runMigrations(db);
        await seed(db);
      } finally {
        await pool.end();
      }
      await c.query(`ALTER DATABASE ${building} RENAME TO ${tpl}`);
      // Templates of other schema versions are left alone: another checkout may be testing with one.
    } finally {
      await c.query('SELECT pg_advisory_unlock(4242)');
    }
  });
}
