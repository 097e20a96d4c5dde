/** What each role starts, from one typed configuration. */
import { fileURLToPath } from 'node:url';
import { prepareApiDatabase, resolveDatabase, resolveRedis, startApi, StartupError, type AppConfig } from '@hailong/api';
import type { RuntimeConfig } from '@hailong/runtime';
import {
  EMBEDDED_TALLY_FOLD_BATCH,
  EMBEDDED_TALLY_FOLD_UNITS,
  startWorker,
  workerConfigFrom,
  type WorkerHandle,
} from '@hailong/worker';
import closeWithGrace from 'close-with-grace';

export const ROLES = ['all', 'api', 'worker', 'migrate'] as const;
export type Role = (typeof ROLES)[number];

const WEB_DIST = fileURLToPath(new URL('../../survey-web/dist', import.meta.url));

function requireDatabase(config: RuntimeConfig, role: Role): string {
  if (config.databaseUrl) return config.databaseUrl;
  throw new StartupError(`DATABASE_URL is required for the "${role}" role (the embedded database is only for \`pnpm start\`).`);
}

async function runMigrate(config: RuntimeConfig): Promise<void> {
  await prepareApiDatabase(requireDatabase(config, 'migrate'), config.admin);
  process.stdout.write('database ready: migrations applied, reference data present\n');
}

async function runWorkerRole(config: RuntimeConfig): Promise<void> {
  const worker = await startWorker(workerConfigFrom(config, requireDatabase(config, 'worker')));
  closeWithGrace({ delay: 10_000 }, async () => {
    await worker.close();
  });
}

async function runApi(config: RuntimeConfig): Promise<void> {
  const databaseUrl = requireDatabase(config, 'api');
  await prepareApiDatabase(databaseUrl, config.admin);
  const appConfig: AppConfig = { ...config, webDist: WEB_DIST };
  const { app, address } = await startApi(appConfig, databaseUrl, { dbPoolSize: 20 });
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'closing after error');
    await app.close();
  });
  app.log.info({ address }, 'hailong API started');
}

/** `pnpm start`: everything on one machine; Redis missing is a warning (jobs wait for it), not a stop. */
async function runAll(config: RuntimeConfig): Promise<void> {
  const db = await resolveDatabase(config.databaseUrl, config.dataDir);
  const redis = await resolveRedis(config.redisUrl, config.dataDir, config.startRedis).catch((err: unknown) => {
    process.stderr.write(
      `warning: ${err instanceof Error ? err.message : String(err)} Responses are stored; mail waits until Redis answers.\n`,
    );
    return { started: null };
  });
  await prepareApiDatabase(db.url, config.admin);
  const { app, address } = await startApi({ ...config, webDist: WEB_DIST }, db.url, { dbPoolSize: db.embedded ? 8 : 20 });
  let worker: WorkerHandle | null = null;
  if (config.runWorker)
    worker = await startWorker(
      workerConfigFrom(config, db.url),
      db.embedded
        ? { tallyFoldBatch: EMBEDDED_TALLY_FOLD_BATCH, tallyFoldUnits: EMBEDDED_TALLY_FOLD_UNITS, embeddedVacuum: true }
        : {},
    );
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'closing after error');
    await app.close();
    await worker?.close();
    await db.embedded?.stop();
    redis.started?.stop();
  });
  app.log.info({ address, database: db.embedded ? 'embedded PGlite' : 'PostgreSQL', dataDir: config.dataDir }, 'hailong started');
}

export async function runRole(role: Role, config: RuntimeConfig): Promise<void> {
  const run = { all: runAll, api: runApi, worker: runWorkerRole, migrate: runMigrate }[role];
  await run(config);
}
