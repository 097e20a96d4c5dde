/**
 * The launcher: `node server/dist/main.js [all|api|worker|migrate]` (from the source: `tsx server/src/main.ts`).
 *   all      `pnpm start`: embedded database unless DATABASE_URL, local Redis, the API and the worker in one process
 *   api      one API replica (PostgreSQL required; prepares the database under the migration lock)
 *   worker   one worker (PostgreSQL required)
 *   migrate  migrations, reference data and the initial admin, then exits
 * The environment is parsed once (@hailong/runtime); a bad one stops the start with one message.
 */
import { ConfigError, loadRuntimeConfig, processEnv } from '@hailong/runtime';
import { StartupError } from '@hailong/api';
import { ROLES, runRole, type Role } from './roles.ts';

function fail(message: string): never {
  process.stderr.write(`\nhailong cannot start:\n${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const role = (process.argv[2] ?? 'all') as Role;
  if (!ROLES.includes(role)) fail(`unknown role "${role}"; use one of: ${ROLES.join(', ')}`);
  const config = loadRuntimeConfig(processEnv());
  await runRole(role, config);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof StartupError) fail(err.message);
  fail(err instanceof Error ? (err.stack ?? err.message) : String(err));
});
