/**
 * `pnpm start`: the whole system in one command on embedded defaults — database (PGlite under
 * DATA_DIR unless DATABASE_URL), Redis (local; started if absent), migrations, reference data, the
 * initial admin, the API serving the built web app, and the worker. SIGTERM/SIGINT close it cleanly.
 */
import { fileURLToPath } from 'node:url';
import { createDb, createPool, runMigrations, seed } from '@hailong/db';
import { loadWorkerConfig, startWorker, type WorkerHandle } from '@hailong/worker';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { ensureAdmin } from './features/auth/service.ts';
import { resolveDatabase, resolveRedis, StartupError } from './lib/services.ts';
import { listen } from './server.ts';

function fail(message: string): never {
  process.stderr.write(`\nhailong cannot start:\n${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const db = await resolveDatabase(config.databaseUrl, config.dataDir);
  const redis = await resolveRedis(config.redisUrl, config.dataDir, config.startRedis);

  const pool = createPool(db.url, 1);
  try {
    const handle = createDb(pool);
    await runMigrations(handle);
    await seed(handle);
    if (config.admin) await ensureAdmin(handle, config.admin);
  } finally {
    await pool.end();
  }

  const webDist = fileURLToPath(new URL('../../survey-web/dist', import.meta.url));
  const app = await buildApp({ ...config, databaseUrl: db.url, webDist }, {
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    dbPoolSize: db.embedded ? 8 : 20,
  });
  let worker: WorkerHandle | null = null;
  if (config.runWorker) {
    worker = await startWorker(
      loadWorkerConfig({
        DATABASE_URL: db.url,
        REDIS_URL: config.redisUrl,
        SMTP_URL: config.smtpUrl,
        MAIL_FROM: config.mailFrom,
        SMTP_RATE_PER_SECOND: String(config.smtpRatePerSecond),
        DATA_DIR: config.dataDir,
        PUBLIC_URL: config.publicUrl,
        QUEUE_PREFIX: config.queuePrefix,
        TOKEN_SECRET: config.tokenSecret,
      }),
    );
  }
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'closing after error');
    await app.close();
    await worker?.close();
    await db.embedded?.stop();
    redis.started?.stop();
  });
  const address = await listen(app, config.host, config.port);
  app.log.info({ address, database: db.embedded ? 'embedded PGlite' : 'PostgreSQL', dataDir: config.dataDir }, 'hailong started');
}

main().catch((err: unknown) => {
  if (err instanceof StartupError) fail(err.message);
  fail(err instanceof Error ? (err.stack ?? err.message) : String(err));
});
