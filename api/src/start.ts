/**
 * Starting the API on a resolved database: the database is prepared (migrations, reference data,
 * the initial admin — under the migration lock, so replicas starting together take turns), then the
 * app is built and listens. The launcher (server/) decides which database and which roles run.
 */
import { createDb, createPool, prepareDatabase } from '@hailong/db';
import type { FastifyInstance } from 'fastify';
import { buildApp, LOG_REDACT } from './app.ts';
import type { AppConfig } from './config.ts';
import { firstAdminLink } from './features/accounts/first-admin.ts';
import { ensureAdmin } from './features/auth/service.ts';
import { listen } from './server.ts';

/** Migrations, reference data and the initial admin (ADMIN_EMAIL/ADMIN_PASSWORD), once, under the lock. */
export async function prepareApiDatabase(databaseUrl: string, admin: AppConfig['admin']): Promise<void> {
  const pool = createPool(databaseUrl, 1);
  try {
    await prepareDatabase(createDb(pool), async (locked) => (admin ? ensureAdmin(locked, admin) : false));
  } finally {
    await pool.end();
  }
}

export interface StartedApi {
  app: FastifyInstance;
  address: string;
}

/** Builds the app on `databaseUrl` and listens on config.host:config.port. */
export async function startApi(config: AppConfig, databaseUrl: string, opts: { dbPoolSize: number }): Promise<StartedApi> {
  const app = await buildApp(
    { ...config, databaseUrl },
    { logger: { level: config.logLevel, redact: LOG_REDACT }, dbPoolSize: opts.dbPoolSize },
  );
  const address = await listen(app, config.host, config.port);
  await announceFirstAdmin(app, config);
  return { app, address };
}

/**
 * Without ADMIN_EMAIL/ADMIN_PASSWORD and while no administrator exists, prints the one-time link that
 * creates the first one (valid until an administrator exists), where the operator looks: the console.
 */
async function announceFirstAdmin(app: FastifyInstance, config: AppConfig): Promise<void> {
  const link = await firstAdminLink(app.db, config.tokenSecret, config.publicUrl);
  if (!link) return;
  process.stdout.write(
    `\nNo administrator yet. To create the first administrator, open (one time):\n  ${link}\nChưa có quản trị viên. Mở đường dẫn trên (một lần) để tạo tài khoản quản trị đầu tiên.\n\n`,
  );
}
