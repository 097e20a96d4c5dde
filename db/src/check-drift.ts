/**
 * CI guard: fails when the drizzle schema changed without a committed migration. It runs
 * `drizzle-kit generate` into a scratch copy of migrations/ and fails if a new file appears.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const committed = path.join(root, 'migrations');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hl-drift-'));
try {
  cpSync(committed, scratch, { recursive: true });
  const before = readdirSync(scratch).filter((f) => f.endsWith('.sql')).length;
  execFileSync('drizzle-kit', ['generate', '--dialect', 'postgresql', '--schema', './src/schema/index.ts', '--out', scratch], {
    cwd: root,
    stdio: 'pipe',
  });
  const after = readdirSync(scratch).filter((f) => f.endsWith('.sql'));
  if (after.length !== before) {
    process.stderr.write(
      `Schema changed without a migration: run \`pnpm db:generate --name <what-changed>\` and commit db/migrations (new: ${after.slice(before).join(', ')})\n`,
    );
    process.exitCode = 1;
  } else {
    process.stdout.write('db: schema and migrations agree\n');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
