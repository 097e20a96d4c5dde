/**
 * The worker's configuration: the system's one environment schema (@hailong/runtime) with a
 * PostgreSQL database required (the worker never starts the embedded one itself).
 */
import { ConfigError, loadRuntimeConfig, processEnv, type Env, type RuntimeConfig } from '@hailong/runtime';

export type WorkerConfig = RuntimeConfig & { databaseUrl: string };

/** A config whose database is already resolved (the launcher resolves the embedded one). */
export function workerConfigFrom(config: RuntimeConfig, databaseUrl = config.databaseUrl): WorkerConfig {
  if (!databaseUrl) throw new ConfigError(['DATABASE_URL: the worker needs a PostgreSQL database (postgres://…)']);
  return { ...config, databaseUrl };
}

export function loadWorkerConfig(env: Env = processEnv()): WorkerConfig {
  return workerConfigFrom(loadRuntimeConfig(env));
}
