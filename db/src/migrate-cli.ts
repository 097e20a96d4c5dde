/** `pnpm db:migrate`: applies migrations to DATABASE_URL (required here: the embedded database migrates on start). */
import { createDb, createPool } from './client.ts';
import { runMigrations } from './migrate.ts';

// eslint-disable-next-line no-restricted-properties -- a one-shot CLI: its single variable is its config
const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('DATABASE_URL is not set. The embedded database (PGlite) is migrated by `pnpm start`.\n');
  process.exit(2);
}
const pool = createPool(url, 1);
try {
  await runMigrations(createDb(pool));
  process.stdout.write('migrations applied\n');
} catch (err) {
  process.stderr.write(`migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
