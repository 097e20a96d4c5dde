/**
 * Resolving the services the system needs at start: the database (embedded PGlite when no
 * DATABASE_URL) and Redis (a local redis-server is started when none answers and one is on PATH).
 * Each failure is one clear message saying what is wrong and how to fix it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@hailong/db';
import pg from 'pg';
import { Redis } from 'ioredis';

export class StartupError extends Error {
  override name = 'StartupError';
}

export async function checkDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    const safe = url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, '//$1:***@');
    throw new StartupError(
      `Database unreachable at ${safe}: ${err instanceof Error ? err.message : String(err)}. Check DATABASE_URL, or unset it to use the embedded database.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function resolveDatabase(
  databaseUrl: string | undefined,
  dataDir: string,
): Promise<{ url: string; embedded: EmbeddedPostgres | null }> {
  if (databaseUrl) {
    await checkDatabase(databaseUrl);
    return { url: databaseUrl, embedded: null };
  }
  const embedded = await startEmbeddedPostgres(dataDir);
  return { url: embedded.url, embedded };
}

async function pingRedis(url: string): Promise<boolean> {
  const r = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_500,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

export interface RedisResolution {
  started: { stop(): void } | null;
}

/** Ensures Redis answers at `url`; starts a local redis-server on that port if allowed and possible. */
export async function resolveRedis(url: string, dataDir: string, allowStart: boolean): Promise<RedisResolution> {
  if (await pingRedis(url)) return { started: null };
  const u = new URL(url);
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(u.hostname);
  const onPath = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (!allowStart || !local || !onPath) {
    throw new StartupError(
      `Redis is not answering at ${u.protocol}//${u.host}. Start one (Debian/Ubuntu: \`apt-get install redis-server\`), or set REDIS_URL to a running Redis.`,
    );
  }
  const dir = path.join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const port = u.port || '6379';
  const child = spawn(
    onPath,
    ['--port', port, '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--maxmemory-policy', 'noeviction'],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 50; i++) {
    if (await pingRedis(url)) return { started: { stop: () => child.kill('SIGTERM') } };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new StartupError(`Started redis-server on port ${port} but it does not answer. Set REDIS_URL to a running Redis.`);
}
