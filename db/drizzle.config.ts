import { defineConfig } from 'drizzle-kit';

// Generation only: migrations are applied programmatically (src/migrate.ts) on PostgreSQL and PGlite.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
});
