/**
 * The embedded database for end-to-end tests, as `pnpm start` runs it when DATABASE_URL is unset:
 * PGlite under DATA_DIR/pglite served on a loopback port, migrated and seeded at start. Creating a
 * PGlite cluster takes ~20 s, so one migrated, seeded data directory is built once per content of
 * migrations + seed (like the PostgreSQL template) and each system starts from a copy of it.
 */
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareApiDatabase, resolveDatabase } from '@hailong/api';
import { startEmbeddedPostgres } from '@hailong/db';
import { templateName, withAdmin, type TestDatabase } from './pg.ts';

/** Migrations and reference data, as the launcher prepares the database at start. */
const migrateAndSeed = (url: string) => prepareApiDatabase(url, undefined);

/** The template data directory (contains `pglite/`), built under the advisory lock the PostgreSQL template uses. */
async function embeddedTemplate(): Promise<string> {
  const dir = path.join(os.tmpdir(), `hl-pglite-${templateName()}`);
  if (existsSync(dir)) return dir;
  await withAdmin(async (c) => {
    await c.query('SELECT pg_advisory_lock(4242)');
    try {
      if (existsSync(dir)) return;
      const building = mkdtempSync(`${dir}-building-`);
      const embedded = await startEmbeddedPostgres(building);
      try {
        await migrateAndSeed(embedded.url);
      } finally {
        await embedded.stop();
      }
      renameSync(building, dir);
    } finally {
      await c.query('SELECT pg_advisory_unlock(4242)');
    }
  });
  return dir;
}

/** A fresh embedded database in `dataDir` (a copy of the template), started and migrated like `pnpm start`. */
export async function createEmbeddedDatabase(dataDir: string): Promise<TestDatabase> {
  cpSync(path.join(await embeddedTemplate(), 'pglite'), path.join(dataDir, 'pglite'), { recursive: true });
  const db = await resolveDatabase(undefined, dataDir);
  await migrateAndSeed(db.url);
  return {
    name: 'embedded',
    url: db.url,
    async drop() {
      await db.embedded?.stop();
      rmSync(path.join(dataDir, 'pglite'), { recursive: true, force: true });
    },
  };
}
